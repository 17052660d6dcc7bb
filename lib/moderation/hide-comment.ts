// A moderator hides a reply: readers see a tombstone with the reason, its replies stay, and its open reports close as 'hidden'.
import 'server-only';
import type { z } from 'zod';
import { fail } from '@/lib/shared/result';
import { hideCommentSchema } from '@/lib/shared/validation/moderation';
import { moderationAction, verbStep } from './moderation-step';

export type HideCommentInput = z.input<typeof hideCommentSchema>;

export const hideStep = verbStep('hide', hideCommentSchema, (input) => (comment, { moderator, at }) => {
  if (comment.status === 'hidden') return fail('NO_CHANGE', 'This reply is already hidden.');
  if (comment.status === 'deleted') return fail('CONFLICT', 'Its author deleted this reply, so readers no longer see it; there is nothing to hide.');
  return {
    // Hiding is the decision a flag asked for, so the flag goes with it.
    set: {
      status: 'hidden',
      hiddenReason: input.reason,
      hiddenExplanation: input.explanation,
      hiddenNote: input.note,
      hiddenById: moderator.id,
      hiddenAt: at,
      flagReason: null,
      flagNote: null,
      flaggedById: null,
      flaggedAt: null,
    },
    reasonCode: input.reason,
    publicNote: input.explanation,
    internalNote: input.note,
  };
});

/**
 * Who: moderators and owners. Refuses a reply changed since `version` (CONFLICT, saying what
 * changed it), one already hidden (NO_CHANGE), deleted by its author or a placeholder (CONFLICT).
 * Writes: status 'hidden' with reason, public explanation and internal note; clears a flag; closes
 * every open report as 'hidden'; logs one `comment_hidden` row.
 */
export const hideComment = moderationAction(hideStep);
