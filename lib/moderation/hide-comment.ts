// A moderator hides a reply: readers see a tombstone with the reason, its replies stay, and its open reports close as 'hidden'.
import 'server-only';
import type { z } from 'zod';
import { prepared } from '@/db/prepared';
import { fail } from '@/lib/shared/result';
import { hideCommentSchema } from '@/lib/shared/validation/moderation';
import { moderationAction, type DecideStep } from './moderation-step';

export type HideCommentInput = z.input<typeof hideCommentSchema>;

export function hideStep(input: Pick<z.output<typeof hideCommentSchema>, 'reason' | 'explanation' | 'note'>): DecideStep {
  return (comment, { moderator, at }) => {
    if (comment.status === 'hidden') return fail('NO_CHANGE', 'This reply is already hidden.');
    if (comment.status === 'deleted') return fail('CONFLICT', 'Its author deleted this reply, so readers no longer see it; there is nothing to hide.');
    return {
      action: 'comment_hidden',
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
      alsoWrite: (write) => {
        prepared(write, `UPDATE reports SET resolved_at = ?, resolution = 'hidden', resolved_by_id = ?
          WHERE comment_id = ? AND resolved_at IS NULL`).run(at, moderator.id, comment.id);
      },
      reasonCode: input.reason,
      publicNote: input.explanation,
      internalNote: input.note,
    };
  };
}

/**
 * Who: moderators and owners. Refuses a reply changed since `version` (CONFLICT, saying what
 * changed it), one already hidden (NO_CHANGE), deleted by its author or a placeholder (CONFLICT).
 * Writes: status 'hidden' with reason, public explanation and internal note; clears a flag; closes
 * every open report as 'hidden'; logs one `comment_hidden` row.
 */
export const hideComment = moderationAction(hideCommentSchema, hideStep);
