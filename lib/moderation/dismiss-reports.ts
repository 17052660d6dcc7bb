// A moderator dismisses a reply's open reports: the reply stays as it is and leaves the Reported queue.
import 'server-only';
import { and, count, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { reports } from '@/db/schema';
import { fail } from '@/lib/shared/result';
import { dismissReportsSchema } from '@/lib/shared/validation/moderation';
import { moderationAction, type DecideStep } from './moderation-step';

export type DismissReportsInput = z.input<typeof dismissReportsSchema>;

export function dismissStep(input: Pick<z.output<typeof dismissReportsSchema>, 'note'>): DecideStep {
  return (comment, { tx, moderator, at }) => {
    const open = and(eq(reports.commentId, comment.id), isNull(reports.resolvedAt));
    if (tx.select({ n: count() }).from(reports).where(open).get()!.n === 0) {
      return fail('NO_CHANGE', 'There are no open reports on this reply.');
    }
    return {
      action: 'reports_dismissed',
      alsoWrite: (write) => {
        write.update(reports).set({ resolvedAt: at, resolution: 'dismissed', resolvedById: moderator.id }).where(open).run();
      },
      internalNote: input.note,
    };
  };
}

/**
 * Who: moderators and owners. Refuses a reply changed since `version` (CONFLICT) or without open
 * reports (NO_CHANGE). Writes: every open report resolved as 'dismissed' by this moderator; logs
 * one `reports_dismissed` row (its states count the open reports before and after).
 */
export const dismissReports = moderationAction(dismissReportsSchema, dismissStep);
