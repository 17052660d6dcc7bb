// Finds and replaces one comment in the thread's cached pages (their comments and a branch's ancestors), leaving everything else as it was.
import type { CommentView, ThreadResponse } from './types';

type ThreadPages = { pages: ThreadResponse[] };

export function findThreadComment(data: ThreadPages | undefined, commentId: number): CommentView | undefined {
  for (const page of data?.pages ?? []) {
    const found = page.comments.find((comment) => comment.id === commentId) ?? page.ancestors?.find((comment) => comment.id === commentId);
    if (found) return found;
  }
  return undefined;
}

export function patchThreadComment<T extends ThreadPages>(data: T, commentId: number, update: (comment: CommentView) => CommentView): T {
  const patch = (list: CommentView[]) => (list.some((comment) => comment.id === commentId)
    ? list.map((comment) => (comment.id === commentId ? update(comment) : comment))
    : list);
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      comments: patch(page.comments),
      ...(page.ancestors && { ancestors: patch(page.ancestors) }),
    })),
  };
}
