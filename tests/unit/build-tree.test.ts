// Nesting a display-ordered list of comments for rendering.
import { describe, expect, it } from 'vitest';
import { buildCommentTree } from '@/lib/shared/thread/build-tree';
import type { CommentNode, CommentView } from '@/lib/shared/thread/types';

function view(id: number, parentId: number | null, depth: number, replyCount = 0): CommentView {
  return {
    id, parentId, depth, replyCount,
    authorName: `Reader ${id}`, body: `Comment ${id}`, status: 'visible', imported: false,
    createdAt: `2026-01-01T00:00:${String(id).padStart(2, '0')}.000Z`,
    version: 1, editedAt: null, mine: false, reportedByMe: false,
    hiddenReason: null, hiddenExplanation: null, publicNotes: [],
  };
}

/** The nesting alone, as [id, [replies...]] pairs, so a failure shows the whole shape. */
type Shape = [number, Shape[]];
const shape = (nodes: CommentNode[]): Shape[] => nodes.map((node) => [node.id, shape(node.replies)]);

// 1 ─ 2 ─ 3 ─ 4
//   └ 5
// 6 ─ 7
const THREAD = [view(1, null, 0, 4), view(2, 1, 1, 2), view(3, 2, 2, 1), view(4, 3, 3), view(5, 1, 1), view(6, null, 0, 1), view(7, 6, 1)];

describe('buildCommentTree', () => {
  it('nests every reply under its parent, in list order', () => {
    expect(shape(buildCommentTree(THREAD))).toEqual([
      [1, [[2, [[3, [[4, []]]]]], [5, []]]],
      [6, [[7, []]]],
    ]);
  });

  it('keeps each comment as given apart from its replies', () => {
    const [first] = buildCommentTree(THREAD);
    const { replies, ...rest } = first!;
    expect(rest).toEqual(THREAD[0]);
    expect(replies).toHaveLength(2);
  });

  it('makes a comment whose parent is not in the list a root', () => {
    // A later page of the subtree view starts at comment 3, whose parent 2 was not sent.
    expect(shape(buildCommentTree(THREAD.slice(2)))).toEqual([
      [3, [[4, []]]],
      [5, []],
      [6, [[7, []]]],
    ]);
  });

  it('leaves out comments below maxDepth but keeps the counts of those at it', () => {
    const tree = buildCommentTree(THREAD, 1);
    expect(shape(tree)).toEqual([
      [1, [[2, []], [5, []]]],
      [6, [[7, []]]],
    ]);
    expect(tree[0]!.replies[0]!.replyCount).toBe(2);
    expect(shape(buildCommentTree(THREAD, 0))).toEqual([[1, []], [6, []]]);
  });
});
