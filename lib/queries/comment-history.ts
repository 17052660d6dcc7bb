// One comment's history for a moderator: every moderation-log row about it and every text an edit replaced, newest first.
import 'server-only';
import type { Db } from '@/db/client';
import { prepared } from '@/db/prepared';
import type { Actor } from '@/lib/shared/auth/actor';
import { authorizeActor } from '@/lib/auth/authorize-actor';
import type { CommentHistory, CommentRevisionView } from '@/lib/shared/thread/comment-history';
import { fail, type Result, isFailure } from '@/lib/shared/result';
import { readCommentLogEntries } from './comment-log';

const SELECT_REVISIONS = `
  SELECT version, body, written_at AS writtenAt, replaced_at AS replacedAt
  FROM comment_revisions WHERE comment_id = ? ORDER BY version DESC`;

/** Moderators and owners only (role and ban re-read from the database); the log rows and revisions are read in the same snapshot. */
export function readCommentHistoryFor(db: Db, viewer: Actor, commentId: number): Result<{ history: CommentHistory }> {
  return db.transaction((tx) => {
    const authorized = authorizeActor(tx, viewer, 'comment.moderate');
    if (isFailure(authorized)) return authorized;
    const exists = prepared(tx, 'SELECT 1 FROM comments WHERE id = ?').get(commentId);
    if (!exists) return fail('NOT_FOUND', 'There is no such reply.');
    return {
      ok: true,
      history: {
        commentId,
        entries: readCommentLogEntries(tx, [commentId]).get(commentId) ?? [],
        revisions: prepared(tx, SELECT_REVISIONS).all(commentId) as CommentRevisionView[],
      },
    };
  }, { behavior: 'deferred' });
}
