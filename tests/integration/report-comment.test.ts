// A reader reports someone else's visible comment: the row it writes (note normalised, no log
// row), what reporter and others then see, one open report per reader per comment (also in the
// database's own index), 20 reports a day, and every refusal leaving every table as before.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/shared/auth/actor';
import { setCommentsOpen } from '@/lib/articles/set-comments-open';
import { postComment } from '@/lib/comments/post-comment';
import { readCommentView, readThreadPage } from '@/lib/queries/thread';
import { reportComment, type ReportCommentInput } from '@/lib/reports/report-comment';
import { anonymousActor, systemActor, userActor } from '@/tests/support/accounts';
import {
  banBySql,
  commentTables,
  DAY,
  HOUR,
  insertArticle,
  insertCast,
  iso,
  MINUTE,
  NOW,
  reportRows,
  setCommentStatus,
  type Cast,
  type TestArticle,
} from '@/tests/support/comments';
import { expectRefusedWritingNothing } from '@/tests/support/expect-refused';
import { createTempDb, type TempDb } from '@/tests/support/temp-db';

let temp: TempDb;
let ids: Cast;
let article: TestArticle;
/** Rita's visible comment. */
let ritas: number;

beforeEach(() => {
  temp = createTempDb();
  const db = temp.db;
  ids = insertCast(db);
  article = insertArticle(db, 'the-article', Array.from({ length: 25 }, () => ({})));
  const posted = postComment(db, userActor(db, ids.rita), { articleId: article.articleId, body: 'Rita says something' }, { now: NOW - HOUR });
  if (!posted.ok) throw new Error(posted.message);
  ritas = posted.comment.id;
});
afterEach(() => temp.cleanup());

const otto = () => userActor(temp.db, ids.otto, 'req-otto');

const report = (input: Record<string, unknown>, now = NOW, actor: Actor = otto()) =>
  reportComment(temp.db, actor, { commentId: ritas, reason: 'spam', ...input } as ReportCommentInput, { now });

const resolveBySql = (reportId: number, at = NOW + HOUR) =>
  temp.db.$client.prepare("UPDATE reports SET resolved_at = ?, resolution = 'dismissed' WHERE id = ?").run(iso(at), reportId);

describe('reporting a comment', () => {
  it('writes one open report with the reason, the normalised note and `now`, and nothing else', () => {
    const before = commentTables(temp.db);
    expect(report({ reason: 'harassment', note: '  Looks like\r\nan insult \r\n' })).toEqual({ ok: true, reportId: 1 });
    expect(reportRows(temp.db)).toEqual([
      {
        id: 1,
        comment_id: ritas,
        reporter_id: ids.otto,
        reason: 'harassment',
        note: 'Looks like\nan insult',
        created_at: iso(NOW),
        resolved_at: null,
        resolved_by_id: null,
        resolution: null,
      },
    ]);
    // A report is not a moderation action: no log row, and the comment is untouched.
    const after = commentTables(temp.db);
    expect({ ...after, reports: [] }).toEqual({ ...before, reports: [] });
  });

  it.each([
    ['no note', {}],
    ['a null note', { note: null }],
    ['an empty note', { note: '' }],
    ['a blank note', { note: ' \r\n\t ' }],
  ])('stores %s as null', (_label, input) => {
    expect(report(input)).toEqual({ ok: true, reportId: 1 });
    expect(reportRows(temp.db)[0]!.note).toBeNull();
  });

  it('accepts every reason', () => {
    const reasons = ['spam', 'harassment', 'hate', 'misinformation', 'off_topic', 'other'];
    reasons.forEach((reason, index) => {
      expect(report({ commentId: article.commentIds[index], reason })).toMatchObject({ ok: true });
    });
    expect(reportRows(temp.db).map((row) => row.reason)).toEqual(reasons);
  });

  it('accepts a note of exactly 500 characters, counting an emoji as one', () => {
    expect(report({ note: '😀'.repeat(500) })).toMatchObject({ ok: true });
    expect(reportRows(temp.db)[0]!.note).toBe('😀'.repeat(500));
  });

  it('shows reportedByMe to the reporter only, while the report is open', () => {
    expect(report({})).toEqual({ ok: true, reportId: 1 });
    const seenBy = (viewer: number | null) => readThreadPage(temp.db, article.articleId, viewer).comments.find((c) => c.id === ritas)!;
    expect(seenBy(ids.otto)).toMatchObject({ reportedByMe: true, body: 'Rita says something', status: 'visible' });
    expect(seenBy(ids.rita)).toMatchObject({ reportedByMe: false, mine: true });
    expect(seenBy(ids.una).reportedByMe).toBe(false);
    expect(seenBy(null).reportedByMe).toBe(false);
    expect(readCommentView(temp.db, article.articleId, ids.otto, ritas)!.reportedByMe).toBe(true);
    // Only that comment is marked.
    expect(readThreadPage(temp.db, article.articleId, ids.otto).comments.filter((c) => c.reportedByMe).map((c) => c.id)).toEqual([ritas]);
    resolveBySql(1);
    expect(seenBy(ids.otto).reportedByMe).toBe(false);
  });

  it('refuses a second open report by the same reader, and accepts one once the first is resolved', () => {
    expect(report({})).toEqual({ ok: true, reportId: 1 });
    expectRefusedWritingNothing(temp.db, () => report({ reason: 'hate', note: 'Again' }, NOW + MINUTE), {
      ok: false,
      code: 'ALREADY_REPORTED',
      message: 'You already reported this comment. Moderators will look at it.',
    });
    // Another reader may report it too.
    expect(report({}, NOW + MINUTE, userActor(temp.db, ids.una))).toEqual({ ok: true, reportId: 2 });
    resolveBySql(1);
    expect(report({ reason: 'hate' }, NOW + 2 * HOUR)).toEqual({ ok: true, reportId: 3 });
    expect(reportRows(temp.db).map((row) => [row.id, row.reporter_id, row.reason, row.resolution])).toEqual([
      [1, ids.otto, 'spam', 'dismissed'],
      [2, ids.una, 'spam', null],
      [3, ids.otto, 'hate', null],
    ]);
    expect(readCommentView(temp.db, article.articleId, ids.otto, ritas)!.reportedByMe).toBe(true);
  });

  it('accepts a report of an imported comment, which has no account behind it', () => {
    expect(report({ commentId: article.commentIds[0] })).toEqual({ ok: true, reportId: 1 });
  });

  it('still accepts reports once the article is closed to new comments', () => {
    expect(setCommentsOpen(temp.db, userActor(temp.db, ids.owner), { articleId: article.articleId, open: false })).toMatchObject({ ok: true });
    expect(report({})).toEqual({ ok: true, reportId: 1 });
  });
});

