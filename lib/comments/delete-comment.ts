// The author withdraws their comment: it becomes a tombstone, its replies stay, and the change is logged.
import 'server-only';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '@/db/client';
import { comments } from '@/db/schema';
import type { Actor } from '@/lib/shared/auth/actor';
import { readCommentView } from '@/lib/queries/thread';
import { fail, type Result } from '@/lib/shared/result';
import type { CommentView } from '@/lib/shared/thread/types';
import { deleteCommentSchema } from '@/lib/shared/validation/comment-text';
import { parseInput } from '@/lib/shared/validation/parse-input';
import { logCommentChange, readCommentLogState } from './log-comment-change';
import { notVisibleRefusal, withOwnComment } from './with-own-comment';

export type DeleteCommentInput = z.input<typeof deleteCommentSchema>;

/**
 * Who: the comment's author, signed in and not banned, at any time, while the comment is visible
 * (deleting twice is NO_CHANGE; a hidden comment stays hidden). The text stays in the database for
 * moderators but is never sent to readers again. Logs one `comment_deleted` row.
 */
export function deleteComment(db: Db, actor: Actor, raw: DeleteCommentInput, options: { now?: number } = {}): Result<{ comment: CommentView }> {
  if (actor.kind === 'anonymous') return fail('UNAUTHENTICATED', 'Sign in to delete your comment.');
  const input = parseInput(deleteCommentSchema, raw);
  if (!input.ok) return input;
  const now = options.now ?? Date.now();

  return withOwnComment(db, actor, input.data.commentId, (tx, author, comment) => {
    if (comment.status === 'deleted') return fail('NO_CHANGE', 'You already deleted this comment.');
    const gone = notVisibleRefusal(comment, 'deleted');
    if (gone) return gone;
    const at = new Date(now).toISOString();
    const before = readCommentLogState(tx, comment.id);
    tx.update(comments).set({ status: 'deleted', version: comment.version + 1, updatedAt: at }).where(eq(comments.id, comment.id)).run();
    logCommentChange(tx, {
      actor: author.logActor,
      action: 'comment_deleted',
      comment,
      before,
      after: readCommentLogState(tx, comment.id),
      requestId: actor.requestId,
    });
    return { ok: true, comment: readCommentView(tx, comment.articleId, author.viewer.id, comment.id)! };
  });
}
