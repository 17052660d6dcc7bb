// What the thread says about moderation to each viewer: readers get a hidden reply's reason and
// public explanation and the public notes, and nothing else (no text, notes, flag, moderator or
// report); moderators get every comment's whole moderation state; and a reply's History is for
// moderators only, newest first, with its edit revisions.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor, Viewer } from '@/lib/shared/auth/actor';
import { deleteComment } from '@/lib/comments/delete-comment';
import { editComment } from '@/lib/comments/edit-comment';
import { postComment } from '@/lib/comments/post-comment';
import { annotateComment } from '@/lib/moderation/annotate-comment';
import { flagComment } from '@/lib/moderation/flag-comment';
import { hideComment } from '@/lib/moderation/hide-comment';
import { removeAnnotation } from '@/lib/moderation/remove-annotation';
import { unhideComment } from '@/lib/moderation/unhide-comment';
import type { CommentModeration } from '@/lib/shared/moderation/types';
import { findArticleBySlug, type ArticleView } from '@/lib/queries/articles';
import { readCommentHistoryFor } from '@/lib/queries/comment-history';
import { commentBranchResponse, threadPageResponse } from '@/lib/queries/thread-response';
import { reportComment } from '@/lib/reports/report-comment';
import { applyModeration } from '@/lib/shared/thread/apply-moderation';
import type { CommentView, ThreadResponse } from '@/lib/shared/thread/types';
import { anonymousActor, userActor } from '@/tests/support/accounts';
import { banBySql, insertArticle, insertCast, iso, MINUTE, NOW, SECOND, type Cast } from '@/tests/support/comments';
import { createTempDb, type TempDb } from '@/tests/support/temp-db';

const TEXT = 'Rita’s final text, which moderators hid';
/** Everything about the hidden reply that only moderators may read. */
const SECRETS = {
  text: TEXT,
  earlierText: 'Rita’s first text',
  hiddenNote: 'Internal: third strike this week',
  internalAnnotation: 'Internal: checked with the desk',
  removedPublicNote: 'Public note taken back',
  flagNote: 'Flag note about the sibling',
  reportNote: 'Otto’s report note',
  moderatorEmail: 'moderator@example.com',
  authorName: 'Rita Reader',
};
const EXPLANATION = 'Personal attacks are not allowed here.';
const PUBLIC_NOTE = 'The article was corrected on 5 January.';

let temp: TempDb;
let ids: Cast;
let article: ArticleView;
/** Imported top-level comment, its reply by Rita (hidden in the tests), and Otto's reply to Rita. */
let top: number;
let hidden: number;
let under: number;
/** An imported sibling of `top`, flagged. */
let flagged: number;