describe('reports that are refused, writing nothing', () => {
  const GONE = { ok: false, code: 'CONFLICT', message: 'That comment is no longer shown, so there is nothing to report.' };
  const invalid = (field: string, message: string) => ({ ok: false, code: 'INVALID_INPUT', message, fieldErrors: { [field]: [message] } });

  const REFUSED: { name: string; setup?: () => void; perform: () => unknown; expected: object }[] = [
    {
      name: 'one’s own comment',
      perform: () => report({}, NOW, userActor(temp.db, ids.rita)),
      expected: { ok: false, code: 'FORBIDDEN', message: 'You cannot report your own comment.' },
    },
    { name: 'a hidden comment', setup: () => setCommentStatus(temp.db, ritas, 'hidden'), perform: () => report({}), expected: GONE },
    { name: 'a deleted comment', setup: () => setCommentStatus(temp.db, ritas, 'deleted'), perform: () => report({}), expected: GONE },
    { name: 'an unavailable comment', setup: () => setCommentStatus(temp.db, ritas, 'unavailable'), perform: () => report({}), expected: GONE },
    {
      name: 'an unknown comment',
      perform: () => report({ commentId: 987_654 }),
      expected: { ok: false, code: 'NOT_FOUND', message: 'That comment does not exist.' },
    },
    { name: 'a comment id that is not a number', perform: () => report({ commentId: String(ritas) }), expected: invalid('commentId', 'Unknown comment.') },
    { name: 'an unknown reason', perform: () => report({ reason: 'rude' }), expected: invalid('reason', 'Choose a reason.') },
    { name: 'no reason', perform: () => report({ reason: undefined }), expected: invalid('reason', 'Choose a reason.') },
    { name: 'a note of 501 characters', perform: () => report({ note: 'n'.repeat(501) }), expected: invalid('note', 'Use at most 500 characters; this has 501.') },
    { name: 'a note of 501 emoji', perform: () => report({ note: '😀'.repeat(501) }), expected: invalid('note', 'Use at most 500 characters; this has 501.') },
    {
      name: 'a note with NUL',
      perform: () => report({ note: 'bad\u0000note' }),
      expected: invalid('note', 'The text contains a control character (such as NUL) that cannot be posted.'),
    },
    {
      name: 'a note with a lone surrogate',
      perform: () => report({ note: 'bad \uD800 note' }),
      expected: invalid('note', 'The text contains a broken character (a lone surrogate). Remove it and try again.'),
    },
    { name: 'a note that is not text', perform: () => report({ note: 42 }), expected: invalid('note', 'The note must be text.') },
    {
      name: 'an anonymous visitor',
      perform: () => report({}, NOW, anonymousActor()),
      expected: { ok: false, code: 'UNAUTHENTICATED', message: 'Sign in to report a comment.' },
    },
    {
      name: 'a banned reader',
      perform: () => report({}, NOW, userActor(temp.db, ids.banned)),
      expected: { ok: false, code: 'FORBIDDEN', message: 'Your account is banned: Spam links' },
    },
    {
      name: 'a reader banned since their session was built',
      perform: () => {
        const session = otto();
        banBySql(temp.db, ids.otto, 'Abuse');
        return report({}, NOW, session);
      },
      expected: { ok: false, code: 'FORBIDDEN', message: 'Your account is banned: Abuse' },
    },
    {
      name: 'the system',
      perform: () => report({}, NOW, systemActor()),
      expected: { ok: false, code: 'FORBIDDEN', message: 'Reports come from people with an account.' },
    },
  ];

  it.each(REFUSED)('refuses $name', ({ setup, perform, expected }) => {
    setup?.();
    expectRefusedWritingNothing(temp.db, perform, expected);
  });
});

