// A comment's moderation state and its latest action in words, the same in the queue and on the author page.
import { agoLabel } from '@/lib/shared/format/ago';
import { countLabel } from '@/lib/shared/format/count';
import type { CommentLogEntry, CommentModeration } from '@/lib/shared/moderation/types';
import { describeCommentChange } from '@/lib/shared/moderation/verbs';
import { COMMENT_STATUS_WORDS, MODERATION_REASON_WORDS } from '@/lib/shared/vocabulary';

/** "Hidden (Spam) · flagged (Hate) · 2 open reports". */
export function stateWords(moderation: CommentModeration): string {
  const parts = [
    moderation.status === 'hidden' && moderation.hidden
      ? `${COMMENT_STATUS_WORDS.hidden} (${MODERATION_REASON_WORDS[moderation.hidden.reason]})`
      : COMMENT_STATUS_WORDS[moderation.status],
    moderation.flag ? `flagged (${MODERATION_REASON_WORDS[moderation.flag.reason]})` : 'not flagged',
    moderation.openReports > 0 ? countLabel(moderation.openReports, 'open report', 'open reports') : 'no open reports',
  ];
  return parts.join(' · ');
}

/** "Hidden by mod@example.com 8 s ago", with "you" for the viewer's own actions. */
export function latestActionWords(entry: Pick<CommentLogEntry, 'action' | 'actorName'> & { at: number }, viewerEmail: string, now: number): string {
  return `${describeCommentChange(entry.action, entry.actorName === viewerEmail ? 'you' : entry.actorName)} ${agoLabel(entry.at, now)}`;
}
