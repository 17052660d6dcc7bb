// The signed-in account as a session carries it, read from `users` on every request so that a demotion or a ban
// takes effect at once. Lives with auth, which reads it for every session; the owner's user list describes its
// rows the same way.
import 'server-only';
import type { Db } from '@/db/client';
import { prepared } from '@/db/prepared';
import type { Role } from '@/db/schema';
import type { UserViewer } from '@/lib/shared/auth/actor';

/** An account as the app describes who is calling. */
export type ViewerRow = Omit<UserViewer, 'kind' | 'requestId'>;

export type SessionUser = ViewerRow & { sessionVersion: number };

/** The columns of `users` a ViewerRow is made of, as SQLite returns them. */
export type RawUser = {
  id: number;
  email: string;
  display_name: string;
  role: Role;
  banned_at: string | null;
  ban_reason: string | null;
};

export const toViewerRow = (row: RawUser): ViewerRow => ({
  id: row.id,
  email: row.email,
  displayName: row.display_name,
  role: row.role,
  banned: row.banned_at !== null,
  banReason: row.ban_reason,
});

/** The account as a session carries it, with the session version every cookie must match; undefined for a deleted user. */
export function readSessionUser(db: Db, id: number): SessionUser | undefined {
  const row = prepared(db, `SELECT id, email, display_name, role, banned_at, ban_reason, session_version
    FROM users WHERE id = ?`).get(id) as (RawUser & { session_version: number }) | undefined;
  return row ? { ...toViewerRow(row), sessionVersion: row.session_version } : undefined;
}
