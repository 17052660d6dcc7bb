// Moderation load over HTTP: concurrent loops sending hide, unhide and flag actions at random comments as real moderators,
// recording every answer so that the benchmark and the crash test can hold the database to what was acknowledged.
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { MODERATION_REASONS } from '@/db/moderation-reasons';
import { createActionClient, type ActionAnswer, type ActionClient } from './keep-alive-action-client';

/** The log action each kind of request records when it succeeds. */
export const MODERATION_LOAD_ACTIONS = {
  hide: 'comment_hidden',
  unhide: 'comment_unhidden',
  flag: 'comment_flagged',
} as const;

export type ModerationLoadKind = keyof typeof MODERATION_LOAD_ACTIONS;
export type ModerationLogAction = (typeof MODERATION_LOAD_ACTIONS)[ModerationLoadKind];

/** The server action each kind sends, by its exported name in the build's manifest. */
const ACTION_NAMES: Record<ModerationLoadKind, string> = {
  hide: 'hideCommentAction',
  unhide: 'unhideCommentAction',
  flag: 'flagCommentAction',
};

/** The pause after a request that got no answer. */
const TRANSPORT_RETRY_MS = 20;

const KINDS = Object.keys(MODERATION_LOAD_ACTIONS) as ModerationLoadKind[];

/** One success the server acknowledged: the comment, what was done and the version it made. */
export type AcknowledgedModeration = { commentId: number; action: ModerationLogAction; version: number; at: number };

export type ModerationLoadOptions = {
  baseUrl: string;
  /** The page the UI calls the actions from: `/articles/<slug>`. */
  page: string;
  /** The build's action ids by exported name: readServerActionIds(). */
  actionIds: Record<string, string>;
  /** Session cookies (`authjs.session-token=…`), used in turn. */
  moderatorCookies: string[];
  commentIds: number[];
  connections: number;
  /** Stops after this long; give `stop` instead (or as well) to end it from outside. */
  durationMs?: number;
  stop?: AbortSignal;
  /** The database the server writes, read only here: the starting versions, and a version again after a CONFLICT. */
  dbFile: string;
  /** Seeds the choice of comment, action and reason (Math.random when absent). */
  random?: () => number;
  /** Gives up a request after this long without an answer. */
  timeoutMs?: number;
};

export type ModerationLoadResult = {
  /** From the first request to the last answer. */
  elapsedMs: number;
  requests: number;
  acknowledged: AcknowledgedModeration[];
  /** Typed refusals (`{ ok: false, code }`) by code. */
  refusals: Record<string, number>;
  /** Answers that were not 200, and 200s without an action result, by status. */
  badAnswers: Record<string, number>;
  /** Requests that got no answer (connection refused, reset, timed out), by error. */
  transportErrors: Record<string, number>;
  /** Requests sent but not answered when the load was told to stop. */
  inFlightAtStop: number;
  /** Requests whose outcome is unknown (no answer or not a readable one): each may or may not have changed the database. */
  unanswered: number;
  /** Each answered request's time, in milliseconds. */
  latenciesMs: number[];
};

type ModerationAnswer = { ok: true; moderation: { commentId: number; version: number } } | { ok: false; code: string };

function isModerationAnswer(result: unknown): result is ModerationAnswer {
  return typeof result === 'object' && result !== null && typeof (result as { ok?: unknown }).ok === 'boolean';
}

const tally = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

/** The arguments the UI sends for `kind` on a comment at `version`. */
export function moderationArgs(kind: ModerationLoadKind, commentId: number, version: number, random: () => number): unknown[] {
  const reason = MODERATION_REASONS[Math.floor(random() * MODERATION_REASONS.length)]!;
  switch (kind) {
    case 'hide':
      return [{ commentId, version, reason, explanation: 'Removed during a load test.', note: 'load' }];
    case 'unhide':
      return [{ commentId, version, note: 'load' }];
    case 'flag':
      return [{ commentId, version, reason, note: 'load' }];
  }
}