const actor = (id: number): Actor => userActor(temp.db, id);
const moderation = (result: { ok: boolean }) => {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result)}`);
  return (result as { ok: true; moderation: CommentModeration }).moderation;
};

beforeEach(() => {
  temp = createTempDb();
  const db = temp.db;
  ids = insertCast(db);
  const inserted = insertArticle(db, 'moderated-article', [{}, {}]);
  article = findArticleBySlug(db, 'moderated-article')!;
  [top, flagged] = inserted.commentIds as [number, number];

  const rita = actor(ids.rita);
  const posted = postComment(db, rita, { articleId: article.id, parentId: top, body: SECRETS.earlierText }, { now: NOW - 10 * MINUTE });
  if (!posted.ok) throw new Error(posted.message);
  hidden = posted.comment.id;
  expect(editComment(db, rita, { commentId: hidden, version: 1, body: TEXT }, { now: NOW - 9 * MINUTE })).toMatchObject({ ok: true });
  const reply = postComment(db, actor(ids.otto), { articleId: article.id, parentId: hidden, body: 'Otto answers Rita' }, { now: NOW - 8 * MINUTE });
  if (!reply.ok) throw new Error(reply.message);
  under = reply.comment.id;
  expect(reportComment(db, actor(ids.otto), { commentId: hidden, reason: 'harassment', note: SECRETS.reportNote }, { now: NOW - 7 * MINUTE }))
    .toMatchObject({ ok: true });

  const mo = actor(ids.moderator);
  moderation(flagComment(db, mo, { commentId: flagged, version: 1, reason: 'spam', note: SECRETS.flagNote }, { now: NOW - 6 * MINUTE }));
  let state = moderation(hideComment(db, mo, {
    commentId: hidden, version: 2, reason: 'harassment', explanation: EXPLANATION, note: SECRETS.hiddenNote,
  }, { now: NOW - 5 * MINUTE }));
  state = moderation(annotateComment(db, mo, { commentId: hidden, version: state.version, visibility: 'public', body: PUBLIC_NOTE }, { now: NOW - 4 * MINUTE }));
  state = moderation(annotateComment(db, mo, {
    commentId: hidden, version: state.version, visibility: 'internal', body: SECRETS.internalAnnotation,
  }, { now: NOW - 3 * MINUTE }));
  state = moderation(annotateComment(db, mo, {
    commentId: hidden, version: state.version, visibility: 'public', body: SECRETS.removedPublicNote,
  }, { now: NOW - 2 * MINUTE }));
  const removed = state.annotations.find((annotation) => annotation.body === SECRETS.removedPublicNote)!;
  moderation(removeAnnotation(db, mo, { commentId: hidden, version: state.version, annotationId: removed.id }, { now: NOW - MINUTE }));
});
afterEach(() => temp.cleanup());

const readers: [string, () => Viewer][] = [
  ['an anonymous visitor', () => anonymousActor()],
  ['a reader', () => userActor(temp.db, ids.rita)],
  ['a banned reader', () => userActor(temp.db, ids.banned)],
  ['a banned owner', () => userActor(temp.db, ids.bannedOwner)],
];
const moderators: [string, () => Viewer][] = [
  ['a moderator', () => userActor(temp.db, ids.moderator)],
  ['an owner', () => userActor(temp.db, ids.owner)],
];

/** The article's first page, the hidden reply's branch, and the branch under it (where the hidden reply is an ancestor). */
function responsesFor(viewer: Viewer): ThreadResponse[] {
  return [
    threadPageResponse(temp.db, article, viewer, {}),
    commentBranchResponse(temp.db, article, viewer, hidden, 8)!,
    commentBranchResponse(temp.db, article, viewer, under, 8)!,
  ];
}

function findIn(response: ThreadResponse, id: number): CommentView {
  const found = [...(response.ancestors ?? []), ...response.comments].find((comment) => comment.id === id);
  if (!found) throw new Error(`comment ${id} is not in the response`);
  return found;
}

const publicNote = { body: PUBLIC_NOTE, at: iso(NOW - 4 * MINUTE) };

describe.each(readers)('%s', (_name, viewerOf) => {
  it('gets the hidden reply as a tombstone with its reason, public explanation and public note, and its reply', () => {
    for (const response of responsesFor(viewerOf())) {
      expect(findIn(response, hidden)).toMatchObject({
        status: 'hidden',
        body: null,
        hiddenReason: 'harassment',
        hiddenExplanation: EXPLANATION,
        publicNotes: [{ ...publicNote, id: expect.any(Number) }],
      });
      expect(findIn(response, under)).toMatchObject({ status: 'visible', body: 'Otto answers Rita', parentId: hidden });
    }
  });

  it('gets no moderation key and none of the text, notes, flag, moderator or report anywhere in the answer', () => {
    for (const response of responsesFor(viewerOf())) {
      const json = JSON.stringify(response);
      expect(json).not.toContain('"moderation"');
      for (const secret of Object.values(SECRETS)) expect(json).not.toContain(secret);
    }
  });

  it('gets a reply its author deleted as a tombstone without the author’s name anywhere in the answer', () => {
    expect(deleteComment(temp.db, actor(ids.otto), { commentId: under }, { now: NOW })).toMatchObject({ ok: true });
    for (const response of responsesFor(viewerOf())) {
      expect(findIn(response, under)).toMatchObject({ status: 'deleted', body: null, authorName: null });
      expect(JSON.stringify(response)).not.toContain('Otto Other');
    }
  });

  it('sees the other comments without a reason or notes', () => {
    const [page] = responsesFor(viewerOf());
    expect(findIn(page!, flagged)).toMatchObject({ status: 'visible', hiddenReason: null, hiddenExplanation: null, publicNotes: [] });
  });

  it('is refused the History', () => {
    const viewer = viewerOf();
    expect(readCommentHistoryFor(temp.db, viewer, hidden)).toMatchObject({
      ok: false,
      code: viewer.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN',
    });
  });
});

describe.each(moderators)('%s', (_name, viewerOf) => {
  it('gets every comment with its moderation state, the hidden reply with its text, notes and who hid it', () => {
    for (const response of responsesFor(viewerOf())) {
      for (const comment of [...(response.ancestors ?? []), ...response.comments]) {
        expect(comment.moderation?.commentId).toBe(comment.id);
        expect(comment.moderation?.version).toBe(comment.version);
      }
      const view = findIn(response, hidden);
      // The thread's own fields stay as readers get them; the text travels inside `moderation`.
      expect(view).toMatchObject({ status: 'hidden', body: null, authorName: null, hiddenReason: 'harassment', hiddenExplanation: EXPLANATION });
      expect(view.moderation).toMatchObject({
        body: TEXT,
        authorName: 'Rita Reader',
        hidden: { reason: 'harassment', explanation: EXPLANATION, note: SECRETS.hiddenNote, by: SECRETS.moderatorEmail, at: iso(NOW - 5 * MINUTE) },
        flag: null,
        openReports: 0,
        annotations: [
          { visibility: 'public', body: PUBLIC_NOTE, by: SECRETS.moderatorEmail, at: iso(NOW - 4 * MINUTE) },
          { visibility: 'internal', body: SECRETS.internalAnnotation, by: SECRETS.moderatorEmail, at: iso(NOW - 3 * MINUTE) },
        ],
      });
      expect(JSON.stringify(response)).not.toContain(SECRETS.removedPublicNote);
    }
    const [page] = responsesFor(viewerOf());
    expect(findIn(page!, flagged).moderation).toMatchObject({ flag: { reason: 'spam', note: SECRETS.flagNote, by: SECRETS.moderatorEmail } });
  });

  it('gets the name of a reply’s author who deleted it inside `moderation`, where the thread shows it to them', () => {
    expect(deleteComment(temp.db, actor(ids.otto), { commentId: under }, { now: NOW })).toMatchObject({ ok: true });
    for (const response of responsesFor(viewerOf())) {
      const view = findIn(response, under);
      expect(view).toMatchObject({ status: 'deleted', body: null, authorName: null });
      expect(view.moderation).toMatchObject({ status: 'deleted', authorName: 'Otto Other', body: 'Otto answers Rita' });
    }
  });

  it('reads the History newest first, with the earlier texts newest first', () => {
    const result = readCommentHistoryFor(temp.db, viewerOf(), hidden);
    if (!result.ok) throw new Error(result.message);
    expect(result.history.entries.map((entry) => entry.action)).toEqual([
      'annotation_removed', 'annotation_added', 'annotation_added', 'annotation_added', 'comment_hidden', 'comment_edited',
    ]);
    expect(result.history.entries[4]).toMatchObject({
      actorName: SECRETS.moderatorEmail, reasonCode: 'harassment', publicNote: EXPLANATION, internalNote: SECRETS.hiddenNote,
      previousState: { status: 'visible', open_reports: 1 }, newState: { status: 'hidden', open_reports: 0 },
    });
    expect(result.history.revisions).toEqual([{ version: 1, body: SECRETS.earlierText, writtenAt: iso(NOW - 10 * MINUTE), replacedAt: iso(NOW - 9 * MINUTE) }]);
  });
});

describe('what moderation changes for readers', () => {
  it('unhiding gives the text back to everyone and drops the reason', () => {
    const state = moderation(hideComment(temp.db, actor(ids.moderator), { commentId: flagged, version: 2, reason: 'spam' }, { now: NOW }));
    expect(findIn(threadPageResponse(temp.db, article, anonymousActor(), {}), flagged)).toMatchObject({ status: 'hidden', hiddenExplanation: null });
    moderation(unhideComment(temp.db, actor(ids.moderator), { commentId: flagged, version: state.version }, { now: NOW + SECOND }));
    expect(findIn(threadPageResponse(temp.db, article, anonymousActor(), {}), flagged)).toMatchObject({
      status: 'visible', body: 'Imported comment 2 on moderated-article', hiddenReason: null, hiddenExplanation: null,
    });
  });

  it('a moderator’s view patched with an action’s answer is the view read afresh', () => {
    const mo = userActor(temp.db, ids.moderator);
    const before = findIn(threadPageResponse(temp.db, article, mo, {}), flagged);
    const answer = moderation(hideComment(temp.db, mo, {
      commentId: flagged, version: before.version, reason: 'spam', explanation: 'Advertising', note: 'n',
    }, { now: NOW }));
    expect(applyModeration(before, answer)).toEqual(findIn(threadPageResponse(temp.db, article, mo, {}), flagged));
    const noted = moderation(annotateComment(temp.db, mo, { commentId: flagged, version: answer.version, visibility: 'public', body: 'A note' }, { now: NOW }));
    expect(applyModeration(before, noted)).toEqual(findIn(threadPageResponse(temp.db, article, mo, {}), flagged));
  });
});

describe('the History', () => {
  it('is refused to a moderator banned since the session was read, and answers NOT_FOUND for no such reply', () => {
    const mo = userActor(temp.db, ids.moderator);
    expect(readCommentHistoryFor(temp.db, mo, 999_999)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    banBySql(temp.db, ids.moderator, 'Gone rogue');
    expect(readCommentHistoryFor(temp.db, mo, hidden)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});
