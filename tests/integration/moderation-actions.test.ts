// The single-comment moderation actions (flag, clear a flag, hide, unhide, annotate, remove a note,
// dismiss reports): who may run them (roles re-read from the database), the rows and the one log
// row each writes, what each refuses (writing nothing), the CONFLICT that says who changed the reply
// meanwhile, that a failure to log rolls the change back, and that moderateComment, the one entry
// point the browser calls, runs each verb by its kind.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/shared/auth/actor';
import { editComment } from '@/lib/comments/edit-comment';
import { verifyLogChain } from '@/lib/ops/log-verify/verify-log-chain';
import { annotateComment } from '@/lib/moderation/annotate-comment';
import { dismissReports } from '@/lib/moderation/dismiss-reports';
import { flagComment } from '@/lib/moderation/flag-comment';
import { hideComment } from '@/lib/moderation/hide-comment';
import { moderateComment } from '@/lib/moderation/moderate-comment';
import { MODERATION_STEPS } from '@/lib/moderation/steps';
import { removeAnnotation } from '@/lib/moderation/remove-annotation';
import { unflagComment } from '@/lib/moderation/unflag-comment';
import { unhideComment } from '@/lib/moderation/unhide-comment';
import { readCommentModeration } from '@/lib/queries/comment-moderation';
import { MODERATION_VERBS } from '@/lib/shared/moderation/verbs';
import { anonymousActor, logRows, systemActor, userActor } from '@/tests/support/accounts';
import {
  annotationRows,
  banBySql,
  breakLogging,
  commentRow,
  commentTables,
  HOUR,
  iso,
  MINUTE,
  NOW,
  reportRows,
  SECOND,
  setCommentStatus,
  UNMODERATED,
} from '@/tests/support/comments';
import { expectRefusedWritingNothing } from '@/tests/support/expect-refused';
import {
  flagBySql,
  hideBySql,
  insertAnnotation,
  insertModerationScene,
  insertReport,
  logState,
  MODERATION_CASES,
  readableLogRows,
  REPLY_TEXT,
  setRoleBySql,
  type ModerationCase,
  type ModerationScene,
} from '@/tests/support/moderation';
import { createTempDb, type TempDb } from '@/tests/support/temp-db';

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const AT = NOW + 5 * MINUTE;

let temp: TempDb;
let scene: ModerationScene;

beforeEach(() => {
  temp = createTempDb();
  scene = insertModerationScene(temp.db);
});
afterEach(() => {
  vi.useRealTimers();
  temp.cleanup();
});

const moderator = (requestId = 'req-mo') => userActor(temp.db, scene.ids.moderator, requestId);
const owner = (requestId = 'req-olive') => userActor(temp.db, scene.ids.owner, requestId);

/** Runs `action` on the reply at `version` (1 unless given in `input`) with `input`, at AT unless told. */
function run(action: ModerationCase['perform'], actor: Actor, input: Record<string, unknown>, at = AT) {
  return action(temp.db, actor, { commentId: scene.reply, version: 1, ...input } as never, { now: at });
}

const runCase = (c: ModerationCase, actor: Actor, extra: Record<string, unknown>, at = AT) => run(c.perform, actor, { ...c.input, ...extra }, at);

const refusal = (code: string, message: string) => ({ ok: false, code, message });
const invalid = (field: string, message: string) => ({ ok: false, code: 'INVALID_INPUT', message, fieldErrors: { [field]: [message] } });

const CASES = MODERATION_CASES.map((c) => ({ ...c, toString: () => c.name }));

