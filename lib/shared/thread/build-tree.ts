// Turns a display-ordered list of comments into nested nodes (used on the server and in the browser).
import type { CommentNode, CommentView } from './types';

/**
 * `comments` must be in display order (parents before their replies). A comment whose parent is
 * not in the list becomes a root: a later page, or the subtree page, starts mid-thread.
 * Comments deeper than `maxDepth` are left out; their parents' replyCount still counts them.
 */
export function buildCommentTree<T extends CommentView>(comments: readonly T[], maxDepth = Infinity): CommentNode<T>[] {
  const roots: CommentNode<T>[] = [];
  const byId = new Map<number, CommentNode<T>>();
  for (const comment of comments) {
    if (comment.depth > maxDepth) continue;
    const node: CommentNode<T> = { ...comment, replies: [] };
    byId.set(node.id, node);
    const parent = node.parentId === null ? undefined : byId.get(node.parentId);
    if (parent) parent.replies.push(node);
    else roots.push(node);
  }
  return roots;
}
