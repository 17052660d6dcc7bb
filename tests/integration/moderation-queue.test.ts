// The moderation queue as lib reads it: each tab's members and order, the counts, the article filter,
// pages after a cursor, fresh cards for comments that left the tab, what a card carries, and who may read it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postComment } from '@/lib/comments/post-comment';
import { dismissReports } from '@/lib/moderation/dismiss-reports';
import { flagComment } from '@/lib/moderation/flag-comment';
import { hideComment } from '@/lib/moderation/hide-comment';
import { unflagComment } from '@/lib/moderation/unflag-comment';
import { unhideComment } from '@/lib/moderation/unhide-comment';
import { readModerationQueue, readModerationQueueFor } from '@/lib/queries/moderation-queue';
import { reportComment } from '@/lib/reports/report-comment';
import { parseQueueQuery, type QueueQuery, type QueueTab } from '@/lib/shared/validation/queue-query';
import { anonymousActor, userActor } from '@/tests/support/accounts';
import { banBySql, DAY, HOUR, insertArticle, insertCast, iso, MINUTE, NOW, type Cast, type TestArticle } from '@/tests/support/comments';
import { createTempDb, type TempDb } from '@/tests/support/temp-db';

let temp: TempDb;
let ids: Cast;
let first: TestArticle;
let second: TestArticle;
/** Comments posted by readers on the first article (r1…r4) and the second (s1), oldest first. */
let r1: number, r2: number, r3: number, r4: number, s1: number;

const actor = (id: number) => userActor(temp.db, id);
const moderator = () => actor(ids.moderator);
const version = (id: number) => temp.db.$client.prepare('SELECT version FROM comments WHERE id = ?').pluck().get(id) as number;

function post(author: number, articleId: number, body: string, at: number, parentId: number | null = null): number {
  const posted = postComment(temp.db, actor(author), { articleId, parentId, body }, { now: at });
  if (!posted.ok) throw new Error(posted.message);
  return posted.comment.id;
}

function report(reporter: number, commentId: number, at: number, reason = 'spam', note?: string) {
  const result = reportComment(temp.db, actor(reporter), { commentId, reason, note } as never, { now: at });
  if (!result.ok) throw new Error(result.message);
}

function expectOk<T extends { ok: boolean }>(result: T): asserts result is Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(JSON.stringify(result));
}

const queue = (tab: QueueTab, more: Partial<QueueQuery> = {}, now = NOW) =>
  readModerationQueue(temp.db, { tab, articleId: null, after: null, include: [], ...more, now });
const cardIds = (page: { cards: { moderation: { commentId: number } }[] }) => page.cards.map((card) => card.moderation.commentId);

beforeEach(() => {
  temp = createTempDb();
  ids = insertCast(temp.db);
  first = insertArticle(temp.db, 'first');
  second = insertArticle(temp.db, 'second');
  r1 = post(ids.rita, first.articleId, 'Rita one', NOW - 3 * DAY);
  r2 = post(ids.otto, first.articleId, 'Otto answers Rita', NOW - 2 * DAY, r1);
  r3 = post(ids.rita, first.articleId, 'Rita three', NOW - DAY);
  r4 = post(ids.otto, first.articleId, 'Otto four', NOW - 8 * DAY);
  s1 = post(ids.rita, second.articleId, 'Rita on the second article', NOW - HOUR);
});
afterEach(() => temp.cleanup());

describe('the Reported tab', () => {
  it('lists comments with open reports, the oldest open report first, and counts them', () => {
    report(ids.una, r3, NOW - 50 * MINUTE);
    report(ids.otto, r1, NOW - 40 * MINUTE, 'harassment', 'Rude');
    report(ids.una, r1, NOW - 30 * MINUTE);
    report(ids.una, s1, NOW - 45 * MINUTE);
    const page = queue('reported');
    expect(cardIds(page)).toEqual([r3, s1, r1]);
    expect(page.counts.reported).toBe(3);
    expect(page.cards[2]!.reports).toEqual([
      { id: 2, reason: 'harassment', note: 'Rude', reporterName: 'Otto Other', createdAt: iso(NOW - 40 * MINUTE) },
      { id: 3, reason: 'spam', note: null, reporterName: 'Una Uninvolved', createdAt: iso(NOW - 30 * MINUTE) },
    ]);
    expect(page.cards[2]!.moderation.openReports).toBe(2);
  });

  it('drops a comment once its reports are dismissed or it is hidden', () => {
    report(ids.una, r1, NOW - 40 * MINUTE);
    report(ids.una, r3, NOW - 30 * MINUTE);
    expectOk(dismissReports(temp.db, moderator(), { commentId: r1, version: version(r1) }, { now: NOW - 20 * MINUTE }));
    expectOk(hideComment(temp.db, moderator(), { commentId: r3, version: version(r3), reason: 'spam' }, { now: NOW - 10 * MINUTE }));
    const page = queue('reported');
    expect(page.cards).toEqual([]);
    expect(page.counts).toMatchObject({ reported: 0, hidden: 1 });
  });
});

