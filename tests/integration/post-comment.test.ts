// Posting a comment: what a top-level comment and a reply write, every text rule (controls,
// invisible text, lone surrogates, line endings, length in code points, COMMENT_MAX_LENGTH), parent
// and article rules, who may post, the per-minute, per-day and duplicate limits with an injected
// clock, and a property test that any accepted text is stored and read back exactly as normalised.
// Every refusal leaves articles, comments, comment_revisions, reports and moderation_log as before.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/shared/auth/actor';
import { deleteComment } from '@/lib/comments/delete-comment';
import { postComment, type PostCommentInput, type PostingOptions } from '@/lib/comments/post-comment';
import { setCommentsOpen } from '@/lib/articles/set-comments-open';
import { readCommentView, readThreadPage } from '@/lib/queries/thread';
import type { CommentView } from '@/lib/shared/thread/types';
import { normalizeCommentText } from '@/lib/shared/validation/comment-text';
import { anonymousActor, insertUser, systemActor, userActor } from '@/tests/support/accounts';
import {
  articleRow,
  banBySql,
  commentRow,
  commentRows,
  commentTables,
  DAY,
  HOUR,
  insertArticle,
  insertCast,
  iso,
  MINUTE,
  NOW,
  SECOND,
  segment,
  setCommentStatus,
  type Cast,
  type CommentRow,
  type TestArticle,
  UNMODERATED,
} from '@/tests/support/comments';
import { expectRefusedWritingNothing } from '@/tests/support/expect-refused';
import { createTempDb, type TempDb } from '@/tests/support/temp-db';

let temp: TempDb;
let ids: Cast;
let article: TestArticle;
let other: TestArticle;

beforeEach(() => {
  temp = createTempDb();
  const db = temp.db;
  ids = insertCast(db);
  article = insertArticle(db, 'first-article');
  other = insertArticle(db, 'second-article');
});
afterEach(() => {
  vi.unstubAllEnvs();
  temp.cleanup();
});

const rita = () => userActor(temp.db, ids.rita, 'req-rita');
const otto = () => userActor(temp.db, ids.otto, 'req-otto');

/** Rita posts `body` on the first article at `now` (NOW unless given). */
function post(body: unknown, now = NOW, extra: Record<string, unknown> = {}, options: PostingOptions = {}) {
  return postComment(temp.db, rita(), { articleId: article.articleId, body, ...extra } as PostCommentInput, { now, ...options });
}

const invalidBody = (message: string) => ({ ok: false, code: 'INVALID_INPUT', message, fieldErrors: { body: [message] } });

/** The comments row of a top-level comment that Rita posted on the first article at NOW. */
const ritasTopLevelRow = (id: number, body: string): CommentRow => ({
  id,
  article_id: article.articleId,
  parent_id: null,
  depth: 0,
  path: segment(id),
  author_id: ids.rita,
  author_name: 'Rita Reader',
  body,
  status: 'visible',
  origin: 'reader',
  version: 1,
  created_at: iso(NOW),
  updated_at: iso(NOW),
  edited_at: null,
  ...UNMODERATED,
});

