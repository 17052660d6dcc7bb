// A moderator clears a flag: the reply no longer needs attention.
import 'server-only';
import type { z } from 'zod';
import { fail } from '@/lib/shared/result';
import { unflagCommentSchema } from '@/lib/shared/validation/moderation';
import { moderationAction, verbStep } from './moderation-step';

export type UnflagCommentInput = z.input<typeof unflagCommentSchema>;

export const unflagStep = verbStep('unflag', unflagCommentSchema, (input) => (comment) => {
  if (comment.flagReason === null) return fail('NO_CHANGE', 'This reply is not flagged.');
  return {
    set: { flagReason: null, flagNote: null, flaggedById: null, flaggedAt: null },
    reasonCode: comment.flagReason,
    internalNote: input.note,
  };
});

/**
 * Who: moderators and owners. Refuses a reply changed since `version` (CONFLICT) or not flagged
 * (NO_CHANGE). Writes: no flag; logs one `comment_unflagged` row with the optional internal note.
 */
export const unflagComment = moderationAction(unflagStep);
