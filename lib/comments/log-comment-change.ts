// Logs one change to a comment inside the transaction that makes it; the states carry a hash of the text, never the text.
import { createHash } from 'node:crypto';
import type { Tx } from '@/db/client';
import type { Comment, CommentStatus } from '@/db/schema';
import type { LogActor } from '@/lib/auth/authorize-actor';
import { appendLogEntry, type LogAction } from '@/lib/log/append-log-entry';

type CommentState = Pick<Comment, 'status' | 'version' | 'body'>;

export type CommentLogState = { status: CommentStatus; version: number; body_sha256: string };

export function commentLogState(comment: CommentState): CommentLogState {
  return {
    status: comment.status,
    version: comment.version,
    body_sha256: createHash('sha256').update(comment.body, 'utf8').digest('hex'),
  };
}

export type CommentChange = {
  actor: LogActor;
  action: LogAction;
  before: Pick<Comment, 'id' | 'articleId'> & CommentState;
  after: CommentState;
  requestId: string;
  reasonCode?: string | null;
  publicNote?: string | null;
  internalNote?: string | null;
};

export function logCommentChange(tx: Tx, change: CommentChange): void {
  appendLogEntry(tx, {
    actor: change.actor,
    action: change.action,
    target: { type: 'comment', id: change.before.id },
    articleId: change.before.articleId,
    reasonCode: change.reasonCode ?? null,
    publicNote: change.publicNote ?? null,
    internalNote: change.internalNote ?? null,
    previousState: commentLogState(change.before),
    newState: commentLogState(change.after),
    requestId: change.requestId,
  });
}
