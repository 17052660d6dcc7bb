// Sends one queue action (or a bulk one) to its server action; a refusal is thrown as ActionRefused for TanStack's rollback.
import { annotateCommentAction } from '@/lib/actions/annotate-comment';
import { unlessRefused } from '@/lib/actions/action-refused';
import { bulkModerateAction } from '@/lib/actions/bulk-moderate';
import { dismissReportsAction } from '@/lib/actions/dismiss-reports';
import { flagCommentAction } from '@/lib/actions/flag-comment';
import { hideCommentAction } from '@/lib/actions/hide-comment';
import { unflagCommentAction } from '@/lib/actions/unflag-comment';
import { unhideCommentAction } from '@/lib/actions/unhide-comment';
import type { CommentModeration } from '@/lib/moderation/types';
import type { QueueAction } from './predict';

export type Target = { commentId: number; version: number };
export type Outcome = { moderated: CommentModeration[]; unchanged: number[] };

async function sendOne(action: QueueAction, target: Target): Promise<Outcome> {
  const result = await (() => {
    switch (action.kind) {
      case 'hide': return hideCommentAction({ ...target, reason: action.reason, explanation: action.explanation, note: action.note });
      case 'unhide': return unhideCommentAction(target);
      case 'flag': return flagCommentAction({ ...target, reason: action.reason, note: action.note });
      case 'unflag': return unflagCommentAction(target);
      case 'dismiss': return dismissReportsAction(target);
      case 'annotate': return annotateCommentAction({ ...target, visibility: action.visibility, body: action.body });
    }
  })();
  return { moderated: [unlessRefused(result).moderation], unchanged: [] };
}

/** Bulk takes flag, hide and dismiss only: one transaction for every selected reply. */
export type BulkAction = Extract<QueueAction, { kind: 'flag' | 'hide' | 'dismiss' }>;

export async function sendAction(action: QueueAction, targets: readonly Target[], bulk: boolean): Promise<Outcome> {
  if (!bulk) return sendOne(action, targets[0]!);
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
