import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { UserTable } from '@/components/admin/user-table';
import { getDb } from '@/db/client';
import { requireViewer } from '@/lib/auth/get-viewer';
import { can } from '@/lib/shared/auth/permissions';
import { listUsers } from '@/lib/queries/users';

export const metadata: Metadata = { title: 'Users' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const single = (value: string | string[] | undefined) => (typeof value === 'string' ? value.slice(0, 200) : '');

export default async function UsersPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const query = single(params.q).trim();
  const after = single(params.after);
  const viewer = await requireViewer(`/admin/users${query ? `?${new URLSearchParams({ q: query })}` : ''}`);
  if (!can(viewer, 'users.manage')) forbidden();
  const { users, nextAfter } = listUsers(getDb(), { query, after });
  return (
    <section className="admin-users">
      <h1>Users</h1>
      <form className="user-search" role="search" action="/admin/users">
        <label htmlFor="user-search">Search by email or name</label>
        <input id="user-search" name="q" type="search" defaultValue={query} />
        <button type="submit">Search</button>
      </form>
      {users.length === 0 ? (
        <p>{query ? <>No user&apos;s email or name contains <q>{query}</q>.</> : 'No users yet.'}</p>
      ) : (
        <UserTable users={users} viewerId={viewer.id} />
      )}
      <nav className="pager" aria-label="More users">
        {after && <Link href={`/admin/users${query ? `?${new URLSearchParams({ q: query })}` : ''}`}>First page</Link>}
        {nextAfter && <Link href={`/admin/users?${new URLSearchParams({ ...(query && { q: query }), after: nextAfter })}`}>Next page</Link>}
      </nav>
    </section>
  );
}
