// A moderator dismisses a reply's open reports: the reply stays as it is and leaves the Reported queue.
import 'server-only';
import type { z } from 'zod';
import { fail } from '@/lib/shared/result';
import { dismissReportsSchema } from '@/lib/shared/validation/moderation';
import { moderationAction, verbStep } from './moderation-step';
import { countOpenReports } from './open-reports';

export type DismissReportsInput = z.input<typeof dismissReportsSchema>;

export const dismissStep = verbStep('dismiss', dismissReportsSchema, (input) => (comment, { tx }) => {
  if (countOpenReports(tx, comment.id) === 0) return fail('NO_CHANGE', 'There are no open reports on this reply.');
  return { internalNote: input.note };
});

/**
 * Who: moderators and owners. Refuses a reply changed since `version` (CONFLICT) or without open
 * reports (NO_CHANGE). Writes: every open report resolved as 'dismissed' by this moderator; logs
 * one `reports_dismissed` row (its states count the open reports before and after).
 */
export const dismissReports = moderationAction(dismissStep);
