// A moderator clears a flag: the reply no longer needs attention.
import 'server-only';
import type { z } from 'zod';
import { fail } from '@/lib/shared/result';
import { unflagCommentSchema } from '@/lib/shared/validation/moderation';
import { moderationAction } from './moderation-step';

export type UnflagCommentInput = z.input<typeof unflagCommentSchema>;

/**
 * Who: moderators and owners. Refuses a reply changed since `version` (CONFLICT) or not flagged
 * (NO_CHANGE). Writes: no flag; logs one `comment_unflagged` row with the optional internal note.
 */
export const unflagComment = moderationAction(unflagCommentSchema, (input) => (comment) => {
  if (comment.flagReason === null) return fail('NO_CHANGE', 'This reply is not flagged.');
  return {
    action: 'comment_unflagged',
    set: { flagReason: null, flagNote: null, flaggedById: null, flaggedAt: null },
    reasonCode: comment.flagReason,
    internalNote: input.note,
  };
});
