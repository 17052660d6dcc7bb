// A moderator shows a hidden reply again; the hide stays in the log.
import 'server-only';
import type { z } from 'zod';
import { fail } from '@/lib/shared/result';
import { unhideCommentSchema } from '@/lib/shared/validation/moderation';
import { moderationAction, verbStep } from './moderation-step';

export type UnhideCommentInput = z.input<typeof unhideCommentSchema>;

export const unhideStep = verbStep('unhide', unhideCommentSchema, (input) => (comment) => {
  if (comment.status !== 'hidden') return fail('NO_CHANGE', 'This reply is not hidden.');
  return {
    set: { status: 'visible', hiddenReason: null, hiddenExplanation: null, hiddenNote: null, hiddenById: null, hiddenAt: null },
    internalNote: input.note,
  };
});

/**
 * Who: moderators and owners. Refuses a reply changed since `version` (CONFLICT) or not hidden
 * (NO_CHANGE). Writes: status 'visible' without the hide's reason and notes; logs one
 * `comment_unhidden` row with the optional internal note.
 */
export const unhideComment = moderationAction(unhideStep);