describe('posting a comment', () => {
  it('writes a top-level comment from the account, at `now`, and answers with the view the author sees', () => {
    const before = commentTables(temp.db);
    const result = post('Hello there');
    const id = Math.max(...before.comments.map((c) => c.id)) + 1;
    const expectedView: CommentView = {
      status: 'visible',
      body: 'Hello there',
      id,
      parentId: null,
      depth: 0,
      authorName: 'Rita Reader',
      imported: false,
      createdAt: iso(NOW),
      version: 1,
      editedAt: null,
      mine: true,
      reportedByMe: false,
      replyCount: 0,
      hiddenReason: null,
      hiddenExplanation: null,
      publicNotes: [],
    };
    expect(result).toEqual({ ok: true, comment: expectedView });
    expect(commentRow(temp.db, id)).toEqual(ritasTopLevelRow(id, 'Hello there'));
    const after = commentTables(temp.db);
    expect(after.comments).toEqual([...before.comments, commentRow(temp.db, id)]);
    expect(after.articles).toEqual(before.articles.map((a) => (a.id === article.articleId ? { ...a, comment_count: a.comment_count + 1 } : a)));
    // Posting is not a moderation action: nothing is logged, no revision, no report.
    expect(after.log).toEqual([]);
    expect(after.revisions).toEqual([]);
    expect(after.reports).toEqual([]);
    // Others read it as Rita's comment, not their own.
    expect(readCommentView(temp.db, article.articleId, ids.otto, id)).toEqual({ ...expectedView, mine: false });
    expect(readCommentView(temp.db, article.articleId, null, id)).toEqual({ ...expectedView, mine: false });
  });

  it('writes a reply one level under its parent, and a reply to the reply under that, counted in the parents', () => {
    const parentId = article.commentIds[0]!;
    const first = postComment(temp.db, rita(), { articleId: article.articleId, parentId, body: 'A reply' }, { now: NOW });
    expect(first).toMatchObject({ ok: true, comment: { parentId, depth: 1, mine: true, replyCount: 0 } });
    const replyId = first.ok ? first.comment.id : 0;
    expect(commentRow(temp.db, replyId)).toMatchObject({
      parent_id: parentId,
      depth: 1,
      path: segment(parentId) + segment(replyId),
      author_id: ids.rita,
      author_name: 'Rita Reader',
      status: 'visible',
      version: 1,
    });

    const second = postComment(temp.db, otto(), { articleId: article.articleId, parentId: replyId, body: 'A reply to the reply' }, { now: NOW });
    expect(second).toMatchObject({ ok: true, comment: { parentId: replyId, depth: 2, authorName: 'Otto Other', mine: true } });
    const deepId = second.ok ? second.comment.id : 0;
    expect(commentRow(temp.db, deepId)).toMatchObject({
      parent_id: replyId,
      depth: 2,
      path: segment(parentId) + segment(replyId) + segment(deepId),
      author_id: ids.otto,
    });

    const page = readThreadPage(temp.db, article.articleId, ids.rita);
    expect(page.comments.map((c) => [c.id, c.depth, c.replyCount, c.mine])).toEqual([
      [parentId, 0, 2, false],
      [replyId, 1, 1, true],
      [deepId, 2, 0, false],
      [article.commentIds[1], 0, 0, false],
    ]);
  });

  it('ignores author, status, depth, times, id and version sent with the input', () => {
    const result = post('Only the text counts', NOW, {
      authorName: 'Mallory',
      authorId: ids.otto,
      status: 'hidden',
      origin: 'import',
      depth: 4,
      path: '000000000999',
      createdAt: '1999-01-01T00:00:00.000Z',
      updatedAt: '1999-01-01T00:00:00.000Z',
      editedAt: '1999-01-01T00:00:00.000Z',
      id: 999,
      version: 7,
    });
    expect(result).toMatchObject({ ok: true, comment: { authorName: 'Rita Reader', depth: 0, version: 1, status: 'visible', editedAt: null } });
    const id = result.ok ? result.comment.id : 0;
    expect(id).not.toBe(999);
    expect(commentRow(temp.db, 999)).toBeUndefined();
    expect(commentRow(temp.db, id)).toEqual(ritasTopLevelRow(id, 'Only the text counts'));
  });

  it('takes the display name the account has now, not the one in a session built before a rename', () => {
    const session = rita();
    temp.db.$client.prepare("UPDATE users SET display_name = 'Rita Renamed' WHERE id = ?").run(ids.rita);
    const result = postComment(temp.db, session, { articleId: article.articleId, body: 'After the rename' }, { now: NOW });
    expect(result).toMatchObject({ ok: true, comment: { authorName: 'Rita Renamed' } });
    expect(commentRow(temp.db, result.ok ? result.comment.id : 0)!.author_name).toBe('Rita Renamed');
    // A later rename does not rewrite what was posted.
    temp.db.$client.prepare("UPDATE users SET display_name = 'Rita Again' WHERE id = ?").run(ids.rita);
    expect(commentRow(temp.db, result.ok ? result.comment.id : 0)!.author_name).toBe('Rita Renamed');
  });

  it('lets moderators and owners post as people too', () => {
    for (const id of [ids.moderator, ids.owner]) {
      const result = postComment(temp.db, userActor(temp.db, id), { articleId: article.articleId, body: `From user ${id}` }, { now: NOW });
      expect(result).toMatchObject({ ok: true, comment: { mine: true } });
      expect(commentRow(temp.db, result.ok ? result.comment.id : 0)!.author_id).toBe(id);
    }
  });
});

