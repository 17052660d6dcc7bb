// Owners close and reopen an article to new comments: the articles row and the comments_closed /
// comments_opened log rows, NO_CHANGE, who is refused (with every table as before), and what
// readThreadHead reports about an article's thread.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/shared/auth/actor';
import { setCommentsOpen, type SetCommentsOpenInput } from '@/lib/articles/set-comments-open';
import { postComment } from '@/lib/comments/post-comment';
import { verifyLogChain } from '@/lib/ops/log-verify/verify-log-chain';
import { readThreadHead } from '@/lib/queries/thread';
import { anonymousActor, logRows, systemActor, userActor } from '@/tests/support/accounts';
import {
  articleRow,
  articleRows,
  commentTables,
  insertArticle,
  insertCast,
  MINUTE,
  NOW,
  setCommentStatus,
  type Cast,
  type TestArticle,
} from '@/tests/support/comments';
import { expectRefusedWritingNothing } from '@/tests/support/expect-refused';
import { createTempDb, type TempDb } from '@/tests/support/temp-db';

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

let temp: TempDb;
let ids: Cast;
let article: TestArticle;
let other: TestArticle;

beforeEach(() => {
  temp = createTempDb();
  const db = temp.db;
  ids = insertCast(db);
  article = insertArticle(db, 'first-article', [{}, {}, { status: 'unavailable' }]);
  other = insertArticle(db, 'second-article', [{}]);
});
afterEach(() => temp.cleanup());

const owner = (requestId = 'req-owner') => userActor(temp.db, ids.owner, requestId);
const setOpen = (actor: Actor, open: unknown, articleId: unknown = article.articleId) =>
  setCommentsOpen(temp.db, actor, { articleId, open } as SetCommentsOpenInput);

