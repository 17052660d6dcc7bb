// Bulk moderation (flag, hide or dismiss several replies at once): one log row per changed reply in
// one transaction, replies already in the wanted state skipped and listed, and a stale, missing or
// unfit reply, bad input, a caller who may not moderate or a failed log insert leaving everything
// as it was.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/shared/auth/actor';
import { verifyLogChain } from '@/lib/ops/log-verify/verify-log-chain';
import { bulkModerate, type BulkModerationInput } from '@/lib/moderation/bulk-moderate';
import { hideComment } from '@/lib/moderation/hide-comment';
import { readCommentModerations } from '@/lib/queries/comment-moderation';
import { anonymousActor, logRows, userActor } from '@/tests/support/accounts';
import {
  banBySql,
  breakLogging,
  commentRow,
  commentTables,
  insertArticle,
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
  insertModerationScene,
  insertReport,
  logState,
  readableLogRows,
  REPLY_TEXT,
  setRoleBySql,
  type ModerationScene,
} from '@/tests/support/moderation';
import { createTempDb, type TempDb } from '@/tests/support/temp-db';

const AT = NOW + 5 * MINUTE;
const AFTER = 'after you loaded this reply. Its current state is shown now; check it before acting again.';

let temp: TempDb;
let scene: ModerationScene;
/** Three imported comments, then Rita's reply (with two open reports): all at version 1. */
let replies: number[];

beforeEach(() => {
  temp = createTempDb();
  scene = insertModerationScene(temp.db, 3);
  replies = [...scene.article.commentIds, scene.reply];
});
afterEach(() => {
  vi.useRealTimers();
  temp.cleanup();
});

const moderator = (requestId = 'req-bulk') => userActor(temp.db, scene.ids.moderator, requestId);
const atVersion1 = (ids: readonly number[]) => ids.map((commentId) => ({ commentId, version: 1 }));

function bulk(input: Record<string, unknown>, actor: Actor = moderator(), at = AT) {
  return bulkModerate(temp.db, actor, input as BulkModerationInput, { now: at });
}

const refusal = (code: string, message: string) => ({ ok: false, code, message });
const invalid = (field: string, message: string) => ({ ok: false, code: 'INVALID_INPUT', message, fieldErrors: { [field]: [message] } });
const text = (id: number) => commentRow(temp.db, id)!.body;

