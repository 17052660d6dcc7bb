// The frame every moderation verb runs in: one immediate transaction, the caller re-checked, the version compared, the change and its log row together.
// Inside the transaction only its handle is used.
import 'server-only';
import type { z } from 'zod';
import type { Db, Tx } from '@/db/client';
import { columnName, columnsAsProperties, prepared } from '@/db/prepared';
import { comments, type Comment } from '@/db/schema';
import type { Actor } from '@/lib/shared/auth/actor';
import { authorizeActor, type LogActor } from '@/lib/auth/authorize-actor';
import { logCommentChange, readCommentLogState } from '@/lib/comments/log-comment-change';
import { readCommentModeration } from '@/lib/queries/comment-moderation';
import { fail, type Failure, type Result, isFailure } from '@/lib/shared/result';
import { parseInput } from '@/lib/shared/validation/parse-input';
import type { CommentModeration } from '@/lib/shared/moderation/types';
import { MODERATION_VERBS, type ModerationVerbKind } from '@/lib/shared/moderation/verbs';
import { describeLatestChange } from './describe-latest-change';
import { closeOpenReports } from './open-reports';

/** Who is moderating, as the row they are stored in and as the log records them. */
export type Moderator = { id: number; logActor: LogActor };

/** What one verb does to one comment, decided before anything is written; it is logged as the verb's log action (MODERATION_VERBS). */
export type ModerationStep = {
  /** Columns to set on the comment besides its version and updated_at. */
  set?: Partial<Omit<typeof comments.$inferInsert, 'id' | 'version' | 'updatedAt'>>;
  /** Further writes the action makes in the same transaction: annotations, say. */
  alsoWrite?: (tx: Tx) => void;
  reasonCode?: string | null;
  publicNote?: string | null;
  internalNote?: string | null;
};

export type StepContext = { tx: Tx; moderator: Moderator; at: string };

/** Looks at the comment as stored and returns the step, or the reason nothing should change (NO_CHANGE, CONFLICT…). */
export type DecideStep = (comment: Comment, context: StepContext) => ModerationStep | Failure;

export type CommentAtVersion = { commentId: number; version: number };

type CommentAtVersionSchema = z.ZodType<CommentAtVersion>;

/** What a verb decides from: its validated fields, without the target (bulk moderation shares one decision among many replies). */
export type StepInput<S extends CommentAtVersionSchema> = Omit<z.output<S>, keyof CommentAtVersion>;

/** A verb's server half: the schema its request is validated with, and its decision on the reply as stored. */
export type VerbStep<K extends ModerationVerbKind = ModerationVerbKind, S extends CommentAtVersionSchema = CommentAtVersionSchema> = {
  kind: K;
  schema: S;
  decide: (input: StepInput<S>) => DecideStep;
};

/** Ties a decision's input to its schema's output. */
export function verbStep<K extends ModerationVerbKind, S extends CommentAtVersionSchema>(
  kind: K,
  schema: S,
  decide: (input: StepInput<S>) => DecideStep,
): VerbStep<K, S> {
  return { kind, schema, decide };
}

/** Re-reads the caller inside the transaction: only moderators and owners who are not banned may go on. */
export function authorizeModerator(tx: Tx, actor: Actor): Moderator | Failure {
  const caller = authorizeActor(tx, actor, 'comment.moderate');
  if (isFailure(caller)) return caller;
  if (caller.actor.kind !== 'user') return fail('FORBIDDEN', 'Moderation is done by a signed-in moderator.');
  return { id: caller.actor.id, logActor: caller.logActor };
}

const SELECT_COMMENT = `SELECT ${columnsAsProperties(comments)} FROM comments WHERE id = ?`;

/** The comment at the version the moderator saw, or why not: NOT_FOUND, or CONFLICT naming what changed it meanwhile. */
export function loadCommentAtVersion(tx: Tx, target: CommentAtVersion): Comment | Failure {
  const comment = prepared(tx, SELECT_COMMENT).get(target.commentId) as Comment | undefined;
  if (!comment) return fail('NOT_FOUND', 'That reply does not exist.');
  if (comment.version !== target.version) return fail('CONFLICT', describeLatestChange(tx, comment.id, Date.now()));
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

/** Writes one decided step of `verb`: the comment with its version bumped, the step's other rows, and one log row. */
export function applyStep(tx: Tx, verb: ModerationVerbKind, moderator: Moderator, comment: Comment, step: ModerationStep, at: string, requestId: string): void {
  const before = readCommentLogState(tx, comment.id);
  updateComment(tx, comment.id, { ...step.set, version: comment.version + 1, updatedAt: at });
  const resolution = MODERATION_VERBS[verb].closesReports;
  if (resolution) closeOpenReports(tx, comment.id, resolution, moderator.id, at);
  step.alsoWrite?.(tx);
  logCommentChange(tx, {
    actor: moderator.logActor,
    action: MODERATION_VERBS[verb].logAction,
    comment,
    before,
    after: readCommentLogState(tx, comment.id),
    requestId,
    reasonCode: step.reasonCode,
    publicNote: step.publicNote,
    internalNote: step.internalNote,
  });
}

export type ModerationOptions = { now?: number };

/**
 * Makes one moderation action out of a verb's schema and decision: anonymous callers and invalid
 * input are refused before the transaction; then ONE immediate transaction re-checks the caller,
 * compares the version, writes the step and its log row, and answers with the fresh state.
 */
export function moderationAction<K extends ModerationVerbKind, S extends CommentAtVersionSchema>({ kind, schema, decide }: VerbStep<K, S>) {
  return (db: Db, actor: Actor, raw: z.input<S>, options: ModerationOptions = {}): Result<{ moderation: CommentModeration }> => {
    if (actor.kind === 'anonymous') return fail('UNAUTHENTICATED', 'Sign in to moderate.');
    const input = parseInput(schema, raw);
    if (!input.ok) return input;
    return moderateOne(db, actor, kind, input.data, options.now ?? Date.now(), decide(input.data));
  };
}

/** The transaction of one verb on one reply, for moderationAction and moderateComment. */
export function moderateOne(
  db: Db,
  actor: Actor,
  verb: ModerationVerbKind,
  target: CommentAtVersion,
  now: number,
  decide: DecideStep,
): Result<{ moderation: CommentModeration }> {
  const at = new Date(now).toISOString();
  return db.transaction((tx) => {
    const moderator = authorizeModerator(tx, actor);
    if (isFailure(moderator)) return moderator;
    const comment = loadCommentAtVersion(tx, target);
    if (isFailure(comment)) return comment;
    const step = decide(comment, { tx, moderator, at });
    if (isFailure(step)) return step;
    applyStep(tx, verb, moderator, comment, step, at, actor.requestId);
    return { ok: true, moderation: readCommentModeration(tx, comment.id)! };
  }, { behavior: 'immediate' });
}
