// Words for a CONFLICT: what changed a comment since the moderator saw it, who did it and how long ago.
import 'server-only';
import type { Db } from '@/db/client';
import { agoLabel } from '@/lib/shared/format/ago';
import { readCommentLogEntries } from '@/lib/queries/comment-log';
import { describeCommentLogAction } from '../shared/moderation/comment-log-labels';

export function describeLatestChange(db: Db, commentId: number, now: number): string {
  const latest = readCommentLogEntries(db, [commentId], 1).get(commentId)?.[0];
  const what = latest
    ? `${describeCommentLogAction(latest.action, latest.actorName)} ${agoLabel(Date.parse(latest.at), now)}`
    : 'Changed';
  return `${what}, after you loaded this reply. Its current state is shown now; check it before acting again.`;
}
