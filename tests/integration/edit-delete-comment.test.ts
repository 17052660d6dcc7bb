// An author edits (within 15 minutes) and deletes their own comment: the rows, revisions and
// moderation_log rows each writes, what readers then see, every refusal (with every table as
// before), and that a failure to log rolls the change back.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommentStatus } from '@/db/schema';
import type { Actor } from '@/lib/shared/auth/actor';
import { setCommentsOpen } from '@/lib/articles/set-comments-open';
import { deleteComment, type DeleteCommentInput } from '@/lib/comments/delete-comment';
import { editComment, type EditCommentInput } from '@/lib/comments/edit-comment';
import { postComment } from '@/lib/comments/post-comment';
import { verifyLogChain } from '@/lib/ops/log-verify/verify-log-chain';
import { readCommentView, readThreadPage } from '@/lib/queries/thread';
import { anonymousActor, logRows, stateOf, systemActor, userActor, type LogRow } from '@/tests/support/accounts';
import {
  banBySql,
  breakLogging,
  commentRow,
  commentTables,
  HOUR,
  insertArticle,
  insertCast,
  iso,
  MINUTE,
  NOW,
  revisionRows,
  setCommentStatus,
  sha256,
  type Cast,
  type TestArticle,
} from '@/tests/support/comments';
import { expectRefusedWritingNothing } from '@/tests/support/expect-refused';
import { createTempDb, type TempDb } from '@/tests/support/temp-db';

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const FIRST = 'First text';

let temp: TempDb;
let ids: Cast;
let article: TestArticle;
/** Rita's comment, posted at NOW with FIRST as its text. */
let mine: number;

beforeEach(() => {
  temp = createTempDb();
  const db = temp.db;
  ids = insertCast(db);
  article = insertArticle(db, 'the-article');
  const posted = postComment(db, rita(), { articleId: article.articleId, body: FIRST }, { now: NOW });
  if (!posted.ok) throw new Error(posted.message);
  mine = posted.comment.id;
});
afterEach(() => temp.cleanup());

const rita = (requestId = 'req-rita') => userActor(temp.db, ids.rita, requestId);
const otto = () => userActor(temp.db, ids.otto, 'req-otto');

const edit = (body: unknown, now: number, version = 1, actor: Actor = rita(), commentId = mine) =>
  editComment(temp.db, actor, { commentId, version, body } as EditCommentInput, { now });
const remove = (now: number, actor: Actor = rita(), commentId: unknown = mine) =>
  deleteComment(temp.db, actor, { commentId } as DeleteCommentInput, { now });

type Refusal = { name: string; setup?: () => void; perform: () => unknown; expected: object };

/** `perform` refused as a conflict saying `message` once Rita's comment has `status`. */
const refusedWithStatus = (name: string, status: CommentStatus, perform: () => unknown, message: string): Refusal => ({
  name,
  setup: () => setCommentStatus(temp.db, mine, status),
  perform,
  expected: { ok: false, code: 'CONFLICT', message },
});

const logState = (status: string, version: number, body: string) => ({
  status, version, body_sha256: sha256(body), flag_reason: null, hidden_reason: null, open_reports: 0, annotations: 0,
});

/** The one log row an action added after `before`, and the chain still whole. */
function expectOneLogRow(before: LogRow[], expected: Partial<LogRow> & { previous: unknown; next: unknown }): LogRow {
  const rows = logRows(temp.db);
  expect(rows.slice(0, before.length)).toEqual(before);
  expect(rows).toHaveLength(before.length + 1);
  const row = rows.at(-1)!;
  const { previous, next, ...columns } = expected;
  expect(row).toEqual({
    id: before.length + 1,
    created_at: expect.stringMatching(ISO_MS),
    actor_id: ids.rita,
    actor_name: 'rita@example.com',
    actor_role: 'reader',
    target_type: 'comment',
    target_id: mine,
    article_id: article.articleId,
    reason_code: null,
    public_note: null,
    internal_note: null,
    previous_state: expect.any(String),
    new_state: expect.any(String),
    request_id: 'req-rita',
    prev_hash: before.at(-1)?.hash ?? '0'.repeat(64),
    hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    ...columns,
  });
  expect(stateOf(row.previous_state)).toEqual(previous);
  expect(stateOf(row.new_state)).toEqual(next);
  expect(verifyLogChain(temp.db)).toEqual({ ok: true, rows: rows.length, head: row.hash });
  return row;
}

