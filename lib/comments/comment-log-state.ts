// What a moderation-log row records of a comment: its status, version and a hash of its text, never the text itself.
import { createHash } from 'node:crypto';
import type { CommentStatus } from '@/db/schema';

export type CommentLogState = { status: CommentStatus; version: number; body_sha256: string };

export function commentLogState(comment: { status: CommentStatus; version: number; body: string }): CommentLogState {
  return {
    status: comment.status,
    version: comment.version,
    body_sha256: createHash('sha256').update(comment.body, 'utf8').digest('hex'),
  };
}
