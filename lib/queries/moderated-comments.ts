// Reads comments as a moderator reviews them, in a fixed number of queries however many: state, article, parent, open reports, log.
import 'server-only';
import type { Db, Tx } from '@/db/client';
import { prepared } from '@/db/prepared';
import type { CommentStatus } from '@/db/schema';
import { readCommentLogEntries } from './comment-log';
import { readCommentModerations } from './comment-moderation';
import type { ModeratedComment, QueueReport } from '../shared/moderation/queue-types';

const EXCERPT_LENGTH = 200;

type PlaceRow = {
  id: number;
  createdAt: string;
  articleId: number;
  slug: string;
  title: string;
  parentId: number | null;
  parentAuthor: string | null;
  parentStatus: CommentStatus | null;
  parentText: string | null;
};

const SELECT_PLACES = `
  SELECT c.id, c.created_at AS createdAt, a.id AS articleId, a.slug, a.title,
    p.id AS parentId, p.author_name AS parentAuthor, p.status AS parentStatus, substr(p.body, 1, ${EXCERPT_LENGTH + 1}) AS parentText
  FROM comments AS c
  JOIN articles AS a ON a.id = c.article_id
  LEFT JOIN comments AS p ON p.id = c.parent_id
  WHERE c.id IN (SELECT value FROM json_each(:ids))`;

const SELECT_OPEN_REPORTS = `
  SELECT r.id, r.comment_id AS commentId, r.reason, r.note, u.display_name AS reporterName, r.created_at AS createdAt
  FROM reports AS r JOIN users AS u ON u.id = r.reporter_id
  WHERE r.comment_id IN (SELECT value FROM json_each(:ids)) AND r.resolved_at IS NULL
  ORDER BY r.comment_id, r.created_at, r.id`;

const excerpt = (text: string) => (text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH).trimEnd()}…` : text);

/** Each of `commentIds` that exists, keyed by id, with its `logLimit` newest log rows. */
export function readModeratedComments(db: Db | Tx, commentIds: readonly number[], logLimit: number): Map<number, ModeratedComment> {
  const result = new Map<number, ModeratedComment>();
  if (commentIds.length === 0) return result;
  const ids = JSON.stringify(commentIds);
  const moderations = readCommentModerations(db, commentIds);
  const logs = readCommentLogEntries(db, commentIds, logLimit);
  const reports = new Map<number, QueueReport[]>();
  for (const { commentId, ...report } of prepared(db, SELECT_OPEN_REPORTS).all({ ids }) as (QueueReport & { commentId: number })[]) {
    reports.set(commentId, [...(reports.get(commentId) ?? []), report]);
  }
  for (const row of prepared(db, SELECT_PLACES).all({ ids }) as PlaceRow[]) {
    const moderation = moderations.get(row.id);
    if (!moderation) continue;
    result.set(row.id, {
      moderation,
      article: { id: row.articleId, slug: row.slug, title: row.title },
      createdAt: row.createdAt,
      parent: row.parentId === null
        ? null
        : { id: row.parentId, authorName: row.parentAuthor ?? '', status: row.parentStatus ?? 'unavailable', excerpt: excerpt(row.parentText ?? '') },
      reports: reports.get(row.id) ?? [],
      log: logs.get(row.id) ?? [],
    });
  }
  return result;
}