describe('an owner', () => {
  it('closes an article: comments_open 0, nothing else changed, one comments_closed row', () => {
    const before = commentTables(temp.db);
    expect(setOpen(owner(), false)).toEqual({ ok: true, commentsOpen: false });
    expect(articleRows(temp.db)).toEqual(before.articles.map((a) => (a.id === article.articleId ? { ...a, comments_open: 0 } : a)));
    const log = logRows(temp.db);
    expect(log).toEqual([
      {
        id: 1,
        created_at: expect.stringMatching(ISO_MS),
        actor_id: ids.owner,
        actor_name: 'owner@example.com',
        actor_role: 'owner',
        action: 'comments_closed',
        target_type: 'article',
        target_id: article.articleId,
        article_id: article.articleId,
        reason_code: null,
        public_note: null,
        internal_note: null,
        previous_state: '{"comments_open":true}',
        new_state: '{"comments_open":false}',
        request_id: 'req-owner',
        prev_hash: '0'.repeat(64),
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    ]);
    const after = commentTables(temp.db);
    expect({ ...after, articles: [], log: [] }).toEqual({ ...before, articles: [], log: [] });
    expect(readThreadHead(temp.db, article.articleId)!.commentsOpen).toBe(false);
    expect(readThreadHead(temp.db, other.articleId)!.commentsOpen).toBe(true);
  });

  it('reopens it: comments_open 1 and a comments_opened row chained after the first', () => {
    expect(setOpen(owner('req-close'), false)).toEqual({ ok: true, commentsOpen: false });
    expect(setOpen(owner('req-open'), true)).toEqual({ ok: true, commentsOpen: true });
    expect(articleRow(temp.db, article.articleId)!.comments_open).toBe(1);
    const log = logRows(temp.db);
    expect(log.map((row) => [row.action, row.target_type, row.target_id, row.article_id, row.previous_state, row.new_state, row.request_id])).toEqual([
      ['comments_closed', 'article', article.articleId, article.articleId, '{"comments_open":true}', '{"comments_open":false}', 'req-close'],
      ['comments_opened', 'article', article.articleId, article.articleId, '{"comments_open":false}', '{"comments_open":true}', 'req-open'],
    ]);
    expect(log[1]!.prev_hash).toBe(log[0]!.hash);
    expect(verifyLogChain(temp.db)).toEqual({ ok: true, rows: 2, head: log[1]!.hash });
    expect(readThreadHead(temp.db, article.articleId)!.commentsOpen).toBe(true);
  });

  it('gets NO_CHANGE, unlogged, for the state the article already has', () => {
    expectRefusedWritingNothing(temp.db, () => setOpen(owner(), true), { ok: false, code: 'NO_CHANGE', message: 'Comments are already open.' });
    expect(setOpen(owner(), false)).toMatchObject({ ok: true });
    expectRefusedWritingNothing(temp.db, () => setOpen(owner(), false), { ok: false, code: 'NO_CHANGE', message: 'Comments are already closed.' });
    expect(logRows(temp.db)).toHaveLength(1);
  });

  it('closes only the article named', () => {
    expect(setOpen(owner(), false)).toMatchObject({ ok: true });
    const rita = userActor(temp.db, ids.rita);
    expect(postComment(temp.db, rita, { articleId: article.articleId, body: 'Closed here' }, { now: NOW })).toMatchObject({
      ok: false,
      code: 'COMMENTS_CLOSED',
    });
    expect(postComment(temp.db, rita, { articleId: other.articleId, body: 'Open there' }, { now: NOW })).toMatchObject({ ok: true });
  });
});

describe('the command line', () => {
  it('may close an article, logged as the system', () => {
    expect(setOpen(systemActor('req-cli'), false)).toEqual({ ok: true, commentsOpen: false });
    expect(logRows(temp.db)).toMatchObject([
      { actor_id: null, actor_name: 'command line', actor_role: 'system', action: 'comments_closed', target_type: 'article', request_id: 'req-cli' },
    ]);
  });
});

describe('refused, writing nothing', () => {
  const OWNERS_ONLY = { ok: false, code: 'FORBIDDEN', message: 'Only owners can open or close comments.' };

  const REFUSED: { name: string; actor: () => Actor; expected: object }[] = [
    { name: 'a reader', actor: () => userActor(temp.db, ids.rita), expected: OWNERS_ONLY },
    { name: 'a moderator', actor: () => userActor(temp.db, ids.moderator), expected: OWNERS_ONLY },
    { name: 'a reader whose stale session says owner', actor: () => ({ ...userActor(temp.db, ids.rita), role: 'owner' }), expected: OWNERS_ONLY },
    {
      name: 'a banned owner',
      actor: () => userActor(temp.db, ids.bannedOwner),
      expected: { ok: false, code: 'FORBIDDEN', message: 'Your account is banned: Compromised' },
    },
    {
      name: 'a banned owner whose session says not banned',
      actor: () => ({ ...userActor(temp.db, ids.bannedOwner), banned: false, banReason: null }),
      expected: { ok: false, code: 'FORBIDDEN', message: 'Your account is banned: Compromised' },
    },
    { name: 'an anonymous visitor', actor: () => anonymousActor(), expected: { ok: false, code: 'UNAUTHENTICATED', message: 'Sign in first.' } },
    {
      name: 'a deleted account',
      actor: () => ({ ...owner(), id: 9999 }),
      expected: { ok: false, code: 'UNAUTHENTICATED', message: 'Your account no longer exists. Sign in again.' },
    },
  ];

  for (const open of [false, true]) {
    it.each(REFUSED)(`refuses $name ${open ? 'reopening' : 'closing'} an article`, ({ actor, expected }) => {
      if (open) temp.db.$client.prepare('UPDATE articles SET comments_open = 0 WHERE id = ?').run(article.articleId);
      expectRefusedWritingNothing(temp.db, () => setOpen(actor(), open), expected);
    });
  }

  it('refuses an unknown article as not found', () => {
    expectRefusedWritingNothing(temp.db, () => setOpen(owner(), false, 424_242), { ok: false, code: 'NOT_FOUND', message: 'That article does not exist.' });
  });

  it.each([
    ['an open flag that is not a boolean', { open: 'no' }, 'open', 'Say whether comments are open.'],
    ['a missing open flag', { open: undefined }, 'open', 'Say whether comments are open.'],
    ['an article id that is not a number', { articleId: String(1) }, 'articleId', 'Unknown article.'],
  ])('refuses %s as invalid input', (_label, input, field, message) => {
    const raw = { articleId: article.articleId, open: false, ...input };
    expectRefusedWritingNothing(temp.db, () => setOpen(owner(), raw.open, raw.articleId), {
      ok: false,
      code: 'INVALID_INPUT',
      message,
      fieldErrors: { [field]: [message] },
    });
  });
});

describe('readThreadHead', () => {
  it('reports whether comments are open, how many a reader can find and the newest comment id of that article only', () => {
    const [firstId, secondId, placeholderId] = article.commentIds as [number, number, number];
    expect(readThreadHead(temp.db, article.articleId)).toEqual({ commentsOpen: true, commentCount: 2, latestCommentId: placeholderId });
    expect(readThreadHead(temp.db, other.articleId)).toEqual({ commentsOpen: true, commentCount: 1, latestCommentId: other.commentIds[0] });
    expect(firstId).toBeLessThan(secondId);

    // A new comment on the first article raises its latest id, not the other's.
    const posted = postComment(temp.db, userActor(temp.db, ids.rita), { articleId: article.articleId, body: 'Newest' }, { now: NOW });
    if (!posted.ok) throw new Error(posted.message);
    expect(posted.comment.id).toBeGreaterThan(other.commentIds[0]!);
    expect(readThreadHead(temp.db, article.articleId)).toEqual({ commentsOpen: true, commentCount: 3, latestCommentId: posted.comment.id });
    expect(readThreadHead(temp.db, other.articleId)).toEqual({ commentsOpen: true, commentCount: 1, latestCommentId: other.commentIds[0] });

    expect(setOpen(owner(), false)).toMatchObject({ ok: true });
    setCommentStatus(temp.db, firstId, 'hidden');
    expect(readThreadHead(temp.db, article.articleId)).toEqual({ commentsOpen: false, commentCount: 3, latestCommentId: posted.comment.id });
  });

  it('gives 0 as the latest id of an article without comments, and null for an unknown article', () => {
    const empty = insertArticle(temp.db, 'empty-article', []);
    expect(readThreadHead(temp.db, empty.articleId)).toEqual({ commentsOpen: true, commentCount: 0, latestCommentId: 0 });
    expect(readThreadHead(temp.db, 424_242)).toBeNull();
  });

  it('follows a close made straight in the database', () => {
    temp.db.$client.prepare('UPDATE articles SET comments_open = 0 WHERE id = ?').run(article.articleId);
    expect(readThreadHead(temp.db, article.articleId)!.commentsOpen).toBe(false);
    expect(postComment(temp.db, userActor(temp.db, ids.rita), { articleId: article.articleId, body: 'No' }, { now: NOW + MINUTE })).toMatchObject({
      code: 'COMMENTS_CLOSED',
    });
  });
});