describe('who may moderate', () => {
  const ALLOWED = [
    { role: 'moderator', actor: () => moderator(), id: () => scene.ids.moderator, email: 'moderator@example.com', requestId: 'req-mo' },
    { role: 'owner', actor: () => owner(), id: () => scene.ids.owner, email: 'owner@example.com', requestId: 'req-olive' },
  ];

  it.each(CASES.flatMap((c) => ALLOWED.map((who) => ({ c, who, name: c.name, role: who.role }))))(
    '$name by the $role: the change, the version bumped, exactly one log row, and the fresh state answered',
    ({ c, who }) => {
      const extra = c.prepare(temp.db, scene);
      const before = commentTables(temp.db);
      const original = commentRow(temp.db, scene.reply)!;

      const result = run(c.perform, who.actor(), { ...c.input, ...extra });

      expect(result).toEqual({ ok: true, moderation: readCommentModeration(temp.db, scene.reply) });
      expect(result).toMatchObject({ ok: true, moderation: { commentId: scene.reply, version: 2, body: REPLY_TEXT } });
      expect(commentRow(temp.db, scene.reply)).toMatchObject({ version: 2, updated_at: iso(AT), body: REPLY_TEXT, created_at: original.created_at });

      const rows = readableLogRows(temp.db);
      expect(logRows(temp.db).slice(0, before.log.length)).toEqual(before.log);
      expect(rows).toHaveLength(before.log.length + 1);
      expect(rows.at(-1)).toEqual({
        id: before.log.length + 1,
        created_at: expect.stringMatching(ISO_MS),
        actor_id: who.id(),
        actor_name: who.email,
        actor_role: who.role,
        action: c.logAction,
        target_type: 'comment',
        target_id: scene.reply,
        article_id: scene.article.articleId,
        ...c.logged,
        previous_state: logState(REPLY_TEXT, c.before),
        new_state: logState(REPLY_TEXT, { version: 2, ...c.after }),
        request_id: who.requestId,
      });
      expect(verifyLogChain(temp.db)).toEqual({ ok: true, rows: before.log.length + 1, head: logRows(temp.db).at(-1)!.hash });

      // Only the reply, its reports and its notes may have changed.
      const after = commentTables(temp.db);
      expect(after.articles).toEqual(before.articles);
      expect(after.revisions).toEqual(before.revisions);
      expect(after.comments.filter((row) => row.id !== scene.reply)).toEqual(before.comments.filter((row) => row.id !== scene.reply));
    },
  );

  const BANNED_SINCE = 'Abuse';
  const REFUSED = [
    { role: 'an anonymous visitor', actor: () => anonymousActor(), expected: refusal('UNAUTHENTICATED', 'Sign in to moderate.') },
    { role: 'a reader', actor: () => userActor(temp.db, scene.ids.rita), expected: refusal('FORBIDDEN', 'Only moderators and owners can moderate comments.') },
    { role: 'another reader', actor: () => userActor(temp.db, scene.ids.otto), expected: refusal('FORBIDDEN', 'Only moderators and owners can moderate comments.') },
    { role: 'a banned reader', actor: () => userActor(temp.db, scene.ids.banned), expected: refusal('FORBIDDEN', 'Your account is banned: Spam links') },
    { role: 'a banned owner', actor: () => userActor(temp.db, scene.ids.bannedOwner), expected: refusal('FORBIDDEN', 'Your account is banned: Compromised') },
    {
      role: 'a demoted moderator (stale viewer)',
      actor: () => {
        const stale = moderator();
        setRoleBySql(temp.db, scene.ids.moderator, 'reader');
        return stale;
      },
      expected: refusal('FORBIDDEN', 'Only moderators and owners can moderate comments.'),
    },
    {
      role: 'a banned moderator (stale viewer)',
      actor: () => {
        const stale = moderator();
        banBySql(temp.db, scene.ids.moderator, BANNED_SINCE);
        return stale;
      },
      expected: refusal('FORBIDDEN', `Your account is banned: ${BANNED_SINCE}`),
    },
    {
      role: 'a banned owner (stale viewer)',
      actor: () => {
        const stale = owner();
        banBySql(temp.db, scene.ids.owner, BANNED_SINCE);
        return stale;
      },
      expected: refusal('FORBIDDEN', `Your account is banned: ${BANNED_SINCE}`),
    },
    {
      role: 'a reader posing as moderator',
      actor: () => ({ ...userActor(temp.db, scene.ids.rita), role: 'moderator' as const }),
      expected: refusal('FORBIDDEN', 'Only moderators and owners can moderate comments.'),
    },
    { role: 'the system', actor: () => systemActor(), expected: refusal('FORBIDDEN', 'Moderation is done by a signed-in moderator.') },
  ];

  it.each(CASES.flatMap((c) => REFUSED.map((who) => ({ c, who, name: c.name, role: who.role }))))(
    '$name is refused to $role, writing nothing',
    ({ c, who }) => {
      const extra = c.prepare(temp.db, scene);
      const actor = who.actor();
      expectRefusedWritingNothing(temp.db, () => runCase(c, actor, extra), who.expected);
    },
  );
});

