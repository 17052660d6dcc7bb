// The browser's view of a thread: the viewer's own changes laid over the server's copy, and others' new comments held back.
import { describe, expect, it } from 'vitest';
import { holdBackNewComments, mergeLocalComments, type ThreadComment } from '@/lib/shared/thread/merge-local-comments';

function comment(id: number, parentId: number | null, depth: number, extra: Partial<ThreadComment> = {}): ThreadComment {
  return {
    id, parentId, depth, replyCount: 0, authorName: `Reader ${id}`, body: `Comment ${id}`, status: 'visible', imported: false,
    createdAt: '2026-01-01T00:00:00.000Z', version: 1, editedAt: null, mine: false, reportedByMe: false, ...extra,
  } as ThreadComment;
}

// 1 ─ 2 ─ 3
//   └ 4
// 5
const server = (): ThreadComment[] => [
  comment(1, null, 0, { replyCount: 3 }),
  comment(2, 1, 1, { replyCount: 1 }),
  comment(3, 2, 2),
  comment(4, 1, 1),
  comment(5, null, 0),
];
const ids = (list: readonly ThreadComment[]) => list.map((entry) => entry.id);
const counts = (list: readonly ThreadComment[]) => Object.fromEntries(list.map((entry) => [entry.id, entry.replyCount]));

describe('mergeLocalComments', () => {
  it('returns the server copy unchanged when the viewer changed nothing', () => {
    expect(mergeLocalComments(server(), [], true)).toEqual({ comments: server(), unplaced: [] });
  });

  it('puts a new reply after the last reply of its parent, at any depth, and counts it on every ancestor', () => {
    const reply = comment(-1, 2, 2, { mine: true, pending: true });
    const merged = mergeLocalComments(server(), [reply], true);
    expect(ids(merged.comments)).toEqual([1, 2, 3, -1, 4, 5]);
    expect(counts(merged.comments)).toEqual({ 1: 4, 2: 2, 3: 0, [-1]: 0, 4: 0, 5: 0 });
    expect(merged.unplaced).toEqual([]);
  });

  it('places replies to the viewer’s own new comment under it, in the order they were made', () => {
    const top = comment(10, null, 0, { mine: true });
    const first = comment(11, 10, 1, { mine: true });
    const second = comment(-2, 10, 1, { mine: true, pending: true });
    const merged = mergeLocalComments(server(), [top, first, second], true);
    expect(ids(merged.comments)).toEqual([1, 2, 3, 4, 5, 10, 11, -2]);
    expect(merged.comments.find((entry) => entry.id === 10)!.replyCount).toBe(2);
  });

  it('appends a new top-level comment only when the last page is loaded; otherwise it is unplaced', () => {
    const top = comment(10, null, 0, { mine: true });
    expect(ids(mergeLocalComments(server(), [top], true).comments)).toEqual([1, 2, 3, 4, 5, 10]);
    expect(mergeLocalComments(server(), [top], false)).toEqual({ comments: server(), unplaced: [top] });
  });

  it('leaves a reply unplaced when its parent is not among the loaded comments', () => {
    const orphan = comment(10, 99, 3, { mine: true });
    expect(mergeLocalComments(server(), [orphan], true)).toEqual({ comments: server(), unplaced: [orphan] });
  });

  it('uses the viewer’s copy only while it is newer than the server’s', () => {
    const edited = comment(3, 2, 2, { version: 2, body: 'Edited', mine: true });
    expect(mergeLocalComments(server(), [edited], true).comments[2]).toEqual(edited);
    const serverAhead = server().map((entry) => (entry.id === 3 ? { ...entry, version: 3, status: 'hidden', body: null } as ThreadComment : entry));
    expect(mergeLocalComments(serverAhead, [edited], true).comments[2]).toEqual(serverAhead[2]);
  });

  it('does not insert a comment twice once the server sends it back', () => {
    const reply = comment(6, 5, 1, { mine: true });
    const withReply = [...server().slice(0, 4), { ...server()[4]!, replyCount: 1 }, reply];
    expect(mergeLocalComments(withReply, [reply], true).comments).toEqual(withReply);
  });
});

describe('holdBackNewComments', () => {
  it('holds back others’ comments newer than the baseline, with everything under them', () => {
    const list = [
      ...server().slice(0, 4),
      comment(5, null, 0, { replyCount: 3 }),
      comment(6, 5, 1, { replyCount: 1 }),
      comment(7, 6, 2),
      comment(8, 5, 1, { mine: true }),
      comment(9, null, 0),
    ];
    expect(holdBackNewComments(list, 5)).toEqual({
      // Comment 5 shows one reply (the viewer's own), and says so: no "Continue this thread".
      shown: [...server().slice(0, 4), comment(5, null, 0, { replyCount: 1 }), list[7]],
      heldBack: 3,
    });
  });

  it('takes held-back replies deep in a branch off every shown ancestor’s reply count', () => {
    const list = [comment(1, null, 0, { replyCount: 3 }), comment(2, 1, 1, { replyCount: 2 }), comment(3, 2, 2, { replyCount: 1 }), comment(9, 3, 3)];
    expect(holdBackNewComments(list, 5).shown.map((entry) => entry.replyCount)).toEqual([2, 1, 0]);
  });

  it('never holds back the viewer’s own or pending comments', () => {
    const list = [...server(), comment(6, null, 0, { mine: true }), comment(-1, 6, 1, { mine: true, pending: true })];
    expect(holdBackNewComments(list, 5)).toEqual({ shown: list, heldBack: 0 });
  });

  it('shows everything once the baseline reaches the newest comment', () => {
    const list = [...server(), comment(6, 5, 1)];
    expect(holdBackNewComments(list, 6)).toEqual({ shown: list, heldBack: 0 });
  });
});
