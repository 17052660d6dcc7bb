// The steps of the model test as plain records (so a failure prints a readable list), and fast-check arbitraries
// that make random but plausible ones: mostly fitting callers and valid input, sometimes the wrong caller, a stale
// version or input the schemas refuse.
import fc from 'fast-check';
import { MODERATION_REASONS } from '@/db/moderation-reasons';
import { REPORT_REASONS } from '@/db/report-reasons';
import { ACTOR_NAMES, USER_NAMES, type ActorName, type UserName } from './model-scene';
import { BAN_REASON_SAMPLES, BODY_SAMPLES, NOTE_SAMPLES, REFUSED_BODY_SAMPLES, REFUSED_NOTE_SAMPLES, DISTINCT_BODY_SAMPLES, type BanReasonName, type TextName } from './text-samples';

/** The version a caller sends: the one stored, the one before it (a stale page) or one never written. */
export type VersionPick = 'current' | 'stale' | 'ahead';

/**
 * A comment is named by its place among the comments that exist when the step runs (modulo their
 * number plus one; the extra place is an id that does not exist), so a shrunk sequence still names one.
 */
export type CommentPick = number;

export type ModerationKind = 'flag' | 'unflag' | 'hide' | 'unhide' | 'annotate' | 'removeAnnotation' | 'dismiss';

/** `suited`: the target picked among the comments the action applies to (flagged ones to unflag…) when there are any. */
type Moderating = { target: CommentPick; suited: boolean; version: VersionPick };


export type Step = { actor: ActorName; advanceMs: number } & (
  | { kind: 'post'; article: 'open' | 'closed' | 'missing'; parent: CommentPick | null; body: TextName }
  /** `mine`: pick among the caller's own comments when they have any. */
  | { kind: 'edit'; target: CommentPick; mine: boolean; version: VersionPick; body: TextName }
  | { kind: 'delete'; target: CommentPick; mine: boolean }
  | { kind: 'report'; target: CommentPick; reason: string; note: TextName }
  | (Moderating & { kind: 'flag'; reason: string; note: TextName })
  | (Moderating & { kind: 'unflag' | 'unhide' | 'dismiss'; note: TextName })
  | (Moderating & { kind: 'hide'; reason: string; explanation: TextName; note: TextName })
  | (Moderating & { kind: 'annotate'; visibility: string; body: TextName })
  /** `onTarget`: the note picked among all notes, on the comment it is on; else the note and the comment picked apart (plus one id that does not exist). */
  | (Moderating & { kind: 'removeAnnotation'; annotation: number; onTarget: boolean })
  | { kind: 'changeRole'; user: UserName | 'nobody'; role: string }
  | { kind: 'ban'; user: UserName | 'nobody'; reason: BanReasonName }
  | { kind: 'unban'; user: UserName | 'nobody' }
);

const MODERATORS: ActorName[] = ['mo', 'max', 'olive', 'oscar'];
// Rita most, so that she meets the posting limits now and then.
const READERS: ActorName[] = ['rita', 'rita', 'otto', 'mo', 'olive'];
const OWNERS: ActorName[] = ['olive', 'oscar', 'system'];

/** Mostly someone who may do it, one time in four anyone at all. */
const actorFrom = (usual: ActorName[]) => fc.oneof(
  { arbitrary: fc.constantFrom(...usual), weight: 3 },
  { arbitrary: fc.constantFrom(...ACTOR_NAMES), weight: 1 },
);

const pick = fc.nat({ max: 40 });
const version = fc.oneof(
  { arbitrary: fc.constant<VersionPick>('current'), weight: 6 },
  { arbitrary: fc.constantFrom<VersionPick>('stale', 'ahead'), weight: 1 },
);
/** Mostly what the schema accepts, one time in ten what it refuses. */
const mostly = <T>(accepted: T[], refusedToo: T[]) =>
  fc.oneof({ arbitrary: fc.constantFrom(...accepted), weight: 9 }, { arbitrary: fc.constantFrom(...refusedToo), weight: 1 });
const note = mostly(NOTE_SAMPLES, REFUSED_NOTE_SAMPLES);
const body = mostly(BODY_SAMPLES, REFUSED_BODY_SAMPLES);
const mine = fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, { arbitrary: fc.constant(false), weight: 1 });
const moderationReason = mostly<string>([...MODERATION_REASONS], ['bogus']);
// A moderation reason readers cannot choose, and no reason at all.
const reportReason = mostly<string>([...REPORT_REASONS], ['personal_information', 'bogus']);
// The owners often, so that the last one is reached.
const user = fc.oneof(
  { arbitrary: fc.constantFrom<UserName | 'nobody'>('olive', 'oscar'), weight: 1 },
  { arbitrary: fc.constantFrom<UserName | 'nobody'>(...USER_NAMES, 'nobody'), weight: 2 },
);

