// Reads of user accounts: the owner's user list, and lookups the command line needs. Plain functions of a Db, usable by scripts too.
import 'server-only';
import type { Db } from '@/db/client';
import { likeContaining } from '@/db/like-containing';
import { prepared } from '@/db/prepared';
import { toViewerRow, type RawUser, type ViewerRow } from '@/lib/auth/session-user';

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
