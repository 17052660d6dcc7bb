// An owner opens or closes an article to new comments, logged as `comments_opened` / `comments_closed`.
import 'server-only';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '@/db/client';
import { articles } from '@/db/schema';
import type { Actor } from '@/lib/shared/auth/actor';
import { authorizeActor } from '@/lib/auth/authorize-actor';
import { appendLogEntry } from '@/lib/log/append-log-entry';
import { fail, type Result, isFailure } from '@/lib/shared/result';
import { setCommentsOpenSchema } from '@/lib/shared/validation/comment-text';
import { parseInput } from '@/lib/shared/validation/parse-input';

export type SetCommentsOpenInput = z.input<typeof setCommentsOpenSchema>;

/**
 * Who: owners (and the command line). Closing stops new comments and replies only: reading,
 * editing, deleting and reporting go on. Setting the state it already has is NO_CHANGE, unlogged.
 */
export function setCommentsOpen(db: Db, actor: Actor, raw: SetCommentsOpenInput): Result<{ commentsOpen: boolean }> {
  if (actor.kind === 'anonymous') return fail('UNAUTHENTICATED', 'Sign in first.');
  const input = parseInput(setCommentsOpenSchema, raw);
  if (!input.ok) return input;
  const { articleId, open } = input.data;

  return db.transaction((tx) => {
    const caller = authorizeActor(tx, actor, 'article.close');
    if (isFailure(caller)) return caller;
    const article = tx.select({ commentsOpen: articles.commentsOpen }).from(articles).where(eq(articles.id, articleId)).get();
    if (!article) return fail('NOT_FOUND', 'That article does not exist.');
    if (article.commentsOpen === open) return fail('NO_CHANGE', open ? 'Comments are already open.' : 'Comments are already closed.');
    tx.update(articles).set({ commentsOpen: open }).where(eq(articles.id, articleId)).run();
    appendLogEntry(tx, {
      actor: caller.logActor,
      action: open ? 'comments_opened' : 'comments_closed',
      target: { type: 'article', id: articleId },
      articleId,
      previousState: { comments_open: article.commentsOpen },
      newState: { comments_open: open },
      requestId: actor.requestId,
    });
    return { ok: true, commentsOpen: open };
  }, { behavior: 'immediate' });
}