/** Reads comments' current versions from the server's database without writing to it. */
function versionReader(dbFile: string) {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  const one = db.prepare('SELECT version FROM comments WHERE id = ?').pluck();
  return {
    read: (commentId: number) => one.get(commentId) as number | undefined,
    close: () => db.close(),
  };
}

export async function runModerationLoad(options: ModerationLoadOptions): Promise<ModerationLoadResult> {
  if (options.moderatorCookies.length === 0) throw new Error('the moderation load needs at least one moderator cookie');
  if (options.commentIds.length === 0) throw new Error('the moderation load needs at least one comment');
  if (options.durationMs === undefined && options.stop === undefined) throw new Error('give durationMs, stop or both');
  const actionIds = Object.fromEntries(KINDS.map((kind) => {
    const id = options.actionIds[ACTION_NAMES[kind]];
    if (!id) throw new Error(`the build has no ${ACTION_NAMES[kind]}`);
    return [kind, id];
  })) as Record<ModerationLoadKind, string>;
  const random = options.random ?? Math.random;
  const versions = versionReader(options.dbFile);
  const known = new Map<number, number>();
  const versionOf = (commentId: number): number => {
    let version = known.get(commentId);
    if (version === undefined) known.set(commentId, (version = versions.read(commentId) ?? 1));
    return version;
  };
  const client: ActionClient = createActionClient({ ...options, timeoutMs: options.timeoutMs });
  const result: ModerationLoadResult = {
    elapsedMs: 0, requests: 0, acknowledged: [], refusals: {}, badAnswers: {}, transportErrors: {}, inFlightAtStop: 0, unanswered: 0, latenciesMs: [],
  };

  let stopped = false;
  let inFlight = 0;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    result.inFlightAtStop = inFlight;
  };
  const timer = options.durationMs === undefined ? null : setTimeout(stop, options.durationMs);
  if (options.stop?.aborted) stop();
  options.stop?.addEventListener('abort', stop, { once: true });

  let cookieTurn = 0;
  const record = (kind: ModerationLoadKind, commentId: number, answer: ActionAnswer) => {
    if (!answer.answered) {
      tally(result.transportErrors, answer.error);
      result.unanswered += 1;
      return;
    }
    if (answer.status !== 200 || !isModerationAnswer(answer.result)) {
      tally(result.badAnswers, String(answer.status));
      result.unanswered += 1;
      return;
    }
    if (answer.result.ok) {
      const { version } = answer.result.moderation;
      // Answers may arrive out of order; a lower version than one already seen is old news.
      if (version > (known.get(commentId) ?? 0)) known.set(commentId, version);
      result.acknowledged.push({ commentId, action: MODERATION_LOAD_ACTIONS[kind], version, at: Date.now() });
      return;
    }
    tally(result.refusals, answer.result.code);
    if (answer.result.code === 'CONFLICT') {
      const version = versions.read(commentId);
      if (version !== undefined) known.set(commentId, version);
    }
  };

  const loop = async () => {
    while (!stopped) {
      const commentId = options.commentIds[Math.floor(random() * options.commentIds.length)]!;
      const kind = KINDS[Math.floor(random() * KINDS.length)]!;
      const cookie = options.moderatorCookies[cookieTurn++ % options.moderatorCookies.length]!;
      const args = moderationArgs(kind, commentId, versionOf(commentId), random);
      result.requests += 1;
      inFlight += 1;
      const started = performance.now();
      const answer = await client.send(actionIds[kind], args, cookie);
      inFlight -= 1;
      if (answer.answered) result.latenciesMs.push(performance.now() - started);
      record(kind, commentId, answer);
      // A server that is gone refuses at once; retrying in a tight loop would only burn the CPU it shares.
      if (!answer.answered) await new Promise((resolve) => setTimeout(resolve, TRANSPORT_RETRY_MS));
    }
  };

  const started = performance.now();
  try {
    await Promise.all(Array.from({ length: options.connections }, loop));
  } finally {
    if (timer) clearTimeout(timer);
    options.stop?.removeEventListener('abort', stop);
    client.close();
    versions.close();
  }
  result.elapsedMs = performance.now() - started;
  return result;
}
