// Reads of user accounts: the signed-in user with their session version, and the owner's user list. Plain functions of a Db, usable by scripts too.
import type { Db } from '@/db/client';
import { prepared } from '@/db/prepared';
import type { Role } from '@/db/schema';
import type { UserViewer } from '@/lib/shared/auth/actor';
import { likeContaining } from './like-containing';

/** An account as the app describes who is calling. */
export type ViewerRow = Omit<UserViewer, 'kind' | 'requestId'>;

export type SessionUser = ViewerRow & { sessionVersion: number };

type RawUser = {
  id: number;
  email: string;
  display_name: string;
  role: Role;
  banned_at: string | null;
  ban_reason: string | null;
};

const toViewerRow = (row: RawUser): ViewerRow => ({
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

export const USERS_PAGE_SIZE = 50;

export type UserListItem = ViewerRow & { createdAt: string };

/** Users ordered by email, a page at a time after the email `after`, optionally those whose email or name contains `query`. */
export function listUsers(db: Db, options: { query?: string; after?: string }): { users: UserListItem[]; nextAfter: string | null } {
  const pattern = options.query ? likeContaining(options.query.normalize('NFKC').toLowerCase()) : '%';
  const rows = prepared(db, `SELECT id, email, display_name, role, banned_at, ban_reason, created_at FROM users
    WHERE email > @after AND (email LIKE @pattern ESCAPE '\\' OR fold_text(display_name) LIKE @pattern ESCAPE '\\')
    ORDER BY email LIMIT ${USERS_PAGE_SIZE + 1}`).all({ after: options.after ?? '', pattern }) as (RawUser & { created_at: string })[];
  const page = rows.slice(0, USERS_PAGE_SIZE);
  return {
    users: page.map((row) => ({ ...toViewerRow(row), createdAt: row.created_at })),
    nextAfter: rows.length > USERS_PAGE_SIZE ? page[page.length - 1]!.email : null,
  };
}

/** Whether some owner is not banned, i.e. someone can manage users in the browser. */
export function hasActiveOwner(db: Db): boolean {
  return prepared(db, "SELECT 1 FROM users WHERE role = 'owner' AND banned_at IS NULL LIMIT 1").get() !== undefined;
}

export function findUserIdByEmail(db: Db, email: string): number | undefined {
  const row = prepared(db, 'SELECT id FROM users WHERE email = ?').get(email) as { id: number } | undefined;
  return row?.id;
}