describe('a bulk action that applies', () => {
  it('hides every selected reply with one log row each, in order, in one request, closing the reply\'s reports', () => {
    const before = commentTables(temp.db);
    const result = bulk({ action: 'hide', items: atVersion1(replies), reason: 'spam', explanation: 'Link farm', note: 'Same IP' });

    const fresh = readCommentModerations(temp.db, replies);
    expect(result).toEqual({ ok: true, moderated: replies.map((id) => fresh.get(id)), unchanged: [] });
    for (const id of replies) {
      expect(commentRow(temp.db, id)).toEqual({
        ...before.comments.find((row) => row.id === id),
        ...UNMODERATED,
        status: 'hidden',
        version: 2,
        updated_at: iso(AT),
        hidden_reason: 'spam',
        hidden_explanation: 'Link farm',
        hidden_note: 'Same IP',
        hidden_by_id: scene.ids.moderator,
        hidden_at: iso(AT),
      });
    }
    expect(reportRows(temp.db).map((report) => [report.id, report.resolution, report.resolved_by_id])).toEqual([
      [scene.resolvedReport, 'dismissed', scene.ids.moderator],
      [scene.openReports[0], 'hidden', scene.ids.moderator],
      [scene.openReports[1], 'hidden', scene.ids.moderator],
    ]);

    const rows = readableLogRows(temp.db);
    expect(rows).toEqual(
      replies.map((id, index) => ({
        id: index + 1,
        created_at: expect.any(String),
        actor_id: scene.ids.moderator,
        actor_name: 'moderator@example.com',
        actor_role: 'moderator',
        action: 'comment_hidden',
        target_type: 'comment',
        target_id: id,
        article_id: scene.article.articleId,
        reason_code: 'spam',
        public_note: 'Link farm',
        internal_note: 'Same IP',
        previous_state: logState(text(id), { open_reports: id === scene.reply ? 2 : 0 }),
        new_state: logState(text(id), { version: 2, status: 'hidden', hidden_reason: 'spam' }),
        request_id: 'req-bulk',
      })),
    );
    expect(verifyLogChain(temp.db)).toMatchObject({ ok: true, rows: replies.length });
  });

  it('flags the selected replies, skipping and listing those already flagged', () => {
    const [first, second, third] = scene.article.commentIds as [number, number, number];
    flagBySql(temp.db, second, scene.ids.owner, 'hate', 'Earlier flag');
    const owner = userActor(temp.db, scene.ids.owner, 'req-owner-bulk');
    const result = bulk({ action: 'flag', items: atVersion1([first, second, third]), reason: 'off_topic' }, owner);
    expect(result).toMatchObject({
      ok: true,
      moderated: [
        { commentId: first, version: 2, flag: { reason: 'off_topic', note: null, by: 'owner@example.com', at: iso(AT) } },
        { commentId: third, version: 2, flag: { reason: 'off_topic', note: null, by: 'owner@example.com', at: iso(AT) } },
      ],
      unchanged: [second],
    });
    // The reply already flagged keeps its flag and its version.
    expect(commentRow(temp.db, second)).toMatchObject({ version: 1, flag_reason: 'hate', flag_note: 'Earlier flag', flagged_by_id: scene.ids.owner });
    expect(readableLogRows(temp.db).map((row) => [row.action, row.target_id, row.reason_code, row.actor_role, row.request_id])).toEqual([
      ['comment_flagged', first, 'off_topic', 'owner', 'req-owner-bulk'],
      ['comment_flagged', third, 'off_topic', 'owner', 'req-owner-bulk'],
    ]);
    expect(verifyLogChain(temp.db)).toMatchObject({ ok: true, rows: 2 });
  });

  it('dismisses the open reports of the selected replies, listing those without any as unchanged', () => {
    const [first, second] = scene.article.commentIds as [number, number];
    const otherReport = insertReport(temp.db, first, scene.ids.una, { at: NOW - MINUTE, reason: 'hate' });
    const result = bulk({ action: 'dismiss', items: atVersion1([first, second, scene.reply]), note: 'All fine' });
    expect(result).toMatchObject({
      ok: true,
      moderated: [{ commentId: first, openReports: 0, version: 2 }, { commentId: scene.reply, openReports: 0, version: 2 }],
      unchanged: [second],
    });
    expect(reportRows(temp.db).map((report) => [report.id, report.resolution, report.resolved_at])).toEqual([
      [scene.resolvedReport, 'dismissed', iso(NOW - 24 * 60 * MINUTE)],
      [scene.openReports[0], 'dismissed', iso(AT)],
      [scene.openReports[1], 'dismissed', iso(AT)],
      [otherReport, 'dismissed', iso(AT)],
    ]);
    expect(readableLogRows(temp.db).map((row) => [row.action, row.target_id, row.internal_note, row.previous_state, row.new_state])).toEqual([
      ['reports_dismissed', first, 'All fine', logState(text(first), { open_reports: 1 }), logState(text(first), { version: 2 })],
      ['reports_dismissed', scene.reply, 'All fine', logState(REPLY_TEXT, { open_reports: 2 }), logState(REPLY_TEXT, { version: 2 })],
    ]);
    expect(commentRow(temp.db, second)).toMatchObject({ version: 1 });
  });

  it('takes 100 replies at once', () => {
    const big = insertArticle(temp.db, 'big-article', Array.from({ length: 100 }, () => ({})));
    const result = bulk({ action: 'flag', items: atVersion1(big.commentIds), reason: 'spam' });
    expect(result).toMatchObject({ ok: true, unchanged: [] });
    expect(result.ok && result.moderated.map((m) => m.commentId)).toEqual(big.commentIds);
    expect(logRows(temp.db).map((row) => row.target_id)).toEqual(big.commentIds);
    expect(verifyLogChain(temp.db)).toMatchObject({ ok: true, rows: 100 });
  });
});