describe('the text', () => {
  const NOTHING = 'Write something first.';
  const INVISIBLE = 'The text has no visible characters.';
  const CONTROL = 'The text contains a control character (such as NUL) that cannot be posted.';
  const SURROGATE = 'The text contains a broken character (a lone surrogate). Remove it and try again.';

  const REFUSED: [label: string, body: unknown, message: string][] = [
    ['empty', '', NOTHING],
    ['spaces only', '     ', NOTHING],
    ['whitespace and line breaks only', ' \n\t\r\n \r ', NOTHING],
    ['a byte-order mark only (trimmed as whitespace)', '\uFEFF', NOTHING],
    ['no text at all', undefined, NOTHING],
    ['a number', 42, NOTHING],
    ['null', null, NOTHING],
    ['a zero-width space', '\u200B', INVISIBLE],
    ['a word joiner', '\u2060', INVISIBLE],
    ['a Hangul filler', '\u3164', INVISIBLE],
    ['a blank braille pattern', '\u2800', INVISIBLE],
    ['zero-width joiner and variation selector', '\u200D\uFE0F', INVISIBLE],
    ['invisible characters mixed with spaces and line breaks', ' \u200B \n\u2060\uFEFF\r\n\u3164\t\u2800 \u200B ', INVISIBLE],
    ['a NUL inside text', 'before\u0000after', CONTROL],
    ['a NUL alone', '\u0000', CONTROL],
    ['U+0001', 'a\u0001b', CONTROL],
    ['an escape (U+001B)', 'colour \u001B[31mred', CONTROL],
    ['DEL (U+007F)', 'a\u007F', CONTROL],
    ['next line (U+0085)', 'one\u0085two', CONTROL],
    ['a vertical tab inside text', 'a\u000Bb', CONTROL],
    ['a vertical tab at the start, where trimming must not hide it', '\u000Bhello', CONTROL],
    ['a form feed at the end', 'hello\u000C', CONTROL],
    ['a lone high surrogate', 'broken \uD83D here', SURROGATE],
    ['a lone low surrogate', 'broken \uDE00 here', SURROGATE],
    ['a high surrogate at the very end', 'ends badly\uD83D', SURROGATE],
    ['a pair in the wrong order', 'x\uDE00\uD83Dx', SURROGATE],
  ];

  it.each(REFUSED)('refuses %s with INVALID_INPUT, a message and a body field error, writing nothing', (_label, body, message) => {
    expectRefusedWritingNothing(temp.db, () => post(body), invalidBody(message));
  });

  const KEPT: [label: string, body: string, stored: string][] = [
    ['tabs and line feeds inside', 'a\tb\nc\n\nd', 'a\tb\nc\n\nd'],
    ['CRLF, as browsers send a textarea', 'line one\r\nline two\r\n\r\nline four', 'line one\nline two\n\nline four'],
    ['lone CRs', 'a\rb\r\rc', 'a\nb\n\nc'],
    ['surrounding whitespace', '  \n\t padded text \r\n  ', 'padded text'],
    ['surrounding no-break spaces', '\u00A0padded\u00A0', 'padded'],
    ['an emoji, a flag and a family (surrogate pairs and joiners)', 'ok 😀 🇳🇴 👨‍👩‍👧', 'ok 😀 🇳🇴 👨‍👩‍👧'],
    ['a zero-width space between visible words', 'zero\u200Bwidth', 'zero\u200Bwidth'],
    ['a combining accent', 'cafe\u0301', 'cafe\u0301'],
    ['right-to-left text with a bidi override', 'مرحبا \u202Eevil', 'مرحبا \u202Eevil'],
    ['markup, shown literally later', '<script>alert(1)</script>', '<script>alert(1)</script>'],
  ];

  it.each(KEPT)('accepts %s and stores it normalised', (_label, body, stored) => {
    const result = post(body);
    expect(result).toMatchObject({ ok: true, comment: { body: stored } });
    const id = result.ok ? result.comment.id : 0;
    expect(commentRow(temp.db, id)!.body).toBe(stored);
    expect(Buffer.from(commentRow(temp.db, id)!.body, 'utf8')).toEqual(Buffer.from(stored, 'utf8'));
  });

  it('counts the length in code points: exactly the limit is accepted, one more is refused', () => {
    const opts = { maxLength: 10 };
    expectRefusedWritingNothing(temp.db, () => post('a'.repeat(11), NOW, {}, opts), invalidBody('Use at most 10 characters; this has 11.'));
    expectRefusedWritingNothing(temp.db, () => post('😀'.repeat(11), NOW, {}, opts), invalidBody('Use at most 10 characters; this has 11.'));
    expect(post('a'.repeat(10), NOW, {}, opts)).toMatchObject({ ok: true });
    // Ten emoji are twenty UTF-16 units, but ten characters.
    expect(post('😀'.repeat(10), NOW, {}, opts)).toMatchObject({ ok: true, comment: { body: '😀'.repeat(10) } });
    // Surrounding whitespace is trimmed before counting.
    expect(post(`  ${'b'.repeat(10)}\r\n`, NOW, {}, opts)).toMatchObject({ ok: true, comment: { body: 'b'.repeat(10) } });
    // A CRLF becomes one character.
    expect(post('c\r\nc\r\nc\r\nc\r\nc', NOW, {}, { maxLength: 9 })).toMatchObject({ ok: true, comment: { body: 'c\nc\nc\nc\nc' } });
  });

  it('defaults to 10,000 characters', () => {
    expectRefusedWritingNothing(temp.db, () => post('x'.repeat(10_001)), invalidBody('Use at most 10,000 characters; this has 10,001.'));
    expect(post('x'.repeat(10_000))).toMatchObject({ ok: true });
  });

  it('takes the limit from COMMENT_MAX_LENGTH, and the maxLength option over it', () => {
    vi.stubEnv('COMMENT_MAX_LENGTH', '12');
    expectRefusedWritingNothing(temp.db, () => post('y'.repeat(13)), invalidBody('Use at most 12 characters; this has 13.'));
    expect(post('y'.repeat(12))).toMatchObject({ ok: true });
    expect(post('z'.repeat(13), NOW, {}, { maxLength: 20 })).toMatchObject({ ok: true });
  });

  it('refuses to run with a COMMENT_MAX_LENGTH that makes no sense, writing nothing', () => {
    vi.stubEnv('COMMENT_MAX_LENGTH', '0');
    const before = commentTables(temp.db);
    expect(() => post('fine text')).toThrow('COMMENT_MAX_LENGTH must be a whole number from 1 to 100000, not "0".');
    expect(commentTables(temp.db)).toEqual(before);
  });
});

