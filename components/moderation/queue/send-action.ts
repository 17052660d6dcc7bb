// Sends one queue action (or a bulk one) to its server action; a refusal is thrown as ActionRefused for TanStack's rollback.
import { unlessRefused } from '@/lib/browser/action-refused';
import { bulkModerateAction } from '@/lib/actions/bulk-moderate';
import type { ModerationRequest } from '@/lib/shared/moderation/moderation-request';
import { sendModeration } from '@/lib/browser/send-moderation';
import type { CommentModeration } from '@/lib/shared/moderation/types';

export type Target = { commentId: number; version: number };
export type Outcome = { moderated: CommentModeration[]; unchanged: number[] };

/** Bulk takes flag, hide and dismiss only: one transaction for every selected reply. */
export type BulkAction = Extract<ModerationRequest, { kind: 'flag' | 'hide' | 'dismiss' }>;

export async function sendAction(action: ModerationRequest, targets: readonly Target[], bulk: boolean): Promise<Outcome> {
  if (!bulk) return { moderated: [unlessRefused(await sendModeration(action, targets[0]!)).moderation], unchanged: [] };
  const items = targets.map(({ commentId, version }) => ({ commentId, version }));
  const bulkAction = action as BulkAction;
  const result = await (() => {
    switch (bulkAction.kind) {
      case 'flag': return bulkModerateAction({ action: 'flag', items, reason: bulkAction.reason, note: bulkAction.note });
      case 'hide': return bulkModerateAction({ action: 'hide', items, reason: bulkAction.reason, explanation: bulkAction.explanation, note: bulkAction.note });
      case 'dismiss': return bulkModerateAction({ action: 'dismiss', items });
    }
  })();
  const { moderated, unchanged } = unlessRefused(result);
  return { moderated, unchanged };
}