describe('hiding', () => {
  it('sets the hide, clears the flag and resolves every open report as hidden, leaving resolved ones alone', () => {
    flagBySql(temp.db, scene.reply, scene.ids.owner);
    const original = commentRow(temp.db, scene.reply)!;
    const reportsBefore = reportRows(temp.db);
    const result = run(hideComment, moderator(), { reason: 'spam', explanation: '  Selling watches.\r\n', note: 'Bot network' });
    expect(commentRow(temp.db, scene.reply)).toEqual({
      ...original,
      ...UNMODERATED,
      status: 'hidden',
      version: 2,
      updated_at: iso(AT),
      hidden_reason: 'spam',
      hidden_explanation: 'Selling watches.',
      hidden_note: 'Bot network',
      hidden_by_id: scene.ids.moderator,
      hidden_at: iso(AT),
    });
    expect(reportRows(temp.db)).toEqual(
      reportsBefore.map((report) =>
        report.resolved_at === null ? { ...report, resolved_at: iso(AT), resolution: 'hidden', resolved_by_id: scene.ids.moderator } : report,
      ),
    );
    expect(reportRows(temp.db).map((report) => [report.id, report.resolution])).toEqual([
      [scene.resolvedReport, 'dismissed'],
      [scene.openReports[0], 'hidden'],
      [scene.openReports[1], 'hidden'],
    ]);
    expect(result).toEqual({
      ok: true,
      moderation: {
        commentId: scene.reply,
        articleId: scene.article.articleId,
        version: 2,
        status: 'hidden',
        body: REPLY_TEXT,
        authorId: scene.ids.rita,
        authorName: 'Rita Reader',
        flag: null,
        hidden: { reason: 'spam', explanation: 'Selling watches.', note: 'Bot network', by: 'moderator@example.com', at: iso(AT) },
        openReports: 0,
        annotations: [],
      },
    });
    expect(readableLogRows(temp.db)).toMatchObject([{ action: 'comment_hidden', public_note: 'Selling watches.', internal_note: 'Bot network' }]);
  });

  it('stores an absent or blank explanation and note as null', () => {
    expect(run(hideComment, moderator(), { reason: 'other', explanation: ' \r\n ', note: null })).toMatchObject({ ok: true });
    expect(commentRow(temp.db, scene.reply)).toMatchObject({ hidden_reason: 'other', hidden_explanation: null, hidden_note: null });
    expect(readableLogRows(temp.db)).toMatchObject([{ reason_code: 'other', public_note: null, internal_note: null }]);
  });

  it('accepts a public explanation of exactly 300 characters and a note of exactly 1,000, counting an emoji as one', () => {
    expect(run(hideComment, moderator(), { reason: 'hate', explanation: '😀'.repeat(300), note: 'n'.repeat(1000) })).toMatchObject({ ok: true });
    expect(commentRow(temp.db, scene.reply)).toMatchObject({ hidden_explanation: '😀'.repeat(300), hidden_note: 'n'.repeat(1000) });
  });

  it('hides a reply with no reports, writing no report rows', () => {
    const imported = scene.article.commentIds[0]!;
    expect(run(hideComment, owner(), { commentId: imported, reason: 'off_topic' })).toMatchObject({ ok: true, moderation: { status: 'hidden', openReports: 0 } });
    expect(reportRows(temp.db).filter((report) => report.resolution === 'hidden')).toEqual([]);
    expect(readableLogRows(temp.db)).toMatchObject([
      { target_id: imported, new_state: { status: 'hidden', hidden_reason: 'off_topic', open_reports: 0, version: 2 } },
    ]);
  });

  it('ignores fields it does not take, such as who hid it or when', () => {
    const result = run(hideComment, moderator(), { reason: 'spam', hiddenById: scene.ids.rita, hiddenAt: '2000-01-01T00:00:00.000Z', status: 'visible' });
    expect(result).toMatchObject({ ok: true, moderation: { status: 'hidden' } });
    expect(commentRow(temp.db, scene.reply)).toMatchObject({ status: 'hidden', hidden_by_id: scene.ids.moderator, hidden_at: iso(AT) });
  });

  it('refuses a reply already hidden (by SQL, or by an earlier hide at the current version) as NO_CHANGE, writing nothing', () => {
    expect(run(hideComment, moderator(), { reason: 'spam' })).toMatchObject({ ok: true });
    expectRefusedWritingNothing(temp.db, () => run(hideComment, owner(), { version: 2, reason: 'hate' }), refusal('NO_CHANGE', 'This reply is already hidden.'));
    hideBySql(temp.db, scene.article.commentIds[0]!, scene.ids.owner);
    expectRefusedWritingNothing(
      temp.db,
      () => run(hideComment, owner(), { commentId: scene.article.commentIds[0], reason: 'hate' }),
      refusal('NO_CHANGE', 'This reply is already hidden.'),
    );
    expect(logRows(temp.db)).toHaveLength(1);
  });

  it('refuses a reply deleted by its author as CONFLICT, writing nothing', () => {
    setCommentStatus(temp.db, scene.reply, 'deleted');
    expectRefusedWritingNothing(
      temp.db,
      () => run(hideComment, moderator(), { reason: 'spam' }),
      refusal('CONFLICT', 'Its author deleted this reply, so readers no longer see it; there is nothing to hide.'),
    );
  });
});