describe('the Flagged, Hidden and New tabs', () => {
  it('list flagged and hidden comments newest action first', () => {
    expectOk(flagComment(temp.db, moderator(), { commentId: r1, version: version(r1), reason: 'spam' }, { now: NOW - 3 * HOUR }));
    expectOk(flagComment(temp.db, moderator(), { commentId: r3, version: version(r3), reason: 'hate', note: 'Look' }, { now: NOW - 2 * HOUR }));
    expectOk(hideComment(temp.db, moderator(), { commentId: r2, version: version(r2), reason: 'spam' }, { now: NOW - 5 * HOUR }));
    expectOk(hideComment(temp.db, moderator(), { commentId: r4, version: version(r4), reason: 'other' }, { now: NOW - 4 * HOUR }));
    expect(cardIds(queue('flagged'))).toEqual([r3, r1]);
    expect(cardIds(queue('hidden'))).toEqual([r4, r2]);
    expect(queue('flagged').cards[0]!.moderation.flag).toEqual({ reason: 'hate', note: 'Look', by: 'moderator@example.com', at: iso(NOW - 2 * HOUR) });
    expect(queue('hidden').counts).toEqual({ reported: 0, flagged: 2, hidden: 2, new: 4 });
  });

  it('New holds every comment of the last 7 days, newest first, whatever its state', () => {
    expectOk(hideComment(temp.db, moderator(), { commentId: r2, version: version(r2), reason: 'spam' }, { now: NOW - HOUR }));
    const page = queue('new');
    expect(cardIds(page)).toEqual([s1, r3, r2, r1]);
    expect(page.counts.new).toBe(4);
    expect(page.cards[2]!.moderation).toMatchObject({ status: 'hidden', body: 'Otto answers Rita' });
  });
});

describe('a card', () => {
  it('carries the article, the parent’s first lines, and the newest five log rows', () => {
    const long = 'x'.repeat(250);
    const parent = post(ids.rita, first.articleId, long, NOW - 30 * MINUTE);
    const child = post(ids.otto, first.articleId, 'Short answer', NOW - 20 * MINUTE, parent);
    const steps = [
      () => flagComment(temp.db, moderator(), { commentId: child, version: version(child), reason: 'spam' }),
      () => unflagComment(temp.db, moderator(), { commentId: child, version: version(child) }),
      () => hideComment(temp.db, moderator(), { commentId: child, version: version(child), reason: 'spam' }),
      () => unhideComment(temp.db, moderator(), { commentId: child, version: version(child) }),
      () => flagComment(temp.db, moderator(), { commentId: child, version: version(child), reason: 'hate' }),
      () => hideComment(temp.db, moderator(), { commentId: child, version: version(child), reason: 'spam' }),
    ];
    for (const step of steps) expectOk(step());
    const card = queue('new').cards.find((each) => each.moderation.commentId === child)!;
    expect(card.article).toEqual({ id: first.articleId, slug: 'first', title: 'Title of first' });
    expect(card.parent).toEqual({ id: parent, authorName: 'Rita Reader', status: 'visible', excerpt: `${'x'.repeat(200)}…` });
    expect(card.createdAt).toBe(iso(NOW - 20 * MINUTE));
    expect(card.log).toHaveLength(5);
    expect(card.log[0]).toMatchObject({ action: 'comment_hidden', actorName: 'moderator@example.com' });
    expect(card.log.map((entry) => entry.action)).toEqual(['comment_hidden', 'comment_flagged', 'comment_unhidden', 'comment_hidden', 'comment_unflagged']);
  });
});

