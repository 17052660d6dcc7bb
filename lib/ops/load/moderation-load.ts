// Moderation load over HTTP: concurrent callers sending hide, unhide and flag actions at random comments as real moderators,
// recording every answer so that the benchmark and the crash test can hold the database to what was acknowledged.
import 'server-only';
import Database from 'better-sqlite3';
import { MODERATION_REASONS } from '@/db/moderation-reasons';
import { MODERATION_VERBS, type TargetedModerationRequest } from '@/lib/shared/moderation/verbs';
import { runActionLoad, type ActionLoadOptions, type LoadRun } from './action-load';

const KINDS = ['hide', 'unhide', 'flag'] as const;
export type ModerationLoadKind = (typeof KINDS)[number];
export type ModerationLogAction = (typeof MODERATION_VERBS)[ModerationLoadKind]['logAction'];

/** The log actions the load's requests record when they succeed. */
export const MODERATION_LOAD_ACTIONS: readonly ModerationLogAction[] = KINDS.map((kind) => MODERATION_VERBS[kind].logAction);

/** The one server action every verb is sent to, by its exported name in the build's manifest. */
const ACTION_NAME = 'moderateCommentAction';

/** One success the server acknowledged: the comment, what was done and the version it made. */
export type AcknowledgedModeration = { commentId: number; action: ModerationLogAction; version: number; at: number };

export type ModerationLoadOptions = ActionLoadOptions & {
  /** The page the UI calls the actions from: `/articles/<slug>`. */
  page: string;
  /** The build's action ids by exported name: readServerActionIds(). */
  actionIds: Record<string, string>;
  /** Session cookies (`authjs.session-token=…`), used in turn. */
  moderatorCookies: string[];
  commentIds: number[];
  /** The database the server writes, read here (read-only, never held open): the starting versions, and a version again after a CONFLICT. */
  dbFile: string;
  /** Seeds the choice of comment, action and reason (Math.random when absent). */
  random?: () => number;
};

export type ModerationLoadResult = LoadRun<AcknowledgedModeration>;

/** The arguments the UI sends for `kind` on a comment at `version`. */
export function moderationArgs(kind: ModerationLoadKind, commentId: number, version: number, random: () => number): [TargetedModerationRequest] {
  const reason = MODERATION_REASONS[Math.floor(random() * MODERATION_REASONS.length)]!;
  switch (kind) {
    case 'hide':
      return [{ kind, commentId, version, reason, explanation: 'Removed during a load test.', note: 'load' }];
    case 'unhide':
      return [{ kind, commentId, version }];
    case 'flag':
      return [{ kind, commentId, version, reason, note: 'load' }];
  }
}

/** Reads comments' versions from the server's database on a short read-only connection, so that none stays open across a crash. */
function readVersions(dbFile: string, commentIds: readonly number[]): Map<number, number> {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const stored = db.prepare('SELECT version FROM comments WHERE id = ?').pluck();
    return new Map(commentIds.map((id) => [id, (stored.get(id) as number | undefined) ?? 1]));
  } finally {
    db.close();
  }
}

/** Each comment's version as the load last learned it: from the database at first and after a CONFLICT, else from answers. */
function versionTracker(dbFile: string, commentIds: readonly number[]) {
  const known = readVersions(dbFile, commentIds);
  return {
    of: (commentId: number) => known.get(commentId)!,
    // Answers may arrive out of order; a lower version than one already seen is old news.
    answered: (commentId: number, version: number) => {
      if (version > known.get(commentId)!) known.set(commentId, version);
    },
    reread: (commentId: number) => known.set(commentId, readVersions(dbFile, [commentId]).get(commentId)!),
  };
}

export async function runModerationLoad(options: ModerationLoadOptions): Promise<ModerationLoadResult> {
  if (options.moderatorCookies.length === 0) throw new Error('the moderation load needs at least one moderator cookie');
  if (options.commentIds.length === 0) throw new Error('the moderation load needs at least one comment');
  const actionId = options.actionIds[ACTION_NAME];
  if (!actionId) throw new Error(`the build has no ${ACTION_NAME}`);
  const random = options.random ?? Math.random;
  const versions = versionTracker(options.dbFile, options.commentIds);
  let turn = 0;
  return runActionLoad(options, () => {
    const commentId = options.commentIds[Math.floor(random() * options.commentIds.length)]!;
    const kind = KINDS[Math.floor(random() * KINDS.length)]!;
    return {
      actionId,
      args: moderationArgs(kind, commentId, versions.of(commentId), random),
      cookie: options.moderatorCookies[turn++ % options.moderatorCookies.length]!,
      acknowledge: (result) => {
        const { version } = (result as { moderation: { version: number } }).moderation;
        versions.answered(commentId, version);
        return { commentId, action: MODERATION_VERBS[kind].logAction, version, at: Date.now() };
      },
      refused: (code) => {
        if (code === 'CONFLICT') versions.reread(commentId);
      },
    };
  });
}