describe('unhiding', () => {
  it('shows the reply again without the hide, leaving its reports as they are', () => {
    hideBySql(temp.db, scene.reply, scene.ids.owner);
    const original = commentRow(temp.db, scene.reply)!;
    const reportsBefore = reportRows(temp.db);
    expect(run(unhideComment, moderator(), {})).toMatchObject({ ok: true, moderation: { status: 'visible', hidden: null, version: 2, openReports: 2 } });
    expect(commentRow(temp.db, scene.reply)).toEqual({ ...original, ...UNMODERATED, status: 'visible', version: 2, updated_at: iso(AT) });
    expect(reportRows(temp.db)).toEqual(reportsBefore);
  });

  it('undoes a hide made through lib, and the hide stays in the log', () => {
    expect(run(hideComment, owner(), { reason: 'spam' })).toMatchObject({ ok: true });
    expect(run(unhideComment, moderator(), { version: 2 }, AT + MINUTE)).toMatchObject({ ok: true, moderation: { status: 'visible', version: 3 } });
    expect(readableLogRows(temp.db).map((row) => [row.action, row.actor_name])).toEqual([
      ['comment_hidden', 'owner@example.com'],
      ['comment_unhidden', 'moderator@example.com'],
    ]);
    expect(readableLogRows(temp.db)[1]!.new_state).toEqual(logState(REPLY_TEXT, { version: 3 }));
  });
});

describe('flagging and clearing a flag', () => {
  it('flags with the reason, note, moderator and time, and clears all four again', () => {
    const original = commentRow(temp.db, scene.reply)!;
    expect(run(flagComment, moderator(), { reason: 'hate' })).toMatchObject({
      ok: true,
      moderation: { version: 2, status: 'visible', flag: { reason: 'hate', note: null, by: 'moderator@example.com', at: iso(AT) }, openReports: 2 },
    });
    expect(commentRow(temp.db, scene.reply)).toEqual({
      ...original, version: 2, updated_at: iso(AT), flag_reason: 'hate', flag_note: null, flagged_by_id: scene.ids.moderator, flagged_at: iso(AT),
    });
    const later = AT + HOUR;
    expect(run(unflagComment, owner(), { version: 2 }, later)).toMatchObject({ ok: true, moderation: { version: 3, flag: null } });
    expect(commentRow(temp.db, scene.reply)).toEqual({ ...original, version: 3, updated_at: iso(later) });
    // Neither touches the reports.
    expect(reportRows(temp.db).filter((report) => report.resolved_at === null)).toHaveLength(2);
  });
});

describe('annotating', () => {
  it.each([
    ['internal', 'internal_note', 'public_note'],
    ['public', 'public_note', 'internal_note'],
  ] as const)('adds the %s note, normalised, logging it as the %s', (visibility, carried, empty) => {
    const result = run(annotateComment, owner(), { visibility, body: '  Context:\r\nsee the correction.  ' });
    const body = 'Context:\nsee the correction.';
    expect(annotationRows(temp.db)).toEqual([
      { id: 1, comment_id: scene.reply, author_id: scene.ids.owner, visibility, body, created_at: iso(AT), removed_at: null, removed_by_id: null },
    ]);
    expect(result).toMatchObject({ ok: true, moderation: { version: 2, annotations: [{ id: 1, visibility, body, by: 'owner@example.com', at: iso(AT) }] } });
    expect(readableLogRows(temp.db)).toMatchObject([{ action: 'annotation_added', [carried]: body, [empty]: null }]);
    // The reply itself only gains a version.
    expect(commentRow(temp.db, scene.reply)).toMatchObject({ ...UNMODERATED, status: 'visible', version: 2 });
  });

  it('accepts a note of exactly 1,000 characters', () => {
    expect(run(annotateComment, moderator(), { visibility: 'internal', body: 'a'.repeat(1000) })).toMatchObject({ ok: true });
    expect(annotationRows(temp.db)[0]!.body).toHaveLength(1000);
  });

  // An emoji is one character to the moderator and the form's limit, but two UTF-16 code units: the log must take it too.
  it.each(['internal', 'public'] as const)('accepts an %s note of 1,000 emoji, and its removal, logging the text', (visibility) => {
    const body = '😀'.repeat(1000);
    expect(run(annotateComment, moderator(), { visibility, body })).toMatchObject({ ok: true, moderation: { annotations: [{ body }] } });
    expect(run(removeAnnotation, moderator(), { version: 2, annotationId: 1 })).toMatchObject({ ok: true, moderation: { annotations: [] } });
    const carried = visibility === 'public' ? 'public_note' : 'internal_note';
    expect(readableLogRows(temp.db).map((row) => [row.action, row[carried]])).toEqual([
      ['annotation_added', body],
      ['annotation_removed', body],
    ]);
  });

  it('keeps earlier notes and lists them oldest first', () => {
    insertAnnotation(temp.db, scene.reply, scene.ids.owner, 'internal', 'First note', NOW - 2 * HOUR);
    expect(run(annotateComment, moderator(), { visibility: 'public', body: 'Second note' })).toMatchObject({
      ok: true,
      moderation: { annotations: [{ id: 1, body: 'First note' }, { id: 2, body: 'Second note' }] },
    });
    expect(readableLogRows(temp.db)[0]!.new_state).toMatchObject({ annotations: 2 });
  });
});

