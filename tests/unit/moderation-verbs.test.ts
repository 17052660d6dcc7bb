// The table of moderation verbs: the state each predicts, the words History and the log use for it, and the bulk verbs.
import { describe, expect, it } from 'vitest';
import type { CommentModeration } from '@/lib/shared/moderation/types';
import { commentChangeWords, describeCommentChange, isPendingAnnotation, MODERATION_VERBS, predictModeration } from '@/lib/shared/moderation/verbs';
import { LOG_ACTION_WORDS } from '@/lib/shared/vocabulary';

const AT = '2026-01-05T12:00:00.000Z';
const BY = 'me@example.com';
const CURRENT: CommentModeration = {
  commentId: 1, articleId: 1, version: 3, status: 'visible', body: 'Reply', authorId: 7, authorName: 'Rita',
  flag: { reason: 'spam', note: null, by: 'other@example.com', at: AT }, hidden: null, openReports: 2,
  annotations: [{ id: 9, visibility: 'internal', body: 'Old note', by: 'other@example.com', at: AT }],
};

describe('each verb’s prediction, one version on', () => {
  it.each([
    [{ kind: 'flag', reason: 'hate', note: ' ' }, { flag: { reason: 'hate', note: null, by: BY, at: AT } }],
    [{ kind: 'unflag' }, { flag: null }],
    [{ kind: 'hide', reason: 'spam', explanation: ' Links ', note: '' }, { status: 'hidden', flag: null, openReports: 0, hidden: { reason: 'spam', explanation: 'Links', note: null, by: BY, at: AT } }],
    [{ kind: 'dismiss' }, { openReports: 0, flag: CURRENT.flag }],
    [{ kind: 'removeAnnotation', annotationId: 9 }, { annotations: [] }],
  ] as const)('%o', (request, expected) => {
    expect(predictModeration(CURRENT, request, BY, AT)).toEqual({ ...CURRENT, version: 4, ...expected });
  });

  it('unhides, and adds a note that cannot be removed until the server stores it', () => {
    const hidden = predictModeration(CURRENT, { kind: 'hide', reason: 'spam', explanation: '', note: '' }, BY, AT);
    expect(predictModeration(hidden, { kind: 'unhide' }, BY, AT)).toMatchObject({ version: 5, status: 'visible', hidden: null });
    const annotated = predictModeration(CURRENT, { kind: 'annotate', visibility: 'public', body: ' New ' }, BY, AT);
    const added = annotated.annotations.at(-1)!;
    expect(added).toEqual({ id: -4, visibility: 'public', body: 'New', by: BY, at: AT });
    expect(isPendingAnnotation(added)).toBe(true);
    expect(isPendingAnnotation(CURRENT.annotations[0]!)).toBe(false);
  });
});

describe('words', () => {
  it('History names a moderator’s change with who did it, an author’s without', () => {
    expect(describeCommentChange('comment_hidden', 'mod@example.com')).toBe('Hidden by mod@example.com');
    expect(describeCommentChange('comment_unflagged', 'you')).toBe('Flag cleared by you');
    expect(describeCommentChange('comment_edited', 'rita@example.com')).toBe('Edited by its author');
    expect(describeCommentChange('comment_deleted', 'rita@example.com')).toBe('Deleted by its author');
    expect(commentChangeWords('annotation_added')).toBe('Note added');
    expect(describeCommentChange('something_new', 'x')).toBe('something new by x');
  });

  it('the log viewer names the same actions its own way', () => {
    expect(LOG_ACTION_WORDS[MODERATION_VERBS.hide.logAction]).toBe('Comment hidden');
    expect(LOG_ACTION_WORDS[MODERATION_VERBS.flag.logAction]).toBe('Comment flagged');
    expect(LOG_ACTION_WORDS[MODERATION_VERBS.dismiss.logAction]).toBe(MODERATION_VERBS.dismiss.done);
  });

  it('only hide and dismiss close reports, and bulk offers flag, hide and dismiss', () => {
    const kinds = Object.keys(MODERATION_VERBS) as (keyof typeof MODERATION_VERBS)[];
    expect(kinds.filter((kind) => MODERATION_VERBS[kind].closesReports !== null)).toEqual(['hide', 'dismiss']);
    expect([MODERATION_VERBS.hide.closesReports, MODERATION_VERBS.dismiss.closesReports]).toEqual(['hidden', 'dismissed']);
    expect(kinds.filter((kind) => MODERATION_VERBS[kind].bulk !== null)).toEqual(['flag', 'hide', 'dismiss']);
  });
});
