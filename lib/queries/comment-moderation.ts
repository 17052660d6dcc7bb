// Reads what moderators see about comments: the text whatever the status, flag, hide, open reports and annotations.
import 'server-only';
import type { Db, Tx } from '@/db/client';
import { prepared } from '@/db/prepared';
import type { AnnotationVisibility, ModerationReason } from '@/db/moderation-reasons';
import type { AnnotationView, CommentModeration } from '@/lib/shared/moderation/types';

type ModerationRow = Pick<CommentModeration, 'commentId' | 'articleId' | 'version' | 'status' | 'body' | 'authorId' | 'authorName'> & {
  flagReason: ModerationReason | null;
  flagNote: string | null;
  flaggedBy: string | null;
  flaggedAt: string | null;
  hiddenReason: ModerationReason | null;
  hiddenExplanation: string | null;
  hiddenNote: string | null;
  hiddenBy: string | null;
  hiddenAt: string | null;
  openReports: number;
};

const SELECT_MODERATION = `
  SELECT c.id AS commentId, c.article_id AS articleId, c.version, c.status, c.body, c.author_id AS authorId,
    c.author_name AS authorName,
    c.flag_reason AS flagReason, c.flag_note AS flagNote, f.email AS flaggedBy, c.flagged_at AS flaggedAt,
    c.hidden_reason AS hiddenReason, c.hidden_explanation AS hiddenExplanation, c.hidden_note AS hiddenNote,
    h.email AS hiddenBy, c.hidden_at AS hiddenAt,
    (SELECT count(*) FROM reports AS r WHERE r.comment_id = c.id AND r.resolved_at IS NULL) AS openReports
  FROM comments AS c
  LEFT JOIN users AS f ON f.id = c.flagged_by_id
  LEFT JOIN users AS h ON h.id = c.hidden_by_id
  WHERE c.id IN (SELECT value FROM json_each(:ids))`;

const SELECT_ANNOTATIONS = `
  SELECT a.id, a.comment_id AS commentId, a.visibility, a.body, u.email AS "by", a.created_at AS "at"
  FROM annotations AS a LEFT JOIN users AS u ON u.id = a.author_id
  WHERE a.comment_id IN (SELECT value FROM json_each(:ids)) AND a.removed_at IS NULL
  ORDER BY a.comment_id, a.id`;

/** Each of `commentIds` that exists, keyed by id. */
export function readCommentModerations(db: Db | Tx, commentIds: readonly number[]): Map<number, CommentModeration> {
  const result = new Map<number, CommentModeration>();
  if (commentIds.length === 0) return result;
  const ids = JSON.stringify(commentIds);
  const annotations = new Map<number, AnnotationView[]>();
  for (const row of prepared(db, SELECT_ANNOTATIONS).all({ ids }) as (AnnotationView & { commentId: number; visibility: AnnotationVisibility })[]) {
    const { commentId, ...annotation } = row;
    const list = annotations.get(commentId) ?? [];
    list.push(annotation);
    annotations.set(commentId, list);
  }
  for (const row of prepared(db, SELECT_MODERATION).all({ ids }) as ModerationRow[]) {
    result.set(row.commentId, {
      commentId: row.commentId,
      articleId: row.articleId,
      version: row.version,
      status: row.status,
      body: row.body,
      authorId: row.authorId,
      authorName: row.authorName,
      flag: row.flagReason && row.flaggedAt
        ? { reason: row.flagReason, note: row.flagNote, by: row.flaggedBy, at: row.flaggedAt }
        : null,
      hidden: row.status === 'hidden' && row.hiddenReason && row.hiddenAt
        ? { reason: row.hiddenReason, explanation: row.hiddenExplanation, note: row.hiddenNote, by: row.hiddenBy, at: row.hiddenAt }
        : null,
      openReports: row.openReports,
      annotations: annotations.get(row.commentId) ?? [],
    });
  }
  return result;
}

export function readCommentModeration(db: Db | Tx, commentId: number): CommentModeration | null {
  return readCommentModerations(db, [commentId]).get(commentId) ?? null;
}