describe('where a comment goes', () => {
  it('refuses a parent from another article as not found', () => {
    expectRefusedWritingNothing(
      temp.db,
      () => post('Wrong thread', NOW, { parentId: other.commentIds[0] }),
      { ok: false, code: 'NOT_FOUND', message: 'The comment you are answering does not exist under this article.' },
    );
  });

  it('refuses an unknown parent as not found', () => {
    expectRefusedWritingNothing(
      temp.db,
      () => post('Nobody there', NOW, { parentId: 987_654 }),
      { ok: false, code: 'NOT_FOUND', message: 'The comment you are answering does not exist under this article.' },
    );
  });

  it.each([
    ['hidden', 'That comment was hidden by moderators, so it cannot be answered.'],
    ['deleted', 'That comment was deleted by its author, so it cannot be answered.'],
    ['unavailable', 'That comment is no longer available, so it cannot be answered.'],
  ] as const)('refuses a reply to a comment that is %s as a conflict', (status, message) => {
    setCommentStatus(temp.db, article.commentIds[0]!, status);
    expectRefusedWritingNothing(temp.db, () => post('Answering', NOW, { parentId: article.commentIds[0] }), { ok: false, code: 'CONFLICT', message });
  });

  it.each([
    ['zero', 0],
    ['negative', -3],
    ['fractional', 1.5],
    ['a string', '1'],
  ])('refuses a parent id that is %s as invalid input', (_label, parentId) => {
    expectRefusedWritingNothing(temp.db, () => post('Answering', NOW, { parentId }), {
      ok: false,
      code: 'INVALID_INPUT',
      message: 'Unknown comment.',
      fieldErrors: { parentId: ['Unknown comment.'] },
    });
  });

  it('refuses an unknown article as not found, and a malformed article id as invalid input', () => {
    expectRefusedWritingNothing(
      temp.db,
      () => postComment(temp.db, rita(), { articleId: 424_242, body: 'Hello' }, { now: NOW }),
      { ok: false, code: 'NOT_FOUND', message: 'That article does not exist.' },
    );
    expectRefusedWritingNothing(
      temp.db,
      () => postComment(temp.db, rita(), { articleId: '1', body: 'Hello' } as unknown as PostCommentInput, { now: NOW }),
      { ok: false, code: 'INVALID_INPUT', message: 'Unknown article.', fieldErrors: { articleId: ['Unknown article.'] } },
    );
  });

  const CLOSED = { ok: false, code: 'COMMENTS_CLOSED', message: 'Comments are closed on this article.' };

  it('refuses comments and replies on an article an owner closed, and takes them again once reopened', () => {
    const owner = userActor(temp.db, ids.owner);
    expect(setCommentsOpen(temp.db, owner, { articleId: article.articleId, open: false })).toEqual({ ok: true, commentsOpen: false });
    expectRefusedWritingNothing(temp.db, () => post('Too late'), CLOSED);
    expectRefusedWritingNothing(temp.db, () => post('Too late', NOW, { parentId: article.commentIds[0] }), CLOSED);
    // The other article is still open.
    expect(postComment(temp.db, rita(), { articleId: other.articleId, body: 'Elsewhere' }, { now: NOW })).toMatchObject({ ok: true });
    expect(setCommentsOpen(temp.db, owner, { articleId: article.articleId, open: true })).toEqual({ ok: true, commentsOpen: true });
    expect(post('Open again', NOW + MINUTE)).toMatchObject({ ok: true });
  });

  it('refuses comments on an article closed directly in the database', () => {
    temp.db.$client.prepare('UPDATE articles SET comments_open = 0 WHERE id = ?').run(article.articleId);
    expectRefusedWritingNothing(temp.db, () => post('Too late'), CLOSED);
  });
});