describe('removing a note', () => {
  it('keeps the row, marked removed by whom and when, and leaves other notes alone', () => {
    const kept = insertAnnotation(temp.db, scene.reply, scene.ids.owner, 'internal', 'Keep me');
    const removed = insertAnnotation(temp.db, scene.reply, scene.ids.owner, 'internal', 'Remove me');
    const before = annotationRows(temp.db);
    const result = run(removeAnnotation, moderator(), { annotationId: removed });
    expect(annotationRows(temp.db)).toEqual([
      before[0],
      { ...before[1], removed_at: iso(AT), removed_by_id: scene.ids.moderator },
    ]);
    expect(result).toMatchObject({ ok: true, moderation: { version: 2, annotations: [{ id: kept, body: 'Keep me' }] } });
    expect(readableLogRows(temp.db)).toMatchObject([{ action: 'annotation_removed', internal_note: 'Remove me', public_note: null }]);
  });

  it('refuses a note twice as NO_CHANGE, writing nothing the second time', () => {
    const note = insertAnnotation(temp.db, scene.reply, scene.ids.owner, 'public', 'Once');
    expect(run(removeAnnotation, moderator(), { annotationId: note })).toMatchObject({ ok: true });
    expectRefusedWritingNothing(
      temp.db,
      () => run(removeAnnotation, owner(), { version: 2, annotationId: note }),
      refusal('NO_CHANGE', 'This note was already removed.'),
    );
  });

  it('refuses a note on another reply, or none at all, as NOT_FOUND, writing nothing', () => {
    const elsewhere = insertAnnotation(temp.db, scene.article.commentIds[0]!, scene.ids.owner, 'public', 'Elsewhere');
    expectRefusedWritingNothing(temp.db, () => run(removeAnnotation, moderator(), { annotationId: elsewhere }), refusal('NOT_FOUND', 'That note is not on this reply.'));
    expectRefusedWritingNothing(temp.db, () => run(removeAnnotation, moderator(), { annotationId: 999 }), refusal('NOT_FOUND', 'That note is not on this reply.'));
  });
});

describe('dismissing reports', () => {
  it('resolves every open report of the reply as dismissed; the reply, resolved reports and other replies\' reports stay', () => {
    const otherOpen = insertReport(temp.db, scene.article.commentIds[0]!, scene.ids.rita, { at: NOW - HOUR });
    const original = commentRow(temp.db, scene.reply)!;
    const reportsBefore = reportRows(temp.db);
    const result = run(dismissReports, owner(), { note: 'Fair criticism' });
    expect(reportRows(temp.db)).toEqual(
      reportsBefore.map((report) =>
        report.comment_id === scene.reply && report.resolved_at === null
          ? { ...report, resolved_at: iso(AT), resolution: 'dismissed', resolved_by_id: scene.ids.owner }
          : report,
      ),
    );
    expect(reportRows(temp.db).find((report) => report.id === otherOpen)).toMatchObject({ resolved_at: null });
    expect(reportRows(temp.db).find((report) => report.id === scene.resolvedReport)).toMatchObject({ resolved_by_id: scene.ids.moderator, resolved_at: iso(NOW - 24 * HOUR) });
    expect(commentRow(temp.db, scene.reply)).toEqual({ ...original, version: 2, updated_at: iso(AT) });
    expect(result).toMatchObject({ ok: true, moderation: { status: 'visible', openReports: 0, version: 2 } });
  });
});

