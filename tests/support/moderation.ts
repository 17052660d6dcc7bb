// Fixtures for the moderation tests: a reply with open and resolved reports, rows put in place behind
// lib's back (flags, hides, notes, reports, demotions), every single-comment action by name with a
// valid input and the state it applies to, the log state a row should record, and log rows read
// back with their states parsed. Free of vitest, so that the browser tests may share it.
import type { Db } from '@/db/client';
import type { Role } from '@/db/schema';
import type { Actor } from '@/lib/shared/auth/actor';
import { postComment } from '@/lib/comments/post-comment';
import { annotateComment } from '@/lib/moderation/annotate-comment';
import { dismissReports } from '@/lib/moderation/dismiss-reports';
import { flagComment } from '@/lib/moderation/flag-comment';
import { hideComment } from '@/lib/moderation/hide-comment';
import type { ModerationOptions } from '@/lib/moderation/moderation-step';
import { removeAnnotation } from '@/lib/moderation/remove-annotation';
import type { CommentModeration } from '@/lib/shared/moderation/types';
import type { ModerationVerbKind } from '@/lib/shared/moderation/verbs';
import { unflagComment } from '@/lib/moderation/unflag-comment';
import { unhideComment } from '@/lib/moderation/unhide-comment';
import type { Result } from '@/lib/shared/result';
import { logRows, userActor, type LogRow } from './accounts';
import { HOUR, insertArticle, insertCast, iso, NOW, sha256, type Cast, type TestArticle } from './comments';

/** The text of Rita's reply, the one every moderation test acts on. */
export const REPLY_TEXT = 'Rita writes something a moderator will judge';

export type ModerationScene = {
  ids: Cast;
  article: TestArticle;
  /** Rita's reply, posted an hour before NOW, at version 1. */
  reply: number;
  /** Otto's and Una's open reports on the reply, then an older report of Otto's already dismissed. */
  openReports: [number, number];
  resolvedReport: number;
};

/**
 * The cast, an article with `imported` imported comments, Rita's reply and three reports on it: two
 * open (Otto's and Una's) and one of Otto's dismissed by the moderator a day earlier.
 */
export function insertModerationScene(db: Db, imported = 2): ModerationScene {
  const ids = insertCast(db);
  const article = insertArticle(db, 'moderated-article', Array.from({ length: imported }, () => ({})));
  const posted = postComment(db, userActor(db, ids.rita), { articleId: article.articleId, body: REPLY_TEXT }, { now: NOW - HOUR });
  if (!posted.ok) throw new Error(posted.message);
  const reply = posted.comment.id;
  const resolvedReport = insertReport(db, reply, ids.otto, { at: NOW - 30 * HOUR, resolvedBy: ids.moderator, resolvedAt: NOW - 24 * HOUR });
  const openReports: [number, number] = [
    insertReport(db, reply, ids.otto, { at: NOW - 30 * 60_000, reason: 'harassment', note: 'Rude' }),
    insertReport(db, reply, ids.una, { at: NOW - 20 * 60_000 }),
  ];
  return { ids, article, reply, openReports, resolvedReport };
}

type ReportSpec = { at: number; reason?: string; note?: string; resolvedBy?: number; resolvedAt?: number };

