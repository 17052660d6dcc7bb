// Tells a banned user, on every page, why the controls they expect are missing.
import type { Viewer } from '@/lib/shared/auth/actor';

export function BanNotice({ viewer }: { viewer: Viewer }) {
  if (viewer.kind !== 'user' || !viewer.banned) return null;
  return (
    <p className="ban-notice" role="status">
      Your account is banned: <q>{viewer.banReason}</q>. You can still read, but you cannot post, report or moderate.
    </p>
  );
}
