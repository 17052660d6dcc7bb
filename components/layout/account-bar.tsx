// The header's account corner: who is signed in and as what, or links to sign in.
import Link from 'next/link';
import { Suspense } from 'react';
import type { Viewer } from '@/lib/shared/auth/actor';
import { can } from '@/lib/shared/auth/permissions';
import { signOutAction } from '@/lib/actions/accounts';
import { SignInLinks } from './sign-in-link';

export function AccountBar({ viewer }: { viewer: Viewer }) {
  if (viewer.kind === 'anonymous') {
    return (
      <nav className="account-bar" aria-label="Account">
        <Suspense fallback={<Link href="/signin">Sign in</Link>}>
          <SignInLinks />
        </Suspense>
      </nav>
    );
  }
  return (
    <nav className="account-bar" aria-label="Account">
      {can(viewer, 'comment.moderate') && <Link href="/moderation">Moderation</Link>}
      {can(viewer, 'moderation.log.view') && <Link href="/moderation/log">Moderation log</Link>}
      {can(viewer, 'users.manage') && <Link href="/admin/users">Users</Link>}
      <span className="signed-in-as">
        Signed in as <bdi className="account-name">{viewer.displayName}</bdi>{' '}
        <span className="role-badge" data-role={viewer.role}>{viewer.role}</span>
        {viewer.banned && <span className="role-badge banned-badge">banned</span>}
      </span>
      <form action={signOutAction}>
        <button type="submit" className="link-button">Sign out</button>
      </form>
    </nav>
  );
}
