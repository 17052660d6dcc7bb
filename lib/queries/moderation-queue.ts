// Reads the moderation queue: a page of one tab (reported, flagged, hidden, new), every tab's count, and fresh cards the moderator still shows.
import 'server-only';
import type { Db, Tx } from '@/db/client';
import { prepared } from '@/db/prepared';
import type { Viewer } from '@/lib/shared/auth/actor';
import { authorizeActor } from '@/lib/auth/authorize-actor';
import { isFailure, type Failure, type Result } from '@/lib/shared/result';
import { QUEUE_PAGE_SIZE, SORT_KEY, type QueueQuery, type QueueTab } from '@/lib/shared/validation/queue-query';
import { readModeratedComments } from './moderated-comments';
import { QUEUE_TAB_ORDER, type ModerationQueuePage, type QueueCard, type QueueCounts } from '../shared/moderation/queue-types';

/**
 * New holds every comment of the last 7 days, whatever its status. (Only imports create placeholders, and
 * they carry old dates; a status test would make the count read each row instead of the index alone.)
 */
export const NEW_TAB_DAYS = 7;
/** Cards show their 5 newest log rows. */
const CARD_LOG_ROWS = 5;

type Listed = { id: number; at: string };

export const sortKeyOf = ({ id, at }: Listed) => `${at}_${String(id).padStart(12, '0')}`;

// Each tab lists (id, the time it is ordered by); `:article` and the cursor are optional, so each
// combination is its own statement and SQLite can use the tab's index (per-article or global).
function listSql(tab: QueueTab, byArticle: boolean, afterCursor: boolean): string {
  const next = QUEUE_TAB_ORDER[tab] === 'asc' ? '>' : '<';
  const direction = QUEUE_TAB_ORDER[tab] === 'asc' ? 'ASC' : 'DESC';
  const article = byArticle ? 'AND c.article_id = :article' : '';
  if (tab === 'reported') {
    // reports_open_created_idx holds the open reports only; a comment is as old as its oldest open one.
    return `
      SELECT r.comment_id AS id, min(r.created_at) AS "at"
      FROM reports AS r ${byArticle ? 'JOIN comments AS c ON c.id = r.comment_id AND c.article_id = :article' : ''}
      WHERE r.resolved_at IS NULL
      GROUP BY r.comment_id
      ${afterCursor ? `HAVING min(r.created_at) ${next} :afterAt OR (min(r.created_at) = :afterAt AND r.comment_id ${next} :afterId)` : ''}
      ORDER BY "at" ${direction}, id ${direction}
      LIMIT ${QUEUE_PAGE_SIZE + 1}`;
  }
  const column = { flagged: 'c.flagged_at', hidden: 'c.hidden_at', new: 'c.created_at' }[tab];
  const membership = tab === 'new' ? 'c.created_at >= :since' : `${column} IS NOT NULL`;
  return `
    SELECT c.id, ${column} AS "at"
    FROM comments AS c
    WHERE ${membership} ${article}
      ${afterCursor ? `AND (${column} ${next} :afterAt OR (${column} = :afterAt AND c.id ${next} :afterId))` : ''}
    ORDER BY ${column} ${direction}, c.id ${direction}
    LIMIT ${QUEUE_PAGE_SIZE + 1}`;
}

function countsSql(byArticle: boolean): string {
  const article = byArticle ? 'AND c.article_id = :article' : '';
  return `
    SELECT
      (SELECT count(DISTINCT r.comment_id) FROM reports AS r ${byArticle ? 'JOIN comments AS c ON c.id = r.comment_id AND c.article_id = :article' : ''}
        WHERE r.resolved_at IS NULL) AS reported,
      (SELECT count(*) FROM comments AS c WHERE c.flagged_at IS NOT NULL ${article}) AS flagged,
      (SELECT count(*) FROM comments AS c WHERE c.hidden_at IS NOT NULL ${article}) AS hidden,
      (SELECT count(*) FROM comments AS c WHERE c.created_at >= :since ${article}) AS new`;
}

/** Which comments are in a tab right now, of those given (for `include`): their place in the tab, or nothing. */
function membershipSql(tab: QueueTab, byArticle: boolean): string {
  const listed = listSql(tab, byArticle, false).replace(/LIMIT \d+\s*$/, '');
  return `SELECT id, "at" FROM (${listed}) WHERE id IN (SELECT value FROM json_each(:ids))`;
}

export type QueueRequest = Omit<QueueQuery, 'include'> & { include?: readonly number[]; now: number };

/** One page of a tab. Call inside a read transaction so that the counts and the cards agree. */
export function readModerationQueue(db: Db | Tx, request: QueueRequest): ModerationQueuePage {
  const { tab, articleId, after, now } = request;
  const byArticle = articleId !== null;
  const since = new Date(now - NEW_TAB_DAYS * 24 * 60 * 60 * 1000).toISOString();
  const cursor = after ? SORT_KEY.exec(after) : null;
  const params = {
    since,
    ...(byArticle && { article: articleId }),
    ...(cursor && { afterAt: cursor[1], afterId: Number(cursor[2]) }),
  };
  const counts = prepared(db, countsSql(byArticle)).get(params) as QueueCounts;
  const rows = prepared(db, listSql(tab, byArticle, cursor !== null)).all(params) as Listed[];
  const page = rows.slice(0, QUEUE_PAGE_SIZE);
  const pageIds = new Set(page.map((row) => row.id));
  const includeIds = (request.include ?? []).filter((id) => !pageIds.has(id));
  const stillListed = includeIds.length === 0
    ? []
    : (prepared(db, membershipSql(tab, byArticle)).all({ ...params, ids: JSON.stringify(includeIds) }) as Listed[]);
  const sortKeys = new Map([...page, ...stillListed].map((row) => [row.id, sortKeyOf(row)]));
  const comments = readModeratedComments(db, [...page.map((row) => row.id), ...includeIds], CARD_LOG_ROWS);
  const card = (id: number): QueueCard[] => {
    const comment = comments.get(id);
    return comment ? [{ ...comment, sortKey: sortKeys.get(id) ?? null }] : [];
  };
  return {
    counts,
    cards: page.flatMap((row) => card(row.id)),
    nextCursor: rows.length > QUEUE_PAGE_SIZE ? sortKeyOf(page.at(-1)!) : null,
    include: includeIds.flatMap(card),
    readAt: new Date(now).toISOString(),
  };
}

/** The queue for a moderator or owner, re-read from the database; everyone else is refused and shown nothing. */
export function readModerationQueueFor(db: Db, viewer: Viewer, query: QueueQuery, options: { now?: number } = {}): Result<{ queue: ModerationQueuePage }> {
  const now = options.now ?? Date.now();
  return db.transaction((tx) => {
    const authorized = authorizeActor(tx, viewer, 'comment.moderate');
    if (isFailure(authorized)) return authorized;
    return { ok: true as const, queue: readModerationQueue(tx, { ...query, now }) };
  }, { behavior: 'deferred' });
}

/** Why `viewer` may not read the queue (anonymous, reader, banned), or null for a moderator or owner. */
export function queueReaderRefusal(db: Db, viewer: Viewer): Failure | null {
  const authorized = db.transaction((tx) => authorizeActor(tx, viewer, 'comment.moderate'), { behavior: 'deferred' });
  return isFailure(authorized) ? authorized : null;
}