describe('who may post', () => {
  const REFUSED: { name: string; actor: () => Actor; expected: object }[] = [
    { name: 'an anonymous visitor', actor: () => anonymousActor(), expected: { ok: false, code: 'UNAUTHENTICATED', message: 'Sign in to post a comment.' } },
    {
      name: 'a banned reader',
      actor: () => userActor(temp.db, ids.banned),
      expected: { ok: false, code: 'FORBIDDEN', message: 'Your account is banned: Spam links' },
    },
    {
      name: 'a reader banned after their session was built',
      actor: () => {
        const session = rita();
        banBySql(temp.db, ids.rita, 'Abuse');
        return session;
      },
      expected: { ok: false, code: 'FORBIDDEN', message: 'Your account is banned: Abuse' },
    },
    {
      name: 'a banned reader whose session claims otherwise',
      actor: () => ({ ...userActor(temp.db, ids.banned), banned: false, banReason: null }),
      expected: { ok: false, code: 'FORBIDDEN', message: 'Your account is banned: Spam links' },
    },
    {
      name: 'a reader whose account was deleted after their session was built',
      actor: () => {
        const gone = insertUser(temp.db, { email: 'gone@example.com', displayName: 'Gone Soon' });
        const session = userActor(temp.db, gone);
        temp.db.$client.prepare('DELETE FROM users WHERE id = ?').run(gone);
        return session;
      },
      expected: { ok: false, code: 'UNAUTHENTICATED', message: 'Your account no longer exists. Sign in again.' },
    },
    {
      name: 'the system (command line)',
      actor: () => systemActor(),
      expected: { ok: false, code: 'FORBIDDEN', message: 'Comments are posted by people with an account.' },
    },
  ];

  it.each(REFUSED)('refuses $name and writes nothing', ({ actor, expected }) => {
    const caller = actor();
    expectRefusedWritingNothing(temp.db, () => postComment(temp.db, caller, { articleId: article.articleId, body: 'Let me in' }, { now: NOW }), expected);
    expectRefusedWritingNothing(
      temp.db,
      () => postComment(temp.db, caller, { articleId: article.articleId, parentId: article.commentIds[0], body: 'Let me in' }, { now: NOW }),
      expected,
    );
  });
});

