// The frame every moderation action runs in: one immediate transaction, the caller re-checked, the version compared, the change and its log row together.
import 'server-only';
import type { z } from 'zod';
import type { Db, Tx } from '@/db/client';
import { columnName, columnsAsProperties, prepared } from '@/db/prepared';
import { comments, type Comment } from '@/db/schema';
import type { Actor } from '@/lib/shared/auth/actor';
import { authorizeActor, type LogActor } from '@/lib/auth/authorize-actor';
import { logCommentChange, readCommentLogState } from '@/lib/comments/log-comment-change';
import type { LogAction } from '@/db/log-actions';
import { readCommentModeration } from '@/lib/queries/comment-moderation';
import { fail, type Failure, type Result, isFailure } from '@/lib/shared/result';
import { parseInput } from '@/lib/shared/validation/parse-input';
import type { CommentModeration } from '../shared/moderation/types';
import { describeLatestChange } from './describe-latest-change';

/** Who is moderating, as the row they are stored in and as the log records them. */
export type Moderator = { id: number; logActor: LogActor };

/** What one action does to one comment, decided before anything is written. */
export type ModerationStep = {
  action: LogAction;
  /** Columns to set on the comment besides its version and updated_at. */
  set?: Partial<Omit<typeof comments.$inferInsert, 'id' | 'version' | 'updatedAt'>>;
  /** Further writes the action makes in the same transaction: reports, annotations. */
  alsoWrite?: (tx: Tx) => void;
  reasonCode?: string | null;
  publicNote?: string | null;
  internalNote?: string | null;
};

export type StepContext = { tx: Tx; moderator: Moderator; at: string };

/** Looks at the comment as stored and returns the step, or the reason nothing should change (NO_CHANGE, CONFLICT…). */
export type DecideStep = (comment: Comment, context: StepContext) => ModerationStep | Failure;

export type CommentAtVersion = { commentId: number; version: number };

/** Re-reads the caller inside the transaction: only moderators and owners who are not banned may go on. */
export function authorizeModerator(tx: Tx, actor: Actor): Moderator | Failure {
  const caller = authorizeActor(tx, actor, 'comment.moderate');
  if (isFailure(caller)) return caller;
  if (caller.actor.kind !== 'user') return fail('FORBIDDEN', 'Moderation is done by a signed-in moderator.');
  return { id: caller.actor.id, logActor: caller.logActor };
}

const SELECT_COMMENT = `SELECT ${columnsAsProperties(comments)} FROM comments WHERE id = ?`;

/** The comment at the version the moderator saw, or why not: NOT_FOUND, or CONFLICT naming what changed it meanwhile. */
export function loadCommentAtVersion(db: Db, tx: Tx, target: CommentAtVersion): Comment | Failure {
  const comment = prepared(tx, SELECT_COMMENT).get(target.commentId) as Comment | undefined;
  if (!comment) return fail('NOT_FOUND', 'That reply does not exist.');
  if (comment.version !== target.version) return fail('CONFLICT', describeLatestChange(db, comment.id, Date.now()));
  if (comment.status === 'unavailable') {
    return fail('CONFLICT', 'This is a placeholder for a comment missing from the original page; there is nothing to moderate.');
  }
  return comment;
}

/** One statement per set of columns a step writes, so that each is prepared once; as with drizzle's set(), undefined leaves a column alone. */
function updateComment(tx: Tx, commentId: number, set: ModerationStep['set'] & { version: number; updatedAt: string }): void {
  const values = Object.fromEntries(Object.entries(set).filter(([, value]) => value !== undefined));
  const assignments = Object.keys(values).map((property) => `${columnName(comments, property)} = @${property}`).join(', ');
  prepared(tx, `UPDATE comments SET ${assignments} WHERE id = @commentId`).run({ ...values, commentId });
}

/** Writes one decided step: the comment with its version bumped, the action's other rows, and one log row. */
export function applyStep(db: Db, tx: Tx, moderator: Moderator, comment: Comment, step: ModerationStep, at: string, requestId: string): void {
  const before = readCommentLogState(db, comment.id);
  updateComment(tx, comment.id, { ...step.set, version: comment.version + 1, updatedAt: at });
  step.alsoWrite?.(tx);
  logCommentChange(tx, {
    actor: moderator.logActor,
    action: step.action,
    comment,
    before,
    after: readCommentLogState(db, comment.id),
    requestId,
    reasonCode: step.reasonCode,
    publicNote: step.publicNote,
    internalNote: step.internalNote,
  });
}

export type ModerationOptions = { now?: number };

/**
 * Makes one moderation action out of its input schema and its decision: anonymous callers and
 * invalid input are refused before the transaction; then ONE immediate transaction re-checks the
 * caller, compares the version, writes the step and its log row, and answers with the fresh state.
 */
export function moderationAction<S extends z.ZodType<CommentAtVersion>>(schema: S, decideFor: (input: z.output<S>) => DecideStep) {
  return (db: Db, actor: Actor, raw: z.input<S>, options: ModerationOptions = {}): Result<{ moderation: CommentModeration }> => {
    if (actor.kind === 'anonymous') return fail('UNAUTHENTICATED', 'Sign in to moderate.');
    const input = parseInput(schema, raw);
    if (!input.ok) return input;
    return moderateOne(db, actor, input.data, options.now ?? Date.now(), decideFor(input.data));
  };
}

function moderateOne(db: Db, actor: Actor, target: CommentAtVersion, now: number, decide: DecideStep): Result<{ moderation: CommentModeration }> {
  const at = new Date(now).toISOString();
  return db.transaction((tx) => {
    const moderator = authorizeModerator(tx, actor);
    if (isFailure(moderator)) return moderator;
    const comment = loadCommentAtVersion(db, tx, target);
    if (isFailure(comment)) return comment;
    const step = decide(comment, { tx, moderator, at });
    if (isFailure(step)) return step;
    applyStep(db, tx, moderator, comment, step, at, actor.requestId);
    return { ok: true, moderation: readCommentModeration(db, comment.id)! };
  }, { behavior: 'immediate' });
}