describe('a bulk action that is refused, writing nothing', () => {
  it('refuses when every selected reply is already in the wanted state, as NO_CHANGE', () => {
    for (const id of scene.article.commentIds) hideBySql(temp.db, id, scene.ids.owner);
    expectRefusedWritingNothing(
      temp.db,
      () => bulk({ action: 'hide', items: atVersion1(scene.article.commentIds), reason: 'spam' }),
      refusal('NO_CHANGE', 'Every selected reply is already hidden.'),
    );
    for (const id of scene.article.commentIds) flagBySql(temp.db, id, scene.ids.owner);
    expectRefusedWritingNothing(
      temp.db,
      () => bulk({ action: 'flag', items: atVersion1(scene.article.commentIds), reason: 'spam' }),
      refusal('NO_CHANGE', 'Every selected reply is already flagged.'),
    );
    expectRefusedWritingNothing(
      temp.db,
      () => bulk({ action: 'dismiss', items: atVersion1(scene.article.commentIds) }),
      refusal('NO_CHANGE', 'None of the selected replies has open reports.'),
    );
  });

  it('refuses the whole batch when one reply changed since it was loaded, naming that reply and who changed it', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    const owner = userActor(temp.db, scene.ids.owner);
    expect(hideComment(temp.db, owner, { commentId: scene.reply, version: 1, reason: 'hate' }, { now: NOW })).toMatchObject({ ok: true });
    vi.setSystemTime(NOW + 40 * SECOND);
    expectRefusedWritingNothing(
      temp.db,
      () => bulk({ action: 'flag', items: atVersion1(replies), reason: 'spam' }),
      refusal('CONFLICT', `Nothing was changed. Reply #${scene.reply}: Hidden by owner@example.com 40 s ago, ${AFTER}`),
    );
    expect(logRows(temp.db)).toHaveLength(1);
  });

  it('names every reply that cannot take the action; mixed reasons are a CONFLICT', () => {
    const [first, second, third] = scene.article.commentIds as [number, number, number];
    setCommentStatus(temp.db, first, 'unavailable');
    setCommentStatus(temp.db, third, 'deleted');
    expectRefusedWritingNothing(
      temp.db,
      () => bulk({ action: 'hide', items: [...atVersion1([first, second, third]), { commentId: 987_654, version: 1 }], reason: 'spam' }),
      refusal(
        'CONFLICT',
        `Nothing was changed. Reply #${first}: This is a placeholder for a comment missing from the original page; there is nothing to moderate. ` +
          `Reply #${third}: Its author deleted this reply, so readers no longer see it; there is nothing to hide. ` +
          'Reply #987654: That reply does not exist.',
      ),
    );
  });

  it('refuses a batch whose only problem is a missing reply as NOT_FOUND', () => {
    expectRefusedWritingNothing(
      temp.db,
      () => bulk({ action: 'dismiss', items: [...atVersion1([scene.reply]), { commentId: 987_654, version: 1 }] }),
      refusal('NOT_FOUND', 'Nothing was changed. Reply #987654: That reply does not exist.'),
    );
  });

  const REFUSED: { name: string; perform: () => unknown; expected: object }[] = [
    { name: 'an empty selection', perform: () => bulk({ action: 'hide', items: [], reason: 'spam' }), expected: invalid('items', 'Select comments first.') },
    { name: 'no selection', perform: () => bulk({ action: 'dismiss' }), expected: invalid('items', 'Select comments first.') },
    {
      name: 'the same reply twice',
      perform: () => bulk({ action: 'flag', items: [{ commentId: scene.reply, version: 1 }, { commentId: scene.reply, version: 1 }], reason: 'spam' }),
      expected: invalid('items', 'A comment is selected twice.'),
    },
    {
      name: '101 replies',
      perform: () => bulk({ action: 'flag', items: Array.from({ length: 101 }, (_, i) => ({ commentId: i + 1, version: 1 })), reason: 'spam' }),
      expected: invalid('items', 'Select at most 100 comments at once.'),
    },
    {
      name: 'an item without a version',
      perform: () => bulk({ action: 'hide', items: [{ commentId: scene.reply }], reason: 'spam' }),
      expected: invalid('items', 'Reload the page and try again.'),
    },
    { name: 'an unknown action', perform: () => bulk({ action: 'delete', items: atVersion1(replies) }), expected: invalid('action', 'Choose flag, hide or dismiss.') },
    { name: 'a hide without a reason', perform: () => bulk({ action: 'hide', items: atVersion1(replies) }), expected: invalid('reason', 'Choose a reason.') },
    {
      name: 'an explanation of 301 characters',
      perform: () => bulk({ action: 'hide', items: atVersion1(replies), reason: 'spam', explanation: 'e'.repeat(301) }),
      expected: invalid('explanation', 'Use at most 300 characters; this has 301.'),
    },
    { name: 'an anonymous visitor', perform: () => bulk({ action: 'hide', items: atVersion1(replies), reason: 'spam' }, anonymousActor()), expected: refusal('UNAUTHENTICATED', 'Sign in to moderate.') },
    {
      name: 'a reader',
      perform: () => bulk({ action: 'dismiss', items: atVersion1(replies) }, userActor(temp.db, scene.ids.otto)),
      expected: refusal('FORBIDDEN', 'Only moderators and owners can moderate comments.'),
    },
    {
      name: 'a banned reader',
      perform: () => bulk({ action: 'dismiss', items: atVersion1(replies) }, userActor(temp.db, scene.ids.banned)),
      expected: refusal('FORBIDDEN', 'Your account is banned: Spam links'),
    },
    {
      name: 'a banned owner',
      perform: () => bulk({ action: 'flag', items: atVersion1(replies), reason: 'spam' }, userActor(temp.db, scene.ids.bannedOwner)),
      expected: refusal('FORBIDDEN', 'Your account is banned: Compromised'),
    },
  ];

  it.each(REFUSED)('refuses $name', ({ perform, expected }) => {
    expectRefusedWritingNothing(temp.db, perform, expected);
  });

  it.each([
    ['demoted', () => setRoleBySql(temp.db, scene.ids.moderator, 'reader'), 'Only moderators and owners can moderate comments.'],
    ['banned', () => banBySql(temp.db, scene.ids.moderator, 'Abuse'), 'Your account is banned: Abuse'],
  ])('refuses a moderator %s since their viewer was built', (_label, change, message) => {
    const stale = moderator();
    change();
    expectRefusedWritingNothing(temp.db, () => bulk({ action: 'hide', items: atVersion1(replies), reason: 'spam' }, stale), refusal('FORBIDDEN', message));
  });
});