describe('editing within 15 minutes', () => {
  it('replaces the text, bumps the version, sets edited_at, keeps the old text as a revision and logs comment_edited', () => {
    const before = commentTables(temp.db);
    const original = commentRow(temp.db, mine)!;
    const at = NOW + 5 * MINUTE;
    const result = edit('Second text', at);
    expect(result).toEqual({
      ok: true,
      comment: {
        status: 'visible',
        body: 'Second text',
        id: mine,
        parentId: null,
        depth: 0,
        authorName: 'Rita Reader',
        imported: false,
        createdAt: iso(NOW),
        version: 2,
        editedAt: iso(at),
        mine: true,
        reportedByMe: false,
        replyCount: 0,
        hiddenReason: null,
        hiddenExplanation: null,
        publicNotes: [],
      },
    });
    expect(commentRow(temp.db, mine)).toEqual({ ...original, body: 'Second text', version: 2, edited_at: iso(at), updated_at: iso(at) });
    expect(revisionRows(temp.db)).toEqual([
      { id: 1, comment_id: mine, version: 1, body: FIRST, written_at: iso(NOW), replaced_at: iso(at) },
    ]);
    const row = expectOneLogRow(before.log, {
      action: 'comment_edited',
      previous: logState('visible', 1, FIRST),
      next: logState('visible', 2, 'Second text'),
    });
    // The log keeps a hash of each text, never the text.
    expect(JSON.stringify(row)).not.toContain(FIRST);
    expect(JSON.stringify(row)).not.toContain('Second text');
    // Nothing else changed.
    const after = commentTables(temp.db);
    expect(after.articles).toEqual(before.articles);
    expect(after.reports).toEqual(before.reports);
    expect(after.comments.filter((c) => c.id !== mine)).toEqual(before.comments.filter((c) => c.id !== mine));
    // Every reader now reads the new text.
    expect(readCommentView(temp.db, article.articleId, null, mine)).toMatchObject({ body: 'Second text', version: 2, editedAt: iso(at), mine: false });
  });

  it('keeps every earlier text: a second edit adds a revision written at the first edit', () => {
    const first = NOW + 5 * MINUTE;
    const second = NOW + 10 * MINUTE;
    expect(edit('Second text', first)).toMatchObject({ ok: true, comment: { version: 2 } });
    const middle = commentTables(temp.db);
    expect(edit('Third text', second, 2, rita('req-second'))).toMatchObject({ ok: true, comment: { body: 'Third text', version: 3, editedAt: iso(second) } });
    expect(commentRow(temp.db, mine)).toMatchObject({ body: 'Third text', version: 3, edited_at: iso(second), created_at: iso(NOW) });
    expect(revisionRows(temp.db)).toEqual([
      { id: 1, comment_id: mine, version: 1, body: FIRST, written_at: iso(NOW), replaced_at: iso(first) },
      { id: 2, comment_id: mine, version: 2, body: 'Second text', written_at: iso(first), replaced_at: iso(second) },
    ]);
    expectOneLogRow(middle.log, {
      action: 'comment_edited',
      request_id: 'req-second',
      previous: logState('visible', 2, 'Second text'),
      next: logState('visible', 3, 'Third text'),
    });
    expect(logRows(temp.db).map((row) => row.action)).toEqual(['comment_edited', 'comment_edited']);
  });

  it('normalises the new text as posting does', () => {
    expect(edit('  New\r\nlines\r\n ', NOW + MINUTE)).toMatchObject({ ok: true, comment: { body: 'New\nlines' } });
    expect(commentRow(temp.db, mine)!.body).toBe('New\nlines');
  });

  it('allows an edit at exactly 15 minutes', () => {
    expect(edit('Just in time', NOW + 15 * MINUTE)).toMatchObject({ ok: true, comment: { version: 2 } });
  });

  it('allows 10 edits of one comment and refuses the 11th, writing nothing', () => {
    for (let n = 1; n <= 10; n++) {
      expect(edit(`Edit number ${n}`, NOW + n * 1000, n)).toMatchObject({ ok: true, comment: { version: n + 1 } });
    }
    expectRefusedWritingNothing(temp.db, () => edit('Edit number 11', NOW + 11_000, 11), {
      ok: false,
      code: 'RATE_LIMITED',
      message: 'A comment can be edited at most 10 times, and this one has been.',
    });
  });

  it('still allows an edit once the article is closed to new comments', () => {
    expect(setCommentsOpen(temp.db, userActor(temp.db, ids.owner), { articleId: article.articleId, open: false })).toMatchObject({ ok: true });
    expect(edit('Edited after closing', NOW + MINUTE)).toMatchObject({ ok: true, comment: { body: 'Edited after closing' } });
  });
});

