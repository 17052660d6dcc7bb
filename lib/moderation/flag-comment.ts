// A moderator flags a reply for attention, with a reason and an internal note; readers never learn of it.
import 'server-only';
import type { z } from 'zod';
import { fail } from '@/lib/shared/result';
import { flagCommentSchema } from '@/lib/shared/validation/moderation';
import { moderationAction, verbStep } from './moderation-step';

export type FlagCommentInput = z.input<typeof flagCommentSchema>;

export const flagStep = verbStep('flag', flagCommentSchema, (input) => (comment, { moderator, at }) => {
  if (comment.flagReason !== null) return fail('NO_CHANGE', 'This reply is already flagged.');
  return {
    set: { flagReason: input.reason, flagNote: input.note, flaggedById: moderator.id, flaggedAt: at },
    reasonCode: input.reason,
    internalNote: input.note,
  };
});

/**
 * Who: moderators and owners. Refuses a reply changed since `version` (CONFLICT), already flagged
 * (NO_CHANGE) or a placeholder. Writes: the flag's reason, note, moderator and time; logs one
 * `comment_flagged` row.
 */
export const flagComment = moderationAction(flagStep);