/** A report written by SQL: open, or dismissed by `resolvedBy` at `resolvedAt`. */
export function insertReport(db: Db, commentId: number, reporterId: number, spec: ReportSpec): number {
  const resolved = spec.resolvedBy !== undefined;
  return Number(
    db.$client
      .prepare(`INSERT INTO reports (comment_id, reporter_id, reason, note, created_at, resolved_at, resolution, resolved_by_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(
        commentId, reporterId, spec.reason ?? 'spam', spec.note ?? null, iso(spec.at),
        resolved ? iso(spec.resolvedAt ?? spec.at) : null, resolved ? 'dismissed' : null, spec.resolvedBy ?? null,
      ).lastInsertRowid,
  );
}

/** A note written by SQL, not removed. */
export function insertAnnotation(db: Db, commentId: number, authorId: number, visibility: 'internal' | 'public', body: string, at = NOW - HOUR): number {
  return Number(
    db.$client
      .prepare('INSERT INTO annotations (comment_id, author_id, visibility, body, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(commentId, authorId, visibility, body, iso(at)).lastInsertRowid,
  );
}

/** Flags a comment by SQL, leaving its version as it was. */
export function flagBySql(db: Db, commentId: number, byId: number, reason = 'harassment', note: string | null = 'Watch this one'): void {
  db.$client.prepare('UPDATE comments SET flag_reason = ?, flag_note = ?, flagged_by_id = ?, flagged_at = ? WHERE id = ?')
    .run(reason, note, byId, iso(NOW - 2 * HOUR), commentId);
}

/** Changes a user's role behind lib's back, so that a viewer built before still carries the old one. */
export function setRoleBySql(db: Db, userId: number, role: Role): void {
  db.$client.prepare('UPDATE users SET role = ? WHERE id = ?').run(role, userId);
}

/** What a moderation log row records about a comment, as the tests expect it. */
export type LogState = {
  status: string;
  version: number;
  body_sha256: string;
  flag_reason: string | null;
  hidden_reason: string | null;
  open_reports: number;
  annotations: number;
};

/** The logged state of a visible, unflagged comment with `text` at version 1, changed by `changes`. */
export function logState(text: string, changes: Partial<LogState> = {}): LogState {
  return { status: 'visible', version: 1, body_sha256: sha256(text), flag_reason: null, hidden_reason: null, open_reports: 0, annotations: 0, ...changes };
}

/** A log row with its states parsed and without the two hashes, which verifyLogChain checks. */
export type ReadableLogRow = Omit<LogRow, 'previous_state' | 'new_state' | 'prev_hash' | 'hash'> & {
  previous_state: unknown;
  new_state: unknown;
};

export function readableLogRows(db: Db, afterId = 0): ReadableLogRow[] {
  return logRows(db, afterId).map(({ prev_hash, hash, previous_state, new_state, ...row }) => ({
    ...row,
    previous_state: previous_state === null ? null : JSON.parse(previous_state),
    new_state: new_state === null ? null : JSON.parse(new_state),
  }));
}

type ModerationResult = Result<{ moderation: CommentModeration }>;
type SingleAction = (db: Db, actor: Actor, raw: never, options?: ModerationOptions) => ModerationResult;

/** One single-comment action, a valid input for it and what it records, run on the scene's reply. */
export type ModerationCase = {
  name: string;
  /** The verb, as moderateComment takes it. */
  kind: ModerationVerbKind;
  /** Puts the reply in the state the action applies to, by SQL (its version stays 1); returns input fields this needs. */
  prepare: (db: Db, scene: ModerationScene) => Record<string, unknown>;
  input: Record<string, unknown>;
  perform: SingleAction;
  logAction: string;
  /** The log row's notes and reason for `input`. */
  logged: { reason_code: string | null; public_note: string | null; internal_note: string | null };
  /** The reply's logged state before and after, beyond version (1 then 2) and text. */
  before: Partial<LogState>;
  after: Partial<LogState>;
};

const OPEN = { open_reports: 2 };

export const MODERATION_CASES: ModerationCase[] = [
  {
    name: 'flag',
    kind: 'flag',
    prepare: () => ({}),
    input: { reason: 'misinformation', note: 'Check the numbers' },
    perform: flagComment,
    logAction: 'comment_flagged',
    logged: { reason_code: 'misinformation', public_note: null, internal_note: 'Check the numbers' },
    before: OPEN,
    after: { ...OPEN, flag_reason: 'misinformation' },
  },
  {
    name: 'unflag',
    kind: 'unflag',
    prepare: (db, scene) => (flagBySql(db, scene.reply, scene.ids.moderator), {}),
    input: { note: 'Checked, fine' },
    perform: unflagComment,
    logAction: 'comment_unflagged',
    logged: { reason_code: 'harassment', public_note: null, internal_note: 'Checked, fine' },
    before: { ...OPEN, flag_reason: 'harassment' },
    after: OPEN,
  },
  {
    name: 'hide',
    kind: 'hide',
    prepare: (db, scene) => (flagBySql(db, scene.reply, scene.ids.moderator), {}),
    input: { reason: 'personal_information', explanation: 'It gave a phone number.', note: 'Second time this week' },
    perform: hideComment,
    logAction: 'comment_hidden',
    logged: { reason_code: 'personal_information', public_note: 'It gave a phone number.', internal_note: 'Second time this week' },
    before: { ...OPEN, flag_reason: 'harassment' },
    after: { status: 'hidden', hidden_reason: 'personal_information' },
  },
  {
    name: 'unhide',
    kind: 'unhide',
    prepare: (db, scene) => (hideBySql(db, scene.reply, scene.ids.moderator), {}),
    input: { note: 'Appeal accepted' },
    perform: unhideComment,
    logAction: 'comment_unhidden',
    logged: { reason_code: null, public_note: null, internal_note: 'Appeal accepted' },
    before: { ...OPEN, status: 'hidden', hidden_reason: 'spam' },
    after: OPEN,
  },
  {
    name: 'annotate internally',
    kind: 'annotate',
    prepare: () => ({}),
    input: { visibility: 'internal', body: 'Known troll account' },
    perform: annotateComment,
    logAction: 'annotation_added',
    logged: { reason_code: null, public_note: null, internal_note: 'Known troll account' },
    before: OPEN,
    after: { ...OPEN, annotations: 1 },
  },
  {
    name: 'annotate publicly',
    kind: 'annotate',
    prepare: () => ({}),
    input: { visibility: 'public', body: 'The figure quoted is from 2019.' },
    perform: annotateComment,
    logAction: 'annotation_added',
    logged: { reason_code: null, public_note: 'The figure quoted is from 2019.', internal_note: null },
    before: OPEN,
    after: { ...OPEN, annotations: 1 },
  },
  {
    name: 'remove an annotation',
    kind: 'removeAnnotation',
    prepare: (db, scene) => ({ annotationId: insertAnnotation(db, scene.reply, scene.ids.moderator, 'public', 'Outdated note') }),
    input: {},
    perform: removeAnnotation,
    logAction: 'annotation_removed',
    logged: { reason_code: null, public_note: 'Outdated note', internal_note: null },
    before: { ...OPEN, annotations: 1 },
    after: OPEN,
  },
  {
    name: 'dismiss reports',
    kind: 'dismiss',
    prepare: () => ({}),
    input: { note: 'Not abusive' },
    perform: dismissReports,
    logAction: 'reports_dismissed',
    logged: { reason_code: null, public_note: null, internal_note: 'Not abusive' },
    before: OPEN,
    after: {},
  },
];

/** Hides a comment by SQL as `byId` would have, for spam, leaving its version as it was. */
export function hideBySql(db: Db, commentId: number, byId: number): void {
  db.$client.prepare(`UPDATE comments SET status = 'hidden', hidden_reason = 'spam', hidden_explanation = 'Advertising',
    hidden_note = 'Bot', hidden_by_id = ?, hidden_at = ? WHERE id = ?`).run(byId, iso(NOW - 2 * HOUR), commentId);
}