describe('actions that would change nothing: NO_CHANGE, writing nothing', () => {
  const NO_CHANGE: { name: string; setup?: (s: ModerationScene) => void; perform: () => unknown; message: string }[] = [
    { name: 'flagging a flagged reply', setup: (s) => flagBySql(temp.db, s.reply, s.ids.owner), perform: () => run(flagComment, moderator(), { reason: 'spam' }), message: 'This reply is already flagged.' },
    { name: 'clearing a flag that is not there', perform: () => run(unflagComment, moderator(), {}), message: 'This reply is not flagged.' },
    { name: 'unhiding a visible reply', perform: () => run(unhideComment, moderator(), {}), message: 'This reply is not hidden.' },
    {
      name: 'dismissing resolved reports',
      setup: () => temp.db.$client.prepare("UPDATE reports SET resolved_at = ?, resolution = 'hidden', resolved_by_id = ?").run(iso(NOW), scene.ids.owner),
      perform: () => run(dismissReports, moderator(), {}),
      message: 'There are no open reports on this reply.',
    },
    {
      name: 'dismissing on a reply never reported',
      perform: () => run(dismissReports, moderator(), { commentId: scene.article.commentIds[1] }),
      message: 'There are no open reports on this reply.',
    },
  ];

  it.each(NO_CHANGE)('refuses $name', ({ setup, perform, message }) => {
    setup?.(scene);
    expectRefusedWritingNothing(temp.db, perform, refusal('NO_CHANGE', message));
  });
});

describe('placeholders and unknown replies', () => {
  it.each(CASES)('refuses to %s a placeholder as CONFLICT, writing nothing', (c) => {
    const extra = c.prepare(temp.db, scene);
    setCommentStatus(temp.db, scene.reply, 'unavailable');
    expectRefusedWritingNothing(
      temp.db,
      () => runCase(c, moderator(), extra),
      refusal('CONFLICT', 'This is a placeholder for a comment missing from the original page; there is nothing to moderate.'),
    );
  });

  it.each(CASES)('refuses to %s an unknown reply as NOT_FOUND, writing nothing', (c) => {
    const extra = c.prepare(temp.db, scene);
    expectRefusedWritingNothing(temp.db, () => runCase(c, moderator(), { ...extra, commentId: 987_654 }), refusal('NOT_FOUND', 'That reply does not exist.'));
  });
});

describe('input that is refused, writing nothing', () => {
  const RELOAD = 'Reload the page and try again.';
  const REFUSED: { name: string; perform: () => unknown; expected: object }[] = [
    { name: 'an unknown reason', perform: () => run(hideComment, moderator(), { reason: 'rude' }), expected: invalid('reason', 'Choose a reason.') },
    { name: 'no reason to hide', perform: () => run(hideComment, moderator(), {}), expected: invalid('reason', 'Choose a reason.') },
    { name: 'no reason to flag', perform: () => run(flagComment, moderator(), { note: 'Why not' }), expected: invalid('reason', 'Choose a reason.') },
    {
      name: 'a 301-character explanation',
      perform: () => run(hideComment, moderator(), { reason: 'spam', explanation: 'e'.repeat(301) }),
      expected: invalid('explanation', 'Use at most 300 characters; this has 301.'),
    },
    {
      name: 'a 1,001-character hide note',
      perform: () => run(hideComment, moderator(), { reason: 'spam', note: 'n'.repeat(1001) }),
      expected: invalid('note', 'Use at most 1,000 characters; this has 1,001.'),
    },
    {
      name: 'a 1,001-character flag note',
      perform: () => run(flagComment, moderator(), { reason: 'spam', note: 'n'.repeat(1001) }),
      expected: invalid('note', 'Use at most 1,000 characters; this has 1,001.'),
    },
    {
      name: 'a 1,001-character dismissal note',
      perform: () => run(dismissReports, moderator(), { note: 'n'.repeat(1001) }),
      expected: invalid('note', 'Use at most 1,000 characters; this has 1,001.'),
    },
    {
      name: 'a note with NUL',
      perform: () => run(unhideComment, moderator(), { note: 'bad\u0000note' }),
      expected: invalid('note', 'The text contains a control character (such as NUL) that cannot be posted.'),
    },
    {
      name: 'a 1,001-character annotation',
      perform: () => run(annotateComment, moderator(), { visibility: 'internal', body: 'a'.repeat(1001) }),
      expected: invalid('body', 'Use at most 1,000 characters; this has 1,001.'),
    },
    { name: 'an empty annotation', perform: () => run(annotateComment, moderator(), { visibility: 'public', body: ' \r\n ' }), expected: invalid('body', 'Write something first.') },
    { name: 'no annotation text', perform: () => run(annotateComment, moderator(), { visibility: 'public' }), expected: invalid('body', 'Write something first.') },
    {
      name: 'an invisible annotation',
      perform: () => run(annotateComment, moderator(), { visibility: 'public', body: '\u200B\u2800\u200D' }),
      expected: invalid('body', 'The text has no visible characters.'),
    },
    {
      name: 'an unknown note visibility',
      perform: () => run(annotateComment, moderator(), { visibility: 'secret', body: 'Hush' }),
      expected: invalid('visibility', 'Say whether the note is internal or public.'),
    },
    { name: 'a comment id given as text', perform: () => run(flagComment, moderator(), { commentId: String(scene.reply), reason: 'spam' }), expected: invalid('commentId', 'Unknown comment.') },
    { name: 'a fractional comment id', perform: () => run(flagComment, moderator(), { commentId: 1.5, reason: 'spam' }), expected: invalid('commentId', 'Unknown comment.') },
    { name: 'a comment id of 0', perform: () => run(flagComment, moderator(), { commentId: 0, reason: 'spam' }), expected: invalid('commentId', 'Unknown comment.') },
    { name: 'no version', perform: () => run(flagComment, moderator(), { version: undefined, reason: 'spam' }), expected: invalid('version', RELOAD) },
    { name: 'a version given as text', perform: () => run(flagComment, moderator(), { version: '1', reason: 'spam' }), expected: invalid('version', RELOAD) },
    { name: 'a fractional version', perform: () => run(hideComment, moderator(), { version: 1.5, reason: 'spam' }), expected: invalid('version', RELOAD) },
    { name: 'a version of 0', perform: () => run(hideComment, moderator(), { version: 0, reason: 'spam' }), expected: invalid('version', RELOAD) },
    { name: 'an annotation id given as text', perform: () => run(removeAnnotation, moderator(), { annotationId: '1' }), expected: invalid('annotationId', 'Unknown annotation.') },
    { name: 'a fractional annotation id', perform: () => run(removeAnnotation, moderator(), { annotationId: 1.5 }), expected: invalid('annotationId', 'Unknown annotation.') },
  ];

  it.each(REFUSED)('refuses $name', ({ perform, expected }) => {
    insertAnnotation(temp.db, scene.reply, scene.ids.owner, 'public', 'A note to remove');
    expectRefusedWritingNothing(temp.db, perform, expected);
  });

  it('checks the caller before the input: an anonymous visitor with bad input is told to sign in', () => {
    expectRefusedWritingNothing(temp.db, () => run(hideComment, anonymousActor(), { reason: 'rude', version: 'x' }), refusal('UNAUTHENTICATED', 'Sign in to moderate.'));
  });
});

