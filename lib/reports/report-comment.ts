// A reader reports someone else's visible comment with a reason: one open report per reader per comment, 20 a day.
import 'server-only';
import type { z } from 'zod';
import type { Db } from '@/db/client';
import { prepared } from '@/db/prepared';
import { reports } from '@/db/schema';
import type { Actor } from '@/lib/shared/auth/actor';
import { authorizeActor } from '@/lib/auth/authorize-actor';
import { REPORTING_LIMIT } from '@/lib/shared/comments/comment-rules';
import { waitLabel } from '@/lib/shared/format/wait';
import { windowFullUntil } from '@/lib/rate-limit/window-full-until';
import { fail, type Result, isFailure } from '@/lib/shared/result';
import { reportCommentSchema } from '@/lib/shared/validation/comment-text';
import { parseInput } from '@/lib/shared/validation/parse-input';

export type ReportCommentInput = z.input<typeof reportCommentSchema>;

/**
 * Who: signed-in users who are not banned, about a visible comment they did not write. The report
 * is its own row (the moderation queue reads it); it is not a moderation action, so nothing is
 * logged until a moderator resolves it.
 */
export function reportComment(db: Db, actor: Actor, raw: ReportCommentInput, options: { now?: number } = {}): Result<{ reportId: number }> {
  if (actor.kind === 'anonymous') return fail('UNAUTHENTICATED', 'Sign in to report a comment.');
  const input = parseInput(reportCommentSchema, raw);
  if (!input.ok) return input;
  const { commentId, reason, note } = input.data;
  const now = options.now ?? Date.now();

  return db.transaction((tx) => {
    const caller = authorizeActor(tx, actor, 'comment.report');
    if (isFailure(caller)) return caller;
    if (caller.actor.kind !== 'user') return fail('FORBIDDEN', 'Reports come from people with an account.');
    const reporterId = caller.actor.id;

    const comment = prepared(tx, 'SELECT status, author_id AS authorId FROM comments WHERE id = ?').get(commentId) as
      | { status: string; authorId: number | null }
      | undefined;
    if (!comment) return fail('NOT_FOUND', 'That comment does not exist.');
    if (comment.status !== 'visible') return fail('CONFLICT', 'That comment is no longer shown, so there is nothing to report.');
    if (comment.authorId === reporterId) return fail('FORBIDDEN', 'You cannot report your own comment.');

    const open = prepared(tx, 'SELECT 1 FROM reports WHERE comment_id = ? AND reporter_id = ? AND resolved_at IS NULL').get(commentId, reporterId);
    if (open) return fail('ALREADY_REPORTED', 'You already reported this comment. Moderators will look at it.');

    const newest = prepared(tx, `SELECT created_at FROM reports WHERE reporter_id = ? AND created_at > ?
      ORDER BY created_at DESC LIMIT ?`).pluck()
      .all(reporterId, new Date(now - REPORTING_LIMIT.windowMs).toISOString(), REPORTING_LIMIT.limit) as string[];
    const until = windowFullUntil(newest, REPORTING_LIMIT, now);
    if (until !== null) return fail('RATE_LIMITED', `You can send ${REPORTING_LIMIT.label}. You can report again ${waitLabel(until, now)}.`);

    const { id } = tx.insert(reports).values({
      commentId,
      reporterId,
      reason,
      note,
      createdAt: new Date(now).toISOString(),
    }).returning({ id: reports.id }).get();
    return { ok: true, reportId: id };
  }, { behavior: 'immediate' });
}