describe('edits that are refused, writing nothing', () => {
  const INVALID_BODY = { ok: false, code: 'INVALID_INPUT', message: 'Write something first.', fieldErrors: { body: ['Write something first.'] } };
  const NOT_YOURS = { ok: false, code: 'FORBIDDEN', message: 'You can only change your own comments.' };

  const REFUSED: Refusal[] = [
    {
      name: 'after 15 minutes',
      perform: () => edit('Too late', NOW + 15 * MINUTE + 1),
      expected: { ok: false, code: 'EDIT_WINDOW_PASSED', message: 'Comments can be edited for 15 minutes after posting, and that time has passed.' },
    },
    {
      name: 'a version the comment no longer has',
      perform: () => edit('From a stale tab', NOW + MINUTE, 2),
      expected: {
        ok: false,
        code: 'CONFLICT',
        message: 'This comment changed since you opened it (perhaps in another tab). Reload to see its current text.',
      },
    },
    {
      name: 'the same text',
      perform: () => edit(FIRST, NOW + MINUTE),
      expected: { ok: false, code: 'NO_CHANGE', message: 'The text is the same as before.' },
    },
    {
      name: 'the same text once normalised',
      perform: () => edit(`  ${FIRST}\r\n`, NOW + MINUTE),
      expected: { ok: false, code: 'NO_CHANGE', message: 'The text is the same as before.' },
    },
    { name: 'someone else’s comment', perform: () => edit('Mine now', NOW + MINUTE, 1, otto()), expected: NOT_YOURS },
    { name: 'a moderator editing someone else’s comment', perform: () => edit('Moderated', NOW + MINUTE, 1, userActor(temp.db, ids.moderator)), expected: NOT_YOURS },
    { name: 'an owner editing someone else’s comment', perform: () => edit('Owned', NOW + MINUTE, 1, userActor(temp.db, ids.owner)), expected: NOT_YOURS },
    { name: 'an imported comment, which has no account', perform: () => edit('Claimed', NOW + MINUTE, 1, rita(), article.commentIds[0]), expected: NOT_YOURS },
    {
      name: 'the system',
      perform: () => edit('By the machine', NOW + MINUTE, 1, systemActor()),
      expected: { ok: false, code: 'FORBIDDEN', message: 'Only a comment\'s author can change it.' },
    },
    {
      name: 'an unknown comment',
      perform: () => edit('Nowhere', NOW + MINUTE, 1, rita(), 987_654),
      expected: { ok: false, code: 'NOT_FOUND', message: 'That comment does not exist.' },
    },
    refusedWithStatus('a deleted comment', 'deleted', () => edit('Revived', NOW + MINUTE), 'You deleted this comment, so it cannot be edited.'),
    refusedWithStatus('a hidden comment', 'hidden', () => edit('Unhidden', NOW + MINUTE), 'Moderators hid this comment, so it cannot be edited.'),
    refusedWithStatus(
      'an unavailable comment',
      'unavailable',
      () => edit('Back again', NOW + MINUTE),
      'This comment is no longer available, so it cannot be edited.',
    ),
    {
      name: 'an anonymous visitor',
      perform: () => edit('Anyone', NOW + MINUTE, 1, anonymousActor()),
      expected: { ok: false, code: 'UNAUTHENTICATED', message: 'Sign in to edit your comment.' },
    },
    {
      name: 'the author, banned since their session was built',
      perform: () => {
        const session = rita();
        banBySql(temp.db, ids.rita, 'Abuse');
        return edit('Still me', NOW + MINUTE, 1, session);
      },
      expected: { ok: false, code: 'FORBIDDEN', message: 'Your account is banned: Abuse' },
    },
    { name: 'an empty text', perform: () => edit(' \r\n ', NOW + MINUTE), expected: INVALID_BODY },
    {
      name: 'a text with NUL',
      perform: () => edit('bad\u0000text', NOW + MINUTE),
      expected: {
        ok: false,
        code: 'INVALID_INPUT',
        message: 'The text contains a control character (such as NUL) that cannot be posted.',
        fieldErrors: { body: ['The text contains a control character (such as NUL) that cannot be posted.'] },
      },
    },
    {
      name: 'a text over the limit',
      perform: () => editComment(temp.db, rita(), { commentId: mine, version: 1, body: 'x'.repeat(11) }, { now: NOW + MINUTE, maxLength: 10 }),
      expected: {
        ok: false,
        code: 'INVALID_INPUT',
        message: 'Use at most 10 characters; this has 11.',
        fieldErrors: { body: ['Use at most 10 characters; this has 11.'] },
      },
    },
    {
      name: 'a missing version',
      perform: () => editComment(temp.db, rita(), { commentId: mine, body: 'No version' } as EditCommentInput, { now: NOW + MINUTE }),
      expected: { ok: false, code: 'INVALID_INPUT', message: 'Reload the page and try again.', fieldErrors: { version: ['Reload the page and try again.'] } },
    },
  ];

  it.each(REFUSED)('refuses $name', ({ setup, perform, expected }) => {
    setup?.();
    expectRefusedWritingNothing(temp.db, perform, expected);
    expect(commentRow(temp.db, mine)!.body).toBe(FIRST);
  });

  it('refuses an edit with the version from before another edit', () => {
    expect(edit('Second text', NOW + MINUTE)).toMatchObject({ ok: true });
    expectRefusedWritingNothing(temp.db, () => edit('From the old tab', NOW + 2 * MINUTE, 1), {
      ok: false,
      code: 'CONFLICT',
      message: 'This comment changed since you opened it (perhaps in another tab). Reload to see its current text.',
    });
    expect(commentRow(temp.db, mine)).toMatchObject({ body: 'Second text', version: 2 });
  });

  it('rolls the edit back, revision included, when logging fails', () => {
    breakLogging(temp.db);
    const before = commentTables(temp.db);
    expect(() => edit('Second text', NOW + MINUTE)).toThrow('forced');
    expect(commentTables(temp.db)).toEqual(before);
    expect(before.revisions).toEqual([]);
  });
});