describe('posting limits', () => {
  const perMinute = (wait: string) => ({
    ok: false,
    code: 'RATE_LIMITED',
    message: `You can post 5 comments a minute. You can post again ${wait}.`,
  });

  it('allows 5 comments in a minute, refuses the 6th saying when, and allows it once the first leaves the window', () => {
    for (let i = 0; i < 5; i += 1) expect(post(`Comment number ${i}`, NOW + i * SECOND)).toMatchObject({ ok: true });
    expectRefusedWritingNothing(temp.db, () => post('The sixth', NOW + 5 * SECOND), perMinute('in 55 seconds'));
    expectRefusedWritingNothing(temp.db, () => post('The sixth', NOW + 59 * SECOND + 999), perMinute('in 1 second'));
    // Refusals are not counted: at NOW + 60 s the first comment has left the window, one slot is free.
    expect(post('The sixth', NOW + MINUTE)).toMatchObject({ ok: true, comment: { createdAt: iso(NOW + MINUTE) } });
    expectRefusedWritingNothing(temp.db, () => post('The seventh', NOW + MINUTE), perMinute('in 1 second'));
    expect(commentRows(temp.db).filter((c) => c.author_id === ids.rita)).toHaveLength(6);
  });

  it('names a wait in minutes once the refused attempt comes early in the window', () => {
    for (let i = 0; i < 5; i += 1) expect(post(`Burst ${i}`)).toMatchObject({ ok: true });
    expectRefusedWritingNothing(temp.db, () => post('Too soon'), perMinute('in 1 minute'));
  });

  it('counts every article together, and counts per user: another reader is unaffected', () => {
    for (let i = 0; i < 3; i += 1) expect(post(`Here ${i}`)).toMatchObject({ ok: true });
    for (let i = 0; i < 2; i += 1) {
      expect(postComment(temp.db, rita(), { articleId: other.articleId, body: `There ${i}` }, { now: NOW })).toMatchObject({ ok: true });
    }
    expectRefusedWritingNothing(
      temp.db,
      () => postComment(temp.db, rita(), { articleId: other.articleId, body: 'One more' }, { now: NOW }),
      perMinute('in 1 minute'),
    );
    expect(postComment(temp.db, otto(), { articleId: article.articleId, body: 'Otto is fine' }, { now: NOW })).toMatchObject({ ok: true });
  });

  it('does not give a slot back when a comment is deleted', () => {
    const first = post('Soon gone');
    for (let i = 1; i < 5; i += 1) expect(post(`Staying ${i}`)).toMatchObject({ ok: true });
    expect(deleteComment(temp.db, rita(), { commentId: first.ok ? first.comment.id : 0 }, { now: NOW })).toMatchObject({ ok: true });
    expectRefusedWritingNothing(temp.db, () => post('Another'), perMinute('in 1 minute'));
  });

  it('allows 100 comments a day, refuses the 101st saying when, and allows it once the first is a day old', () => {
    // 14 minutes apart: never more than 5 in a minute, and all 100 inside 24 hours.
    for (let i = 0; i < 100; i += 1) expect(post(`Daily comment ${i}`, NOW + i * 14 * MINUTE)).toMatchObject({ ok: true });
    const last = NOW + 99 * 14 * MINUTE; // 23 h 6 min after the first
    expect(last).toBe(NOW + 23 * HOUR + 6 * MINUTE);
    expectRefusedWritingNothing(temp.db, () => post('Number 101', last + 14 * MINUTE), {
      ok: false,
      code: 'RATE_LIMITED',
      message: 'You can post 100 comments a day. You can post again in 40 minutes.',
    });
    expectRefusedWritingNothing(temp.db, () => post('Number 101', NOW + 23 * HOUR + 30 * MINUTE - SECOND), {
      ok: false,
      code: 'RATE_LIMITED',
      message: 'You can post 100 comments a day. You can post again in 31 minutes.',
    });
    expectRefusedWritingNothing(temp.db, () => post('Number 101', NOW + DAY - 1), {
      ok: false,
      code: 'RATE_LIMITED',
      message: 'You can post 100 comments a day. You can post again in 1 second.',
    });
    expect(postComment(temp.db, otto(), { articleId: article.articleId, body: 'Otto has his own 100' }, { now: last })).toMatchObject({ ok: true });
    expect(post('Number 101', NOW + DAY)).toMatchObject({ ok: true });
    expect(commentRows(temp.db).filter((c) => c.author_id === ids.rita)).toHaveLength(101);
  });

  /** 95 comments 14 minutes apart from NOW, then a burst of 5 at NOW + 23 h: both limits are reached. */
  function fillBothLimits(lastBody = 'Burst 4') {
    for (let i = 0; i < 95; i += 1) expect(post(`Spread ${i}`, NOW + i * 14 * MINUTE)).toMatchObject({ ok: true });
    const burst = NOW + 23 * HOUR;
    for (let i = 0; i < 5; i += 1) expect(post(i === 4 ? lastBody : `Burst ${i}`, burst)).toMatchObject({ ok: true });
    return burst;
  }

  it('names the longer wait when the minute and the day are both full, so that the promised time is true', () => {
    const burst = fillBothLimits();
    const dayFull = {
      ok: false,
      code: 'RATE_LIMITED',
      message: 'You can post 100 comments a day. You can post again in 1 hour.',
    };
    expectRefusedWritingNothing(temp.db, () => post('One more', burst + 10 * SECOND), dayFull);
    // A minute later the burst has left the minute window, and the day is still full.
    expectRefusedWritingNothing(temp.db, () => post('One more', burst + MINUTE), {
      ok: false,
      code: 'RATE_LIMITED',
      message: 'You can post 100 comments a day. You can post again in 59 minutes.',
    });
    expect(post('One more', NOW + DAY)).toMatchObject({ ok: true });
  });

  it('names the daily limit rather than the duplicate when the day is full for longer than the duplicate window', () => {
    const burst = fillBothLimits('Said once');
    expectRefusedWritingNothing(temp.db, () => post('Said once', burst + 2 * MINUTE), {
      ok: false,
      code: 'RATE_LIMITED',
      message: 'You can post 100 comments a day. You can post again in 58 minutes.',
    });
  });

  const duplicate = (wait: string) => ({
    ok: false,
    code: 'DUPLICATE',
    message: `You posted the same text a moment ago. You can post it again ${wait}.`,
  });

  it('refuses the same text within 5 minutes, also when it differs only by line endings or surrounding spaces', () => {
    expect(post('Same words\nagain')).toMatchObject({ ok: true });
    expectRefusedWritingNothing(temp.db, () => post('Same words\nagain', NOW + 2 * MINUTE), duplicate('in 3 minutes'));
    expectRefusedWritingNothing(temp.db, () => post('  Same words\r\nagain \r\n', NOW + 2 * MINUTE), duplicate('in 3 minutes'));
    expectRefusedWritingNothing(temp.db, () => post('Same words\ragain', NOW + 4 * MINUTE + 30 * SECOND), duplicate('in 30 seconds'));
    // On another article, or as a reply, it is still the same text.
    expectRefusedWritingNothing(
      temp.db,
      () => postComment(temp.db, rita(), { articleId: other.articleId, body: 'Same words\nagain' }, { now: NOW + MINUTE }),
      duplicate('in 4 minutes'),
    );
    expectRefusedWritingNothing(temp.db, () => post('Same words\nagain', NOW + MINUTE, { parentId: article.commentIds[0] }), duplicate('in 4 minutes'));
    // Different text, another reader's same text: fine.
    expect(post('same words\nagain', NOW + MINUTE)).toMatchObject({ ok: true });
    expect(postComment(temp.db, otto(), { articleId: article.articleId, body: 'Same words\nagain' }, { now: NOW + MINUTE })).toMatchObject({ ok: true });
  });

  it('allows the same text again once 5 minutes have passed', () => {
    expect(post('Said twice')).toMatchObject({ ok: true });
    expectRefusedWritingNothing(temp.db, () => post('Said twice', NOW + 5 * MINUTE - 1), duplicate('in 1 second'));
    expect(post('Said twice', NOW + 5 * MINUTE)).toMatchObject({ ok: true, comment: { body: 'Said twice' } });
    expect(commentRows(temp.db).filter((c) => c.body === 'Said twice')).toHaveLength(2);
  });

  it('allows the same text again at once after the first was deleted', () => {
    const first = post('Try again');
    expect(deleteComment(temp.db, rita(), { commentId: first.ok ? first.comment.id : 0 }, { now: NOW + MINUTE })).toMatchObject({ ok: true });
    expect(post('Try again', NOW + MINUTE)).toMatchObject({ ok: true, comment: { body: 'Try again' } });
  });
});