/** Mostly a moment later; sometimes past the posting minute, the duplicate window, the edit window or a day. */
const advanceMs = fc.oneof(
  { arbitrary: fc.constantFrom(0, 1_000, 5_000), weight: 8 },
  { arbitrary: fc.constantFrom(61_000, 5 * 60_000, 16 * 60_000, 25 * 60 * 60_000), weight: 1 },
);

/** A step of `fields` by a caller from `usual` (mostly), a moment after the one before. */
const withActor = (usual: ActorName[], fields: fc.Arbitrary<object>): fc.Arbitrary<Step> =>
  fc.tuple(actorFrom(usual), advanceMs, fields).map(([actor, ms, rest]) => ({ actor, advanceMs: ms, ...rest }) as Step);

const moderation = (kind: ModerationKind, fields: Record<string, fc.Arbitrary<unknown>>) =>
  withActor(MODERATORS, fc.record({ kind: fc.constant(kind), target: pick, suited: mine, version, ...fields }));

export const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: withActor(READERS, fc.record({
      kind: fc.constant('post' as const),
      article: fc.oneof({ arbitrary: fc.constant('open' as const), weight: 8 }, { arbitrary: fc.constantFrom('closed' as const, 'missing' as const), weight: 1 }),
      parent: fc.option(pick, { freq: 2 }),
      body,
    })),
  },
  { weight: 3, arbitrary: withActor(READERS, fc.record({ kind: fc.constant('edit' as const), target: pick, mine, version, body })) },
  { weight: 1, arbitrary: withActor(READERS, fc.record({ kind: fc.constant('delete' as const), target: pick, mine })) },
  { weight: 3, arbitrary: withActor(READERS, fc.record({ kind: fc.constant('report' as const), target: pick, reason: reportReason, note })) },
  { weight: 2, arbitrary: moderation('flag', { reason: moderationReason, note }) },
  { weight: 1, arbitrary: moderation('unflag', { note }) },
  { weight: 2, arbitrary: moderation('hide', { reason: moderationReason, explanation: note, note }) },
  { weight: 1, arbitrary: moderation('unhide', { note }) },
  { weight: 2, arbitrary: moderation('annotate', { visibility: mostly(['internal', 'public'], ['everyone']), body }) },
  { weight: 1, arbitrary: moderation('removeAnnotation', { annotation: pick, onTarget: mine }) },
  { weight: 1, arbitrary: moderation('dismiss', { note }) },
  {
    weight: 1,
    arbitrary: withActor(OWNERS, fc.record({ kind: fc.constant('changeRole' as const), user, role: fc.constantFrom('reader', 'moderator', 'owner', 'admin') })),
  },
  { weight: 1, arbitrary: withActor(OWNERS, fc.record({ kind: fc.constant('ban' as const), user, reason: fc.constantFrom(...BAN_REASON_SAMPLES) })) },
  { weight: 1, arbitrary: withActor(OWNERS, fc.record({ kind: fc.constant('unban' as const), user })) },
);

/** Rita posting six different texts in a few seconds: the posting limit (and the duplicate window, with her earlier posts) meet. */
const postingBurst = fc.shuffledSubarray(DISTINCT_BODY_SAMPLES, { minLength: 6, maxLength: 6 }).map((bodies) =>
  bodies.map((text): Step => ({ actor: 'rita', advanceMs: 1_000, kind: 'post', article: 'open', parent: null, body: text })));

/** Rita editing one of her comments over and over: the cap on edits and the edit window meet. */
const editingBurst = fc.record({ target: pick, bodies: fc.array(body, { minLength: 10, maxLength: 13 }) }).map(({ target, bodies }) =>
  bodies.map((text): Step => ({ actor: 'rita', advanceMs: 30_000, kind: 'edit', target, mine: true, version: 'current', body: text })));

/** A run: single steps, now and then a burst. */
export const sequenceArbitrary = (maxChunks: number) => fc
  .array(fc.oneof(
    { arbitrary: stepArbitrary.map((step) => [step]), weight: 30 },
    { arbitrary: postingBurst, weight: 1 },
    { arbitrary: editingBurst, weight: 1 },
  ), { minLength: 1, maxLength: maxChunks, size: 'max' })
  .map((chunks) => chunks.flat());
