// A moderator flags, hides or dismisses the reports of several selected replies at once (the verbs whose MODERATION_VERBS entry has `bulk`): all of them, or none.
import 'server-only';
import type { z } from 'zod';
import type { Db } from '@/db/client';
import type { Comment } from '@/db/schema';
import type { Actor } from '@/lib/shared/auth/actor';
import { readCommentModerations } from '@/lib/queries/comment-moderation';
import type { CommentModeration } from '@/lib/shared/moderation/types';
import { MODERATION_VERBS, type BulkVerbKind } from '@/lib/shared/moderation/verbs';
import { fail, type Failure, type Result, isFailure } from '@/lib/shared/result';
import { bulkModerationSchema } from '@/lib/shared/validation/moderation';
import { parseInput } from '@/lib/shared/validation/parse-input';
import { applyStep, authorizeModerator, loadCommentAtVersion, type ModerationOptions, type ModerationStep } from './moderation-step';
import { decideFor } from './steps';

export type BulkModerationInput = z.input<typeof bulkModerationSchema>;

/**
 * Who: moderators and owners, on up to BULK_MODERATION_MAX replies. Every reply is checked before
 * anything is written: one that is missing, changed since its `version` or cannot take the action
 * refuses the whole batch, naming it. Replies already in the wanted state are skipped and listed
 * in `unchanged` (all of them: NO_CHANGE). Writes, in ONE transaction, each reply's change and one
 * log row per changed reply.
 */
export function bulkModerate(
  db: Db,
  actor: Actor,
  raw: BulkModerationInput,
  options: ModerationOptions = {},
): Result<{ moderated: CommentModeration[]; unchanged: number[] }> {
  if (actor.kind === 'anonymous') return fail('UNAUTHENTICATED', 'Sign in to moderate.');
  const input = parseInput(bulkModerationSchema, raw);
  if (!input.ok) return input;
  const verb: BulkVerbKind = input.data.action;
  const decide = decideFor(verb, input.data);
  const at = new Date(options.now ?? Date.now()).toISOString();

  return db.transaction((tx) => {
    const moderator = authorizeModerator(tx, actor);
    if (isFailure(moderator)) return moderator;
    const planned: { comment: Comment; step: ModerationStep }[] = [];
    const unchanged: number[] = [];
    const refused: { commentId: number; failure: Failure }[] = [];
    for (const item of input.data.items) {
      const comment = loadCommentAtVersion(tx, item);
      if (isFailure(comment)) {
        refused.push({ commentId: item.commentId, failure: comment });
        continue;
      }
      const step = decide(comment, { tx, moderator, at });
      if (!isFailure(step)) planned.push({ comment, step });
      else if (step.code === 'NO_CHANGE') unchanged.push(item.commentId);
      else refused.push({ commentId: item.commentId, failure: step });
    }
    if (refused.length > 0) {
      const code = refused.every(({ failure }) => failure.code === refused[0]!.failure.code) ? refused[0]!.failure.code : 'CONFLICT';
      const reasons = refused.map(({ commentId, failure }) => `Reply #${commentId}: ${failure.message}`).join(' ');
      return fail(code, `Nothing was changed. ${reasons}`);
    }
    if (planned.length === 0) return fail('NO_CHANGE', MODERATION_VERBS[verb].bulk.alreadyDone);
    for (const { comment, step } of planned) applyStep(tx, verb, moderator, comment, step, at, actor.requestId);
    const fresh = readCommentModerations(tx, planned.map(({ comment }) => comment.id));
    return { ok: true, moderated: planned.map(({ comment }) => fresh.get(comment.id)!), unchanged };
  }, { behavior: 'immediate' });
}
