// The shared frame of an author's change to their own comment: one immediate transaction, the caller re-checked, the comment loaded.
import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { comments, type Comment } from '@/db/schema';
import type { Actor, UserViewer } from '@/lib/shared/auth/actor';
import { authorizeActor, type LogActor } from '@/lib/auth/authorize-actor';
import { fail, type Result, isFailure } from '@/lib/shared/result';

export type OwnCommentChange<T extends object> = (tx: Tx, author: { viewer: UserViewer; logActor: LogActor }, comment: Comment) => Result<T>;

/**
 * Runs `change` for the signed-in, non-banned author of comment `commentId`, inside ONE immediate
 * transaction: a failure returned or thrown by `change` leaves nothing written.
 */
export function withOwnComment<T extends object>(db: Db, actor: Actor, commentId: number, change: OwnCommentChange<T>): Result<T> {
  return db.transaction((tx) => {
    const caller = authorizeActor(tx, actor, 'comment.post');
    if (isFailure(caller)) return caller;
    if (caller.actor.kind !== 'user') return fail('FORBIDDEN', 'Only a comment\'s author can change it.');
    const comment = tx.select().from(comments).where(eq(comments.id, commentId)).get();
    if (!comment) return fail('NOT_FOUND', 'That comment does not exist.');
    if (comment.authorId !== caller.actor.id) return fail('FORBIDDEN', 'You can only change your own comments.');
    return change(tx, { viewer: caller.actor, logActor: caller.logActor }, comment);
  }, { behavior: 'immediate' });
}

/** Why an author can no longer touch a comment that is not visible, or null when it is. */
export function notVisibleRefusal(comment: Comment, doing: string): ReturnType<typeof fail> | null {
  switch (comment.status) {
    case 'visible':
      return null;
    case 'deleted':
      return fail('CONFLICT', `You deleted this comment, so it cannot be ${doing}.`);
    case 'hidden':
      return fail('CONFLICT', `Moderators hid this comment, so it cannot be ${doing}.`);
    case 'unavailable':
      return fail('CONFLICT', `This comment is no longer available, so it cannot be ${doing}.`);
  }
}
