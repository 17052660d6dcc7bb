// Any moderation verb on one reply, as moderateCommentAction receives it: `{ kind, commentId, version, ...fields }`.
import 'server-only';
import { z } from 'zod';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/shared/auth/actor';
import type { CommentModeration } from '@/lib/shared/moderation/types';
import { MODERATION_VERBS, type ModerationVerbKind } from '@/lib/shared/moderation/verbs';
import { fail, type Result } from '@/lib/shared/result';
import { parseInput } from '@/lib/shared/validation/parse-input';
import { moderateOne, type ModerationOptions } from './moderation-step';
import { decideFor, MODERATION_STEPS } from './steps';

const KINDS = Object.keys(MODERATION_VERBS) as ModerationVerbKind[];

/** Each verb's own schema with its `kind`, one union: an unknown kind or a field the verb does not take is INVALID_INPUT. */
const [first, ...rest] = KINDS.map((kind) => MODERATION_STEPS[kind].schema.extend({ kind: z.literal(kind) }));
const moderationRequestSchema = z.discriminatedUnion('kind', [first!, ...rest], { error: `Choose one of: ${KINDS.join(', ')}.` });

/**
 * Who: moderators and owners; what each verb refuses and writes is said at its step (lib/moderation/*-comment.ts
 * and friends). Anonymous callers and invalid input are refused before the transaction; then ONE immediate
 * transaction re-checks the caller, compares the version, writes the verb's change and its log row.
 */
export function moderateComment(db: Db, actor: Actor, raw: unknown, options: ModerationOptions = {}): Result<{ moderation: CommentModeration }> {
  if (actor.kind === 'anonymous') return fail('UNAUTHENTICATED', 'Sign in to moderate.');
  const input = parseInput(moderationRequestSchema, raw);
  if (!input.ok) return input;
  return moderateOne(db, actor, input.data.kind, input.data, options.now ?? Date.now(), decideFor(input.data.kind, input.data));
}