describe('a failure to log rolls the whole batch back', () => {
  /** Lets `allowed` more log rows in, then fails the next insert. */
  const breakLoggingAfter = (allowed: number) =>
    temp.db.$client.exec(`CREATE TRIGGER fail_later BEFORE INSERT ON moderation_log
      WHEN (SELECT count(*) FROM moderation_log) >= ${logRows(temp.db).length + allowed} BEGIN SELECT RAISE(ABORT, 'forced'); END;`);

  it.each([
    ['hide', { reason: 'spam' }],
    ['flag', { reason: 'spam' }],
    ['dismiss', {}],
  ])('%s: the third reply\'s log row fails, and the first two changes are undone too', (action, extra) => {
    for (const id of replies) insertReport(temp.db, id, scene.ids.rita, { at: NOW - MINUTE });
    breakLoggingAfter(2);
    const before = commentTables(temp.db);
    expect(() => bulk({ action, items: atVersion1(replies), ...extra })).toThrow('forced');
    expect(commentTables(temp.db)).toEqual(before);
  });

  it('the first log row fails: nothing changes', () => {
    breakLogging(temp.db);
    const before = commentTables(temp.db);
    expect(() => bulk({ action: 'hide', items: atVersion1(replies), reason: 'spam' })).toThrow('forced');
    expect(commentTables(temp.db)).toEqual(before);
  });
});
