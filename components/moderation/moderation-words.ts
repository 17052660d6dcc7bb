// A comment's moderation state and its latest action in words, the same in the queue and on the author page.
import { MODERATION_REASON_LABELS } from '@/db/moderation-reasons';
import { agoLabel } from '@/lib/shared/format/ago';
import { countLabel } from '@/lib/shared/format/count';
import { describeCommentLogAction } from '@/lib/shared/moderation/comment-log-labels';
import type { CommentLogEntry, CommentModeration } from '@/lib/shared/moderation/types';

/** "Hidden (Spam) · flagged (Hate) · 2 open reports". */
export function stateWords(moderation: CommentModeration): string {
  const parts = [
    moderation.status === 'hidden' && moderation.hidden
      ? `Hidden (${MODERATION_REASON_LABELS[moderation.hidden.reason]})`
      : { visible: 'Visible', hidden: 'Hidden', deleted: 'Deleted by its author', unavailable: 'Unavailable' }[moderation.status],
    moderation.flag ? `flagged (${MODERATION_REASON_LABELS[moderation.flag.reason]})` : 'not flagged',
    moderation.openReports > 0 ? countLabel(moderation.openReports, 'open report', 'open reports') : 'no open reports',
  ];
  return parts.join(' · ');
}

/** "Hidden by mod@example.com 8 s ago", with "you" for the viewer's own actions. */
export function latestActionWords(entry: Pick<CommentLogEntry, 'action' | 'actorName'> & { at: number }, viewerEmail: string, now: number): string {
  return `${describeCommentLogAction(entry.action, entry.actorName === viewerEmail ? 'you' : entry.actorName)} ${agoLabel(entry.at, now)}`;
}
