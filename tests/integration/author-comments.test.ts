// Every comment by one author for moderators: the summary, newest first a page at a time, each comment's state and log rows, and who may look.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postComment } from '@/lib/comments/post-comment';
import { flagComment } from '@/lib/moderation/flag-comment';
import { hideComment } from '@/lib/moderation/hide-comment';
import { readAuthorCommentsFor } from '@/lib/queries/author-comments';
import { reportComment } from '@/lib/reports/report-comment';
import { anonymousActor, userActor } from '@/tests/support/accounts';
import { HOUR, insertArticle, insertCast, MINUTE, NOW, type Cast, type TestArticle } from '@/tests/support/comments';
import { createTempDb, type TempDb } from '@/tests/support/temp-db';

let temp: TempDb;
let ids: Cast;
let article: TestArticle;

const actor = (id: number) => userActor(temp.db, id);
const version = (id: number) => temp.db.$client.prepare('SELECT version FROM comments WHERE id = ?').pluck().get(id) as number;

function post(author: number, body: string, at: number): number {
  const posted = postComment(temp.db, actor(author), { articleId: article.articleId, body }, { now: at });
  if (!posted.ok) throw new Error(posted.message);
  return posted.comment.id;
}

beforeEach(() => {
  temp = createTempDb();
  ids = insertCast(temp.db);
  article = insertArticle(temp.db, 'the-article');
});
afterEach(() => temp.cleanup());

describe('the author page', () => {
  it('sums up the author and lists their comments newest first with state and log rows', () => {
    const older = post(ids.rita, 'Rita early', NOW - 2 * HOUR);
    const newer = post(ids.rita, 'Rita later', NOW - HOUR);
    post(ids.otto, 'Otto elsewhere', NOW - 30 * MINUTE);
    expect(hideComment(temp.db, actor(ids.moderator), { commentId: older, version: version(older), reason: 'spam' }).ok).toBe(true);
    expect(flagComment(temp.db, actor(ids.moderator), { commentId: newer, version: version(newer), reason: 'hate' }).ok).toBe(true);
    expect(reportComment(temp.db, actor(ids.otto), { commentId: newer, reason: 'hate' }, { now: NOW }).ok).toBe(true);

    const answer = readAuthorCommentsFor(temp.db, actor(ids.moderator), ids.rita, null, { now: NOW });
    if (!answer.ok) throw new Error(answer.message);
    expect(answer.page.author).toEqual({
      id: ids.rita, displayName: 'Rita Reader', email: 'rita@example.com', role: 'reader', banned: false, banReason: null,
      comments: 2, hidden: 1, flagged: 1, openReports: 1,
    });
    expect(answer.page.comments.map((comment) => comment.moderation.commentId)).toEqual([newer, older]);
    expect(answer.page.comments[1]!.moderation).toMatchObject({ status: 'hidden', body: 'Rita early' });
    expect(answer.page.comments[1]!.log.map((entry) => entry.action)).toEqual(['comment_hidden']);
    expect(answer.page.comments[0]!.reports).toHaveLength(1);
    expect(answer.page.nextCursor).toBeNull();
  });

  it('pages of 50 follow the cursor', () => {
    for (let index = 0; index < 55; index += 1) post(ids.rita, `Comment number ${index}`, NOW - (60 - index) * 20 * MINUTE);
    const first = readAuthorCommentsFor(temp.db, actor(ids.owner), ids.rita, null);
    if (!first.ok) throw new Error(first.message);
    expect(first.page.comments).toHaveLength(50);
    expect(first.page.comments[0]!.moderation.body).toBe('Comment number 54');
    const second = readAuthorCommentsFor(temp.db, actor(ids.owner), ids.rita, first.page.nextCursor);
    if (!second.ok) throw new Error(second.message);
    expect(second.page.comments.map((comment) => comment.moderation.body)).toEqual([4, 3, 2, 1, 0].map((index) => `Comment number ${index}`));
    expect(second.page.nextCursor).toBeNull();
  });

  it('answers NOT_FOUND for an unknown user, and refuses everyone but moderators and owners first', () => {
    expect(readAuthorCommentsFor(temp.db, actor(ids.moderator), 9999, null)).toEqual({ ok: false, code: 'NOT_FOUND', message: 'No user has this id.' });
    expect(readAuthorCommentsFor(temp.db, anonymousActor(), 9999, null)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(readAuthorCommentsFor(temp.db, actor(ids.rita), ids.rita, null)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(readAuthorCommentsFor(temp.db, actor(ids.banned), ids.rita, null)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(readAuthorCommentsFor(temp.db, actor(ids.moderator), ids.rita, 'not-a-cursor')).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });
});
