// Logs one change to a comment inside the transaction that makes it; the states carry a hash of the text, never the text.
import { createHash } from 'node:crypto';
import type { Db, Tx } from '@/db/client';
import { prepared } from '@/db/prepared';
import type { Comment, CommentStatus } from '@/db/schema';
import type { ModerationReason } from '@/db/moderation-reasons';
import type { LogAction } from '@/lib/log/append-log-entry';
import { appendLogEntry } from '@/lib/log/append-log-entry';
import type { LogActor } from '@/lib/auth/authorize-actor';

/** Everything a log row records about a comment's state: enough to check that the row and the comment agree. */
export type CommentLogState = {
  status: CommentStatus;
  version: number;
  body_sha256: string;
  flag_reason: ModerationReason | null;
  hidden_reason: ModerationReason | null;
  open_reports: number;
  annotations: number;
};

type StateRow = Omit<CommentLogState, 'body_sha256'> & { body: string };

const SELECT_STATE = `
  SELECT c.status, c.version, c.body, c.flag_reason, c.hidden_reason,
    (SELECT count(*) FROM reports AS r WHERE r.comment_id = c.id AND r.resolved_at IS NULL) AS open_reports,
    (SELECT count(*) FROM annotations AS a WHERE a.comment_id = c.id AND a.removed_at IS NULL) AS annotations
  FROM comments AS c WHERE c.id = ?`;

/** The comment's state as stored now; inside a transaction, read it before and again after the change. */
export function readCommentLogState(db: Db | Tx, commentId: number): CommentLogState {
  const { body, ...row } = prepared(db, SELECT_STATE).get(commentId) as StateRow;
  return { ...row, body_sha256: createHash('sha256').update(body, 'utf8').digest('hex') };
}

export type CommentChange = {
  actor: LogActor;
  action: LogAction;
  comment: Pick<Comment, 'id' | 'articleId'>;
  before: CommentLogState;
  after: CommentLogState;
  requestId: string;
  reasonCode?: string | null;
  publicNote?: string | null;
  internalNote?: string | null;
};

export function logCommentChange(tx: Tx, change: CommentChange): void {
  appendLogEntry(tx, {
    actor: change.actor,
    action: change.action,
    target: { type: 'comment', id: change.comment.id },
    articleId: change.comment.articleId,
    reasonCode: change.reasonCode ?? null,
    publicNote: change.publicNote ?? null,
    internalNote: change.internalNote ?? null,
    previousState: change.before,
    newState: change.after,
    requestId: change.requestId,
  });
}