describe('the reporting limit', () => {
  it('allows 20 reports a day, refuses the 21st saying when, and allows it once the first is a day old', () => {
    for (let i = 0; i < 20; i += 1) {
      expect(report({ commentId: article.commentIds[i] }, NOW + i * MINUTE)).toEqual({ ok: true, reportId: i + 1 });
    }
    expectRefusedWritingNothing(temp.db, () => report({ commentId: article.commentIds[20] }, NOW + 30 * MINUTE), {
      ok: false,
      code: 'RATE_LIMITED',
      message: 'You can send 20 reports a day. You can report again in 23 hours 30 minutes.',
    });
    expectRefusedWritingNothing(temp.db, () => report({ commentId: article.commentIds[20] }, NOW + DAY - 1), {
      ok: false,
      code: 'RATE_LIMITED',
      message: 'You can send 20 reports a day. You can report again in 1 second.',
    });
    // Another reader has their own 20.
    expect(report({ commentId: article.commentIds[20] }, NOW + HOUR, userActor(temp.db, ids.una))).toMatchObject({ ok: true });
    expect(report({ commentId: article.commentIds[20] }, NOW + DAY)).toMatchObject({ ok: true });
    expect(reportRows(temp.db).filter((row) => row.reporter_id === ids.otto)).toHaveLength(21);
  });

  it('counts resolved reports too', () => {
    for (let i = 0; i < 20; i += 1) expect(report({ commentId: article.commentIds[i] }, NOW)).toMatchObject({ ok: true });
    temp.db.$client.prepare("UPDATE reports SET resolved_at = ?, resolution = 'dismissed'").run(iso(NOW + MINUTE));
    expectRefusedWritingNothing(temp.db, () => report({ commentId: article.commentIds[0] }, NOW + 2 * MINUTE), {
      ok: false,
      code: 'RATE_LIMITED',
      message: 'You can send 20 reports a day. You can report again in 23 hours 58 minutes.',
    });
  });
});

describe('the database itself', () => {
  const insert = (reporterId: number, resolved: boolean) =>
    temp.db.$client
      .prepare(`INSERT INTO reports (comment_id, reporter_id, reason, created_at, resolved_at, resolution) VALUES (?, ?, 'spam', ?, ?, ?)`)
      .run(ritas, reporterId, iso(NOW), resolved ? iso(NOW) : null, resolved ? 'dismissed' : null);

  it('refuses a second open report by the same reader even when inserted directly', () => {
    insert(ids.otto, false);
    expect(() => insert(ids.otto, false)).toThrow(/UNIQUE constraint failed/);
    // Resolved reports do not count against the index, and another reader is another key.
    insert(ids.otto, true);
    insert(ids.otto, true);
    insert(ids.una, false);
    expect(reportRows(temp.db).map((row) => [row.reporter_id, row.resolution])).toEqual([
      [ids.otto, null],
      [ids.otto, 'dismissed'],
      [ids.otto, 'dismissed'],
      [ids.una, null],
    ]);
  });

  it('refuses a report that says resolved without a resolution, or an unknown reason', () => {
    expect(() =>
      temp.db.$client
        .prepare("INSERT INTO reports (comment_id, reporter_id, reason, created_at, resolved_at) VALUES (?, ?, 'spam', ?, ?)")
        .run(ritas, ids.otto, iso(NOW), iso(NOW)),
    ).toThrow(/CHECK constraint failed/);
    expect(() =>
      temp.db.$client.prepare("INSERT INTO reports (comment_id, reporter_id, reason, created_at) VALUES (?, ?, 'rude', ?)").run(ritas, ids.otto, iso(NOW)),
    ).toThrow(/CHECK constraint failed/);
    expect(reportRows(temp.db)).toEqual([]);
  });
});