describe('filtering and paging', () => {
  it('the article filter narrows the cards and every count', () => {
    report(ids.una, r1, NOW - 40 * MINUTE);
    report(ids.una, s1, NOW - 30 * MINUTE);
    const page = queue('reported', { articleId: second.articleId });
    expect(cardIds(page)).toEqual([s1]);
    expect(page.counts).toEqual({ reported: 1, flagged: 0, hidden: 0, new: 1 });
    expect(queue('new', { articleId: first.articleId }).counts.new).toBe(3);
  });

  it('pages of 50 follow the cursor without gaps or repeats', () => {
    const busy = insertArticle(temp.db, 'busy', Array.from({ length: 120 }, (_, index) => ({ createdAt: iso(NOW - 10 * HOUR + (index % 60) * MINUTE) })));
    const seen: number[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page = queue('new', { articleId: busy.articleId, after });
      seen.push(...cardIds(page));
      after = page.nextCursor;
      pages += 1;
    } while (after);
    expect(pages).toBe(3);
    // Newest first, and among comments of the same moment the higher id first.
    const expected = temp.db.$client
      .prepare('SELECT id FROM comments WHERE article_id = ? ORDER BY created_at DESC, id DESC').pluck().all(busy.articleId);
    expect(seen).toEqual(expected);
  });

  it('include returns fresh cards the client still shows, with no place in a tab they left', () => {
    report(ids.una, r1, NOW - 40 * MINUTE);
    report(ids.una, r3, NOW - 30 * MINUTE);
    const before = queue('reported');
    expectOk(hideComment(temp.db, moderator(), { commentId: r1, version: version(r1), reason: 'spam' }, { now: NOW - 5 * MINUTE }));
    const after = queue('reported', { include: [r1, r3] });
    expect(cardIds(after)).toEqual([r3]);
    expect(after.include).toHaveLength(1);
    expect(after.include[0]!).toMatchObject({ sortKey: null, moderation: { commentId: r1, status: 'hidden', openReports: 0 } });
    expect(after.include[0]!.log[0]).toMatchObject({ action: 'comment_hidden', actorName: 'moderator@example.com' });
    expect(before.cards[1]!.sortKey).toBe(after.cards[0]!.sortKey);
  });
});

describe('who may read the queue', () => {
  const query: QueueQuery = { tab: 'reported', articleId: null, after: null, include: [] };

  it('refuses anonymous callers, readers and banned moderators', () => {
    expect(readModerationQueueFor(temp.db, anonymousActor(), query)).toEqual({ ok: false, code: 'UNAUTHENTICATED', message: 'Sign in first.' });
    expect(readModerationQueueFor(temp.db, actor(ids.rita), query)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(readModerationQueueFor(temp.db, actor(ids.bannedOwner), query)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const demotedLater = moderator();
    banBySql(temp.db, ids.moderator, 'Gone rogue');
    expect(readModerationQueueFor(temp.db, demotedLater, query)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('answers moderators and owners', () => {
    report(ids.una, r1, NOW - 40 * MINUTE);
    const answer = readModerationQueueFor(temp.db, actor(ids.owner), query, { now: NOW });
    expectOk(answer);
    expect(cardIds(answer.queue)).toEqual([r1]);
  });
});

describe('the query string', () => {
  const parse = (query: string) => parseQueueQuery(new URLSearchParams(query));

  it('defaults to the Reported tab and reads the filter, cursor and include list', () => {
    expect(parse('')).toEqual({ success: true, data: { tab: 'reported', articleId: null, after: null, include: [] } });
    expect(parse('tab=hidden&article=3&after=2026-01-05T12:00:00.000Z_000000000042&include=4,5,4')).toEqual({
      success: true,
      data: { tab: 'hidden', articleId: 3, after: '2026-01-05T12:00:00.000Z_000000000042', include: [4, 5] },
    });
  });

  it('refuses bad values in words', () => {
    expect(parse('tab=everything')).toEqual({ success: false, message: 'tab must be one of reported, flagged, hidden, new' });
    expect(parse('article=abc')).toEqual({ success: false, message: 'article must be an article id' });
    expect(parse('after=1')).toEqual({ success: false, message: 'after must be a nextCursor value from an earlier page' });
    expect(parse('include=1,x')).toEqual({ success: false, message: 'include must be comment ids separated by commas' });
    expect(parse(`include=${Array.from({ length: 101 }, (_, index) => index + 1).join(',')}`)).toEqual({ success: false, message: 'include takes at most 100 comment ids' });
    expect(parse('tab=new&tab=hidden')).toEqual({ success: false, message: 'tab may be given only once' });
  });
});