describe('a reply changed since the moderator loaded it: CONFLICT saying what happened, writing nothing', () => {
  const AFTER = 'after you loaded this reply. Its current state is shown now; check it before acting again.';

  it('names the moderator who hid it and how long ago', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    expect(run(hideComment, owner(), { reason: 'spam' }, NOW)).toMatchObject({ ok: true });
    vi.setSystemTime(NOW + 12 * SECOND);
    expectRefusedWritingNothing(
      temp.db,
      () => run(hideComment, moderator(), { reason: 'hate' }, NOW + 12 * SECOND),
      refusal('CONFLICT', `Hidden by owner@example.com 12 s ago, ${AFTER}`),
    );
    vi.setSystemTime(NOW + 3 * MINUTE);
    expectRefusedWritingNothing(
      temp.db,
      () => run(flagComment, moderator(), { reason: 'hate' }, NOW + 3 * MINUTE),
      refusal('CONFLICT', `Hidden by owner@example.com 3 min ago, ${AFTER}`),
    );
    expect(commentRow(temp.db, scene.reply)).toMatchObject({ status: 'hidden', hidden_reason: 'spam', hidden_by_id: scene.ids.owner, flag_reason: null });
  });

  it('names the latest change when there were several', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    expect(run(flagComment, owner(), { reason: 'spam' }, NOW)).toMatchObject({ ok: true });
    vi.setSystemTime(NOW + HOUR);
    expect(run(dismissReports, moderator(), { version: 2 }, NOW + HOUR)).toMatchObject({ ok: true });
    vi.setSystemTime(NOW + 3 * HOUR);
    expectRefusedWritingNothing(
      temp.db,
      () => run(hideComment, owner(), { reason: 'spam' }, NOW + 3 * HOUR),
      refusal('CONFLICT', `Reports dismissed by moderator@example.com 2 h ago, ${AFTER}`),
    );
  });

  it('says when its author edited it', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW - HOUR + 5 * MINUTE);
    const edited = editComment(temp.db, userActor(temp.db, scene.ids.rita), { commentId: scene.reply, version: 1, body: 'Rita thinks again' }, { now: NOW - HOUR + 5 * MINUTE });
    expect(edited).toMatchObject({ ok: true });
    vi.setSystemTime(NOW - HOUR + 8 * MINUTE);
    expectRefusedWritingNothing(
      temp.db,
      () => run(hideComment, moderator(), { reason: 'spam' }),
      refusal('CONFLICT', `Edited by its author 3 min ago, ${AFTER}`),
    );
  });

  it('refuses a version from the future too', () => {
    expectRefusedWritingNothing(temp.db, () => run(flagComment, moderator(), { version: 7, reason: 'spam' }), refusal('CONFLICT', `Changed, ${AFTER}`));
  });

  it.each(CASES)('refuses to %s with the version from before another moderator\'s note', (c) => {
    const extra = c.prepare(temp.db, scene);
    expect(run(annotateComment, owner(), { visibility: 'internal', body: 'Looking into it' })).toMatchObject({ ok: true, moderation: { version: 2 } });
    expectRefusedWritingNothing(
      temp.db,
      () => runCase(c, moderator(), extra),
      refusal('CONFLICT', `Note added by owner@example.com just now, ${AFTER}`),
    );
  });
});

