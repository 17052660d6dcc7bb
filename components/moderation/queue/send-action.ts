// Sends one queue action (or a bulk one) to its server action; a refusal is thrown as ActionRefused for TanStack's rollback.
import { bulkModerateAction, moderateCommentAction } from '@/lib/actions/moderation';
import { unlessRefused } from '@/lib/browser/action-refused';
import type { CommentModeration } from '@/lib/shared/moderation/types';
import type { BulkVerbKind, ModerationRequest, ModerationRequestOf, ModerationTarget } from '@/lib/shared/moderation/verbs';

export type Outcome = { moderated: CommentModeration[]; unchanged: number[] };

/** Bulk takes the verbs whose MODERATION_VERBS entry has `bulk`: one transaction for every selected reply. */
export type BulkAction = ModerationRequestOf<BulkVerbKind>;

export async function sendAction(action: ModerationRequest, targets: readonly ModerationTarget[], bulk: boolean): Promise<Outcome> {
  if (!bulk) {
    const { commentId, version } = targets[0]!;
    return { moderated: [unlessRefused(await moderateCommentAction({ ...action, commentId, version })).moderation], unchanged: [] };
  }
  const { kind, ...fields } = action as BulkAction;
  const items = targets.map(({ commentId, version }) => ({ commentId, version }));
  // The bulk schema lists each bulk verb's fields as its own schema does; TypeScript cannot pair them up from a spread.
  const input = { action: kind, items, ...fields } as Parameters<typeof bulkModerateAction>[0];
  const { moderated, unchanged } = unlessRefused(await bulkModerateAction(input));
  return { moderated, unchanged };
}
