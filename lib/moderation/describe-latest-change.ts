// Words for a CONFLICT: what changed a comment since the moderator saw it, who did it and how long ago.
import 'server-only';
import type { Tx } from '@/db/client';
import { readCommentLogEntries } from '@/lib/queries/comment-log';
import { agoLabel } from '@/lib/shared/format/ago';
import { describeCommentChange } from '@/lib/shared/moderation/verbs';

/** Read inside the moderation transaction that found the conflict. */
export function describeLatestChange(tx: Tx, commentId: number, now: number): string {
  const latest = readCommentLogEntries(tx, [commentId], 1).get(commentId)?.[0];
  const what = latest
    ? `${describeCommentChange(latest.action, latest.actorName)} ${agoLabel(Date.parse(latest.at), now)}`
    : 'Changed';
  return `${what}, after you loaded this reply. Its current state is shown now; check it before acting again.`;
}