describe('any text (property)', () => {
  // Characters that matter to the rules, drawn often enough to meet each other.
  const TRICKY = [
    'a', 'Z', ' ', '\t', '\n', '\r', '\r\n', '\u00A0', '\u2028', '\u000B', '\u000C', '\u0000', '\u0001', '\u001B', '\u007F', '\u0085',
    '\u200B', '\u200D', '\uFEFF', '\u2060', '\u3164', '\u2800', '\uFE0F', '\u202E', '\uD83D', '\uDE00', '😀', 'é', 'e\u0301', '中',
  ];
  const texts = fc.oneof(
    fc.string({ unit: 'binary' }),
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: fc.constantFrom(...TRICKY), maxLength: 12 }),
    // Any UTF-16 code unit, so lone surrogates appear too.
    fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)) }),
  );

  const VISIBLE = /[^\p{White_Space}\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]/u;
  const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
  const wellFormed = (text: string) => Buffer.from(text, 'utf8').toString('utf8') === text;

  it('either refuses a text as invalid input, writing nothing, or stores exactly its normalised form', () => {
    const expected = new Map<number, string>();
    let step = 0;
    let refused = 0;
    fc.assert(
      fc.property(texts, (input) => {
        // 15 minutes apart: past the duplicate window, and under 100 in any day.
        const now = NOW + step * 15 * MINUTE;
        step += 1;
        const before = commentRows(temp.db).length;
        const result = postComment(temp.db, rita(), { articleId: article.articleId, body: input }, { now });
        const normal = normalizeCommentText(input);
        if (!result.ok) {
          refused += 1;
          expect(result.code).toBe('INVALID_INPUT');
          expect(result.fieldErrors).toEqual({ body: [result.message] });
          expect(commentRows(temp.db)).toHaveLength(before);
          // Refused for a reason the rules name.
          expect(normal === '' || !wellFormed(normal) || CONTROL.test(normal) || !VISIBLE.test(normal)).toBe(true);
          return;
        }
        const stored = temp.db.$client.prepare('SELECT body FROM comments WHERE id = ?').pluck().get(result.comment.id) as string;
        expect(stored).toBe(normal);
        expect(Buffer.from(stored, 'utf8')).toEqual(Buffer.from(normal, 'utf8'));
        expect(readCommentView(temp.db, article.articleId, ids.rita, result.comment.id)!.body).toBe(normal);
        expect(result.comment.body).toBe(normal);
        if (normal === input) expect(Buffer.from(stored, 'utf8')).toEqual(Buffer.from(input, 'utf8'));
        // What may be stored at all.
        expect(wellFormed(stored) && !CONTROL.test(stored) && VISIBLE.test(stored) && !stored.includes('\r')).toBe(true);
        expect(stored.trim()).toBe(stored);
        expected.set(result.comment.id, normal);
      }),
      { numRuns: 400, seed: 20260105 },
    );
    // Both outcomes happened often enough for the property to mean something.
    expect(refused).toBeGreaterThan(40);
    expect(expected.size).toBeGreaterThan(40);

    // Read back the whole thread page by page, as a reader would.
    const read = new Map<number, string | null>();
    let after: string | undefined;
    do {
      const page = readThreadPage(temp.db, article.articleId, null, { after, limit: 200 });
      for (const comment of page.comments) read.set(comment.id, comment.body);
      after = page.nextCursor ?? undefined;
    } while (after !== undefined);
    for (const [id, body] of expected) expect(read.get(id)).toBe(body);
  });

  it('keeps a text already in normal form byte for byte', () => {
    let step = 0;
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 1 }).filter((text) => normalizeCommentText(text) === text && VISIBLE.test(text)),
        (input) => {
          const now = NOW + step * 15 * MINUTE;
          step += 1;
          const result = postComment(temp.db, rita(), { articleId: article.articleId, body: input }, { now });
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          const stored = temp.db.$client.prepare('SELECT body FROM comments WHERE id = ?').pluck().get(result.comment.id) as string;
          expect(Buffer.from(stored, 'utf8')).toEqual(Buffer.from(input, 'utf8'));
        },
      ),
      { numRuns: 200, seed: 7 },
    );
  });
});

describe('the article row', () => {
  it('counts a new comment in comment_count and nothing else changes about the article', () => {
    const before = articleRow(temp.db, article.articleId)!;
    expect(post('Counted')).toMatchObject({ ok: true });
    expect(articleRow(temp.db, article.articleId)).toEqual({ ...before, comment_count: before.comment_count + 1 });
  });
});