describe('a failure to log rolls the change back', () => {
  it.each(CASES)('%s: comment, reports and notes as before', (c) => {
    const extra = c.prepare(temp.db, scene);
    breakLogging(temp.db);
    const before = commentTables(temp.db);
    expect(() => runCase(c, moderator(), extra)).toThrow('forced');
    expect(commentTables(temp.db)).toEqual(before);
  });

  it('hide: the reply stays visible and flagged, its reports open', () => {
    flagBySql(temp.db, scene.reply, scene.ids.owner);
    breakLogging(temp.db);
    expect(() => run(hideComment, moderator(), { reason: 'spam' })).toThrow('forced');
    expect(commentRow(temp.db, scene.reply)).toMatchObject({ status: 'visible', version: 1, flag_reason: 'harassment', hidden_at: null });
    expect(reportRows(temp.db).filter((report) => report.resolved_at === null).map((report) => report.id)).toEqual(scene.openReports);
  });

  it('dismiss: the reports stay open', () => {
    breakLogging(temp.db);
    expect(() => run(dismissReports, moderator(), {})).toThrow('forced');
    expect(reportRows(temp.db).filter((report) => report.resolved_at === null).map((report) => report.id)).toEqual(scene.openReports);
  });

  it('annotate: no annotation row', () => {
    breakLogging(temp.db);
    expect(() => run(annotateComment, moderator(), { visibility: 'public', body: 'Never saved' })).toThrow('forced');
    expect(annotationRows(temp.db)).toEqual([]);
  });
});

describe('moderateComment: every verb through one entry point, by its kind', () => {
  it('has a step for every verb in the table, each for its own kind', () => {
    expect(Object.keys(MODERATION_STEPS).sort()).toEqual(Object.keys(MODERATION_VERBS).sort());
    for (const [kind, step] of Object.entries(MODERATION_STEPS)) expect(step.kind).toBe(kind);
  });

  it.each(CASES)('$name: the same change and log row as its own function', (c) => {
    const extra = c.prepare(temp.db, scene);
    const result = moderateComment(temp.db, moderator(), { kind: c.kind, commentId: scene.reply, version: 1, ...c.input, ...extra }, { now: AT });

    expect(result).toEqual({ ok: true, moderation: readCommentModeration(temp.db, scene.reply) });
    expect(result).toMatchObject({ ok: true, moderation: { version: 2 } });
    expect(c.logAction).toBe(MODERATION_VERBS[c.kind].logAction);
    expect(readableLogRows(temp.db).at(-1)).toMatchObject({
      action: c.logAction,
      ...c.logged,
      previous_state: logState(REPLY_TEXT, c.before),
      new_state: logState(REPLY_TEXT, { version: 2, ...c.after }),
    });
  });

  it('refuses an unknown or missing kind as INVALID_INPUT, writing nothing', () => {
    for (const kind of ['explode', undefined, 'toString']) {
      expectRefusedWritingNothing(
        temp.db,
        () => moderateComment(temp.db, moderator(), { kind, commentId: scene.reply, version: 1, reason: 'spam' }, { now: AT }),
        expect.objectContaining({ ok: false, code: 'INVALID_INPUT' }),
      );
    }
  });

  it('validates the fields with the kind’s own schema', () => {
    expectRefusedWritingNothing(
      temp.db,
      () => moderateComment(temp.db, moderator(), { kind: 'flag', commentId: scene.reply, version: 1 }, { now: AT }),
      invalid('reason', 'Choose a reason.'),
    );
  });

  it('tells an anonymous visitor to sign in before reading the request', () => {
    expectRefusedWritingNothing(temp.db, () => moderateComment(temp.db, anonymousActor(), { kind: 'explode' }), refusal('UNAUTHENTICATED', 'Sign in to moderate.'));
  });
});
