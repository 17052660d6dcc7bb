// Reads every comment by one author for moderators, newest first a page at a time, with a summary, so a pattern shows.
import 'server-only';
import type { Db, Tx } from '@/db/client';
import { prepared } from '@/db/prepared';
import type { Role } from '@/db/schema';
import type { Viewer } from '@/lib/shared/auth/actor';
import { authorizeActor } from '@/lib/auth/authorize-actor';
import { fail, type Result, isFailure } from '@/lib/shared/result';
import { QUEUE_PAGE_SIZE, SORT_KEY } from '@/lib/shared/validation/queue-query';
import { readModeratedComments } from './moderated-comments';
import { sortKeyOf } from './moderation-queue';
import type { ModeratedComment } from '../shared/moderation/queue-types';

/** Each comment on the author page shows up to this many log rows, newest first. */
const AUTHOR_LOG_ROWS = 20;

export type AuthorSummary = {
  id: number;
  displayName: string;
  email: string;
  role: Role;
  banned: boolean;
  banReason: string | null;
  comments: number;
  hidden: number;
  flagged: number;
  openReports: number;
};

export type AuthorCommentsPage = { author: AuthorSummary; comments: ModeratedComment[]; nextCursor: string | null; readAt: string };

const SELECT_AUTHOR = `
  SELECT u.id, u.display_name AS displayName, u.email, u.role, u.banned_at IS NOT NULL AS banned, u.ban_reason AS banReason,
    (SELECT count(*) FROM comments AS c WHERE c.author_id = u.id) AS comments,
    (SELECT count(*) FROM comments AS c WHERE c.author_id = u.id AND c.status = 'hidden') AS hidden,
    (SELECT count(*) FROM comments AS c WHERE c.author_id = u.id AND c.flagged_at IS NOT NULL) AS flagged,
    (SELECT count(*) FROM comments AS c JOIN reports AS r ON r.comment_id = c.id AND r.resolved_at IS NULL WHERE c.author_id = u.id) AS openReports
  FROM users AS u WHERE u.id = :authorId`;

// comments_author_created_idx gives the order and the cursor's range.
const listSql = (afterCursor: boolean) => `
  SELECT c.id, c.created_at AS "at" FROM comments AS c
  WHERE c.author_id = :authorId
    ${afterCursor ? 'AND (c.created_at < :afterAt OR (c.created_at = :afterAt AND c.id < :afterId))' : ''}
  ORDER BY c.created_at DESC, c.id DESC
  LIMIT ${QUEUE_PAGE_SIZE + 1}`;

/** The author's page after `after` (a nextCursor), or null for an unknown user. */
export function readAuthorComments(db: Db | Tx, authorId: number, after: string | null, now: number): AuthorCommentsPage | null {
  const row = prepared(db, SELECT_AUTHOR).get({ authorId }) as (Omit<AuthorSummary, 'banned'> & { banned: number }) | undefined;
  if (!row) return null;
  const cursor = after ? SORT_KEY.exec(after) : null;
  const rows = prepared(db, listSql(cursor !== null)).all({ authorId, ...(cursor && { afterAt: cursor[1], afterId: Number(cursor[2]) }) }) as { id: number; at: string }[];
  const page = rows.slice(0, QUEUE_PAGE_SIZE);
  const comments = readModeratedComments(db, page.map((listed) => listed.id), AUTHOR_LOG_ROWS);
  return {
    author: { ...row, banned: row.banned === 1 },
    comments: page.flatMap((listed) => comments.get(listed.id) ?? []),
    nextCursor: rows.length > QUEUE_PAGE_SIZE ? sortKeyOf(page.at(-1)!) : null,
    readAt: new Date(now).toISOString(),
  };
}

/** The author page for a moderator or owner, re-read from the database; NOT_FOUND for an unknown user or a bad cursor. */
export function readAuthorCommentsFor(
  db: Db,
  viewer: Viewer,
  authorId: number,
  after: string | null,
  options: { now?: number } = {},
): Result<{ page: AuthorCommentsPage }> {
  const now = options.now ?? Date.now();
  return db.transaction((tx) => {
    const authorized = authorizeActor(tx, viewer, 'comment.moderate');
    if (isFailure(authorized)) return authorized;
    if (after !== null && !SORT_KEY.test(after)) return fail('INVALID_INPUT', 'after must be a nextCursor value from an earlier page');
    const page = readAuthorComments(tx, authorId, after, now);
    return page ? { ok: true as const, page } : fail('NOT_FOUND', 'No user has this id.');
  }, { behavior: 'deferred' });
}
