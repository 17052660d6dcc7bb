// Reads one page of the moderation log for moderators and owners: filtered, newest first, 100 rows, each row's target named.
import 'server-only';
import type { Db, Tx } from '@/db/client';
import { prepared } from '@/db/prepared';
import type { ActorRole } from '@/db/schema';
import type { Viewer } from '@/lib/shared/auth/actor';
import { authorizeActor } from '@/lib/auth/authorize-actor';
import type { LogAction } from '@/db/log-actions';
import { isOwnerOnlyLogAction } from '@/lib/shared/log/owner-only-log-actions';
import { LOG_ACTION_WORDS, reasonWords } from '@/lib/shared/vocabulary';
import { findUnknownLogReference } from '@/lib/log/log-filter-references';
import { logFilterCondition } from '@/lib/log/log-filter-sql';
import type { LogFilters } from '@/lib/shared/log/log-filters';
import { fail, type Failure, type Result, isFailure } from '@/lib/shared/result';
import type { LogActorChoice, LogAudience, LogEntryTarget, LogPage, LogPageEntry } from '../shared/log/log-page-types';

export const LOG_PAGE_SIZE = 100;

export type LogPageRequest = {
  filters: LogFilters;
  /** Only rows older than this id (a nextBefore); null for the newest page. */
  before: number | null;
};

type Row = {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string;
  actorRole: ActorRole;
  action: string;
  targetType: LogEntryTarget['type'] | null;
  targetId: number | null;
  reasonCode: string | null;
  publicNote: string | null;
  internalNote: string | null;
  previousState: string | null;
  newState: string | null;
  hash: string;
  articleId: number | null;
  articleSlug: string | null;
  articleTitle: string | null;
  commentAuthor: string | null;
  userName: string | null;
};

// Every join is on a primary key and only names the page's rows; the filter and the keyset decide
// which rows, on moderation_log's own indexes, newest first.
const pageSql = (where: string) => `
  SELECT l.id, l.created_at AS "at", l.actor_id AS actorId, l.actor_name AS actorName, l.actor_role AS actorRole, l.action,
    l.target_type AS targetType, l.target_id AS targetId, l.reason_code AS reasonCode, l.public_note AS publicNote,
    l.internal_note AS internalNote, l.previous_state AS previousState, l.new_state AS newState, l.hash,
    a.id AS articleId, a.slug AS articleSlug, a.title AS articleTitle,
    tc.author_name AS commentAuthor, tu.display_name AS userName
  FROM moderation_log l
  LEFT JOIN articles AS a ON a.id = l.article_id
  LEFT JOIN comments AS tc ON l.target_type = 'comment' AND tc.id = l.target_id
  LEFT JOIN users AS tu ON l.target_type = 'user' AND tu.id = l.target_id
  WHERE ${where} AND l.id < ?
  ORDER BY l.id DESC
  LIMIT ${LOG_PAGE_SIZE + 1}`;

function targetOf(row: Row): LogEntryTarget | null {
  if (row.targetType === null || row.targetId === null) return null;
  const id = row.targetId;
  switch (row.targetType) {
    case 'comment':
      return { type: 'comment', id, name: row.commentAuthor, href: row.commentAuthor !== null && row.articleSlug ? `/articles/${row.articleSlug}/comments/${id}` : null };
    case 'user':
      return { type: 'user', id, name: row.userName, href: row.userName !== null ? `/moderation/authors/${id}` : null };
    case 'article':
      return { type: 'article', id, name: row.articleTitle, href: row.articleSlug && `/articles/${row.articleSlug}` };
  }
}

function entryOf(row: Row, audience: LogAudience): LogPageEntry {
  const withheld = audience === 'moderator' && isOwnerOnlyLogAction(row.action) && row.internalNote !== null;
  return {
    id: row.id,
    at: row.at,
    actor: { id: row.actorId, name: row.actorName, role: row.actorRole },
    action: row.action,
    actionLabel: LOG_ACTION_WORDS[row.action as LogAction] ?? row.action.replaceAll('_', ' '),
    target: targetOf(row),
    article: row.articleId !== null ? { id: row.articleId, slug: row.articleSlug!, title: row.articleTitle! } : null,
    reason: row.reasonCode !== null ? { code: row.reasonCode, label: reasonWords(row.reasonCode) } : null,
    publicNote: row.publicNote,
    internalNote: withheld ? null : row.internalNote,
    internalNoteWithheld: withheld,
    previousState: row.previousState === null ? null : JSON.parse(row.previousState),
    newState: row.newState === null ? null : JSON.parse(row.newState),
    hash: row.hash,
  };
}

/** Moderators and owners may read the log; the answer says which, as the database has them now. */
function authorizeLogReader(tx: Tx, viewer: Viewer): { audience: LogAudience } | Failure {
  const authorized = authorizeActor(tx, viewer, 'moderation.log.view');
  if (isFailure(authorized)) return authorized;
  return { audience: authorized.logActor.role === 'owner' ? 'owner' : 'moderator' };
}

/** Why `viewer` may not read the log (anonymous, reader, banned), or null: checked before any parameter is judged. */
export function logReaderRefusal(db: Db, viewer: Viewer): Failure | null {
  const reader = db.transaction((tx) => authorizeLogReader(tx, viewer), { behavior: 'deferred' });
  return isFailure(reader) ? reader : null;
}

/** One page of the log as `viewer` may read it; a filter naming a missing article, user or comment is INVALID_INPUT. */
export function readLogPage(db: Db, viewer: Viewer, request: LogPageRequest): Result<{ page: LogPage }> {
  return db.transaction((tx) => {
    const reader = authorizeLogReader(tx, viewer);
    if (isFailure(reader)) return reader;
    const { filters, before } = request;
    if (before !== null && !(Number.isSafeInteger(before) && before > 0)) {
      return fail('INVALID_INPUT', 'before must be a log entry id, as the "Older entries" link gives it');
    }
    const unknown = findUnknownLogReference(tx, filters);
    if (unknown) return fail('INVALID_INPUT', unknown);
    const condition = logFilterCondition(filters, reader.audience);
    const rows = prepared(tx, pageSql(condition.where)).all(...condition.params, before ?? Number.MAX_SAFE_INTEGER) as Row[];
    const entries = rows.slice(0, LOG_PAGE_SIZE).map((row) => entryOf(row, reader.audience));
    return { ok: true as const, page: { audience: reader.audience, entries, nextBefore: rows.length > LOG_PAGE_SIZE ? entries.at(-1)!.id : null } };
  }, { behavior: 'deferred' });
}

/** Whom the actor filter offers: today's moderators and owners, and `also` (the URL's actor) whoever they are now. */
export function listLogActorChoices(db: Db, also: number | null): LogActorChoice[] {
  return prepared(db, `SELECT id, display_name AS displayName, email, role FROM users
    WHERE role IN ('moderator', 'owner') OR id = ? ORDER BY display_name COLLATE NOCASE, id`).all(also ?? 0) as LogActorChoice[];
}
