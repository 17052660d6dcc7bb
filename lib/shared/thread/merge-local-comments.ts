// Lays the viewer's own recent changes over the thread the server last sent, and holds back what others posted since the reader looked.
import type { CommentView } from './types';

/** A comment as the browser holds it: `pending` while the server has not yet answered a post. */
export type ThreadComment = CommentView & { pending?: boolean };

export type MergedThread = {
  comments: ThreadComment[];
  /** The viewer's new comments whose place is not among the loaded comments (a later page, another branch). */
  unplaced: ThreadComment[];
};

/**
 * `server` is in display order. Each `local` comment (in the order the viewer made them) either
 * replaces the server's copy while it is newer (a higher version: an edit or deletion the server
 * has not sent back yet) or, when the server has not sent it at all, is inserted as the last reply
 * of its parent, with the reply counts of its ancestors raised. A top-level one goes at the end
 * when `topLevelAtEnd` (the last page is loaded), otherwise it is unplaced.
 */
export function mergeLocalComments(server: readonly CommentView[], local: readonly ThreadComment[], topLevelAtEnd: boolean): MergedThread {
  const localById = new Map(local.map((comment) => [comment.id, comment]));
  const comments: ThreadComment[] = server.map((comment) => {
    const mine = localById.get(comment.id);
    return mine && mine.version > comment.version ? mine : comment;
  });
  const present = new Set(server.map((comment) => comment.id));
  const unplaced: ThreadComment[] = [];

  for (const comment of local) {
    if (present.has(comment.id)) continue;
    const at = insertionIndex(comments, comment, topLevelAtEnd);
    if (at === null) {
      unplaced.push(comment);
      continue;
    }
    comments.splice(at, 0, comment);
    present.add(comment.id);
    for (let parentId = comment.parentId, index = at - 1; parentId !== null && index >= 0; index--) {
      const candidate = comments[index]!;
      if (candidate.id !== parentId) continue;
      comments[index] = { ...candidate, replyCount: candidate.replyCount + 1 };
      parentId = candidate.parentId;
    }
  }
  return { comments, unplaced };
}

/** Just after the parent's last descendant, or null when the parent is not here. */
function insertionIndex(comments: readonly ThreadComment[], comment: ThreadComment, topLevelAtEnd: boolean): number | null {
  if (comment.parentId === null) return topLevelAtEnd ? comments.length : null;
  const parentIndex = comments.findIndex((candidate) => candidate.id === comment.parentId);
  if (parentIndex === -1) return null;
  const parentDepth = comments[parentIndex]!.depth;
  let end = parentIndex + 1;
  while (end < comments.length && comments[end]!.depth > parentDepth) end++;
  return end;
}

/**
 * Leaves out comments others posted after `baselineId` (the newest id when the reader loaded or
 * last chose "show"), with everything under them, so that nothing shifts under the reader's eyes.
 * The reply counts of the comments shown leave the held-back replies out too, so no branch looks
 * cut short ("Continue this thread") by replies the reader has not chosen to see.
 */
export function holdBackNewComments(comments: readonly ThreadComment[], baselineId: number): { shown: ThreadComment[]; heldBack: number } {
  const shown: ThreadComment[] = [];
  /** Indices in `shown` of the current comment's shown ancestors, root first. */
  const ancestors: number[] = [];
  let heldBack = 0;
  let skipDeeperThan: number | null = null;
  for (const comment of comments) {
    while (ancestors.length > 0 && shown[ancestors.at(-1)!]!.depth >= comment.depth) ancestors.pop();
    if (skipDeeperThan !== null && comment.depth <= skipDeeperThan) skipDeeperThan = null;
    const isNew = comment.id > baselineId && !comment.mine && !comment.pending;
    if (skipDeeperThan !== null || isNew) {
      heldBack++;
      if (skipDeeperThan === null) skipDeeperThan = comment.depth;
      for (const index of ancestors) shown[index] = { ...shown[index]!, replyCount: shown[index]!.replyCount - 1 };
      continue;
    }
    ancestors.push(shown.length);
    shown.push(comment);
  }
  return { shown, heldBack };
}