describe('deleting', () => {
  it('turns the comment into a tombstone: status deleted, version bumped, text kept for moderators, comment_deleted logged', () => {
    const before = commentTables(temp.db);
    const original = commentRow(temp.db, mine)!;
    // Deleting has no time limit.
    const at = NOW + 3 * HOUR;
    const result = remove(at);
    expect(result).toEqual({
      ok: true,
      comment: {
        status: 'deleted',
        body: null,
        id: mine,
        parentId: null,
        depth: 0,
        authorName: null,
        imported: false,
        createdAt: iso(NOW),
        version: 2,
        editedAt: null,
        mine: true,
        reportedByMe: false,
        replyCount: 0,
        hiddenReason: null,
        hiddenExplanation: null,
        publicNotes: [],
      },
    });
    expect(commentRow(temp.db, mine)).toEqual({ ...original, status: 'deleted', version: 2, updated_at: iso(at) });
    expect(commentRow(temp.db, mine)!.body).toBe(FIRST);
    expectOneLogRow(before.log, {
      action: 'comment_deleted',
      previous: logState('visible', 1, FIRST),
      next: logState('deleted', 2, FIRST),
    });
    const after = commentTables(temp.db);
    expect(after.revisions).toEqual([]);
    expect(after.reports).toEqual(before.reports);
  });

  it('shows the tombstone without its text or its author’s name to everyone, the author included, and keeps its replies', () => {
    const reply = postComment(temp.db, otto(), { articleId: article.articleId, parentId: mine, body: 'Otto answers' }, { now: NOW + MINUTE });
    if (!reply.ok) throw new Error(reply.message);
    const deeper = postComment(temp.db, rita(), { articleId: article.articleId, parentId: reply.comment.id, body: 'Rita answers back' }, { now: NOW + 2 * MINUTE });
    if (!deeper.ok) throw new Error(deeper.message);
    expect(remove(NOW + HOUR)).toMatchObject({ ok: true });

    for (const viewer of [ids.rita, ids.otto, ids.moderator, null]) {
      const page = readThreadPage(temp.db, article.articleId, viewer);
      expect(JSON.stringify(page)).not.toContain(FIRST);
      const tombstone = page.comments.find((c) => c.id === mine);
      expect(tombstone).toMatchObject({ status: 'deleted', body: null, authorName: null, mine: viewer === ids.rita, replyCount: 2 });
      expect(page.comments.filter((c) => c.parentId === mine || c.id === deeper.comment.id).map((c) => [c.id, c.status, c.body])).toEqual([
        [reply.comment.id, 'visible', 'Otto answers'],
        [deeper.comment.id, 'visible', 'Rita answers back'],
      ]);
      expect(readCommentView(temp.db, article.articleId, viewer, mine)).toMatchObject({ status: 'deleted', body: null });
    }
  });

  it('refuses to delete twice as NO_CHANGE, with no second log row', () => {
    expect(remove(NOW + MINUTE)).toMatchObject({ ok: true });
    expect(logRows(temp.db)).toHaveLength(1);
    expectRefusedWritingNothing(temp.db, () => remove(NOW + 2 * MINUTE), { ok: false, code: 'NO_CHANGE', message: 'You already deleted this comment.' });
    expect(logRows(temp.db)).toHaveLength(1);
  });

  it('still allows deleting once the article is closed to new comments', () => {
    expect(setCommentsOpen(temp.db, userActor(temp.db, ids.owner), { articleId: article.articleId, open: false })).toMatchObject({ ok: true });
    expect(remove(NOW + MINUTE)).toMatchObject({ ok: true, comment: { status: 'deleted' } });
  });

  it('deletes an edited comment, logging the hash of the text it had last', () => {
    expect(edit('Second text', NOW + MINUTE)).toMatchObject({ ok: true });
    const before = commentTables(temp.db);
    expect(remove(NOW + HOUR)).toMatchObject({ ok: true, comment: { status: 'deleted', version: 3 } });
    expectOneLogRow(before.log, {
      action: 'comment_deleted',
      previous: logState('visible', 2, 'Second text'),
      next: logState('deleted', 3, 'Second text'),
    });
  });

  const NOT_YOURS = { ok: false, code: 'FORBIDDEN', message: 'You can only change your own comments.' };

  const REFUSED: Refusal[] = [
    { name: 'someone else’s comment', perform: () => remove(NOW + MINUTE, otto()), expected: NOT_YOURS },
    { name: 'a moderator deleting someone else’s comment', perform: () => remove(NOW + MINUTE, userActor(temp.db, ids.moderator)), expected: NOT_YOURS },
    { name: 'an owner deleting someone else’s comment', perform: () => remove(NOW + MINUTE, userActor(temp.db, ids.owner)), expected: NOT_YOURS },
    { name: 'an imported comment', perform: () => remove(NOW + MINUTE, rita(), article.commentIds[1]), expected: NOT_YOURS },
    refusedWithStatus('a hidden comment', 'hidden', () => remove(NOW + MINUTE), 'Moderators hid this comment, so it cannot be deleted.'),
    refusedWithStatus('an unavailable comment', 'unavailable', () => remove(NOW + MINUTE), 'This comment is no longer available, so it cannot be deleted.'),
    {
      name: 'an unknown comment',
      perform: () => remove(NOW + MINUTE, rita(), 987_654),
      expected: { ok: false, code: 'NOT_FOUND', message: 'That comment does not exist.' },
    },
    {
      name: 'a comment id that is not a number',
      perform: () => remove(NOW + MINUTE, rita(), String(mine)),
      expected: { ok: false, code: 'INVALID_INPUT', message: 'Unknown comment.', fieldErrors: { commentId: ['Unknown comment.'] } },
    },
    {
      name: 'an anonymous visitor',
      perform: () => remove(NOW + MINUTE, anonymousActor()),
      expected: { ok: false, code: 'UNAUTHENTICATED', message: 'Sign in to delete your comment.' },
    },
    {
      name: 'the author, banned since their session was built',
      perform: () => {
        const session = rita();
        banBySql(temp.db, ids.rita, 'Abuse');
        return remove(NOW + MINUTE, session);
      },
      expected: { ok: false, code: 'FORBIDDEN', message: 'Your account is banned: Abuse' },
    },
    {
      name: 'the system',
      perform: () => remove(NOW + MINUTE, systemActor()),
      expected: { ok: false, code: 'FORBIDDEN', message: 'Only a comment\'s author can change it.' },
    },
  ];

  it.each(REFUSED)('refuses $name, writing nothing', ({ setup, perform, expected }) => {
    setup?.();
    expectRefusedWritingNothing(temp.db, perform, expected);
  });

  it('rolls the delete back when logging fails, and works once logging works again', () => {
    breakLogging(temp.db);
    const before = commentTables(temp.db);
    expect(() => remove(NOW + MINUTE)).toThrow('forced');
    expect(commentTables(temp.db)).toEqual(before);
    expect(commentRow(temp.db, mine)).toMatchObject({ status: 'visible', version: 1 });
    temp.db.$client.exec('DROP TRIGGER fail_log');
    expect(remove(NOW + MINUTE)).toMatchObject({ ok: true, comment: { status: 'deleted', version: 2 } });
    expect(logRows(temp.db).map((row) => row.id)).toEqual([1]);
    expect(verifyLogChain(temp.db)).toMatchObject({ ok: true, rows: 1 });
  });
});
