// Assembles the thread JSON the API sends and the pages hand to the browser as its first data.
import 'server-only';
import type { Db } from '@/db/client';
import type { ArticleView } from './articles';
import { readCommentSubtree, readThreadHead, readThreadPage, type ThreadPageOptions, type ViewerId } from './thread';
import type { ThreadResponse } from '@/lib/thread/types';

export function threadPageResponse(db: Db, article: ArticleView, viewerId: ViewerId, options: ThreadPageOptions): ThreadResponse {
  // The head is read first: a comment posted in between then counts as new, never as already seen.
  const head = readThreadHead(db, article.id)!;
  const page = readThreadPage(db, article.id, viewerId, options);
  return {
    article: { id: article.id, slug: article.slug, title: article.title, ...head },
    comments: page.comments,
    nextCursor: page.nextCursor,
    readAt: new Date().toISOString(),
  };
}

export function commentBranchResponse(
  db: Db,
  article: ArticleView,
  viewerId: ViewerId,
  commentId: number,
  levelsBelow: number,
): ThreadResponse | null {
  const head = readThreadHead(db, article.id)!;
  const subtree = readCommentSubtree(db, article.id, viewerId, commentId, levelsBelow);
  if (!subtree) return null;
  return {
    article: { id: article.id, slug: article.slug, title: article.title, ...head },
    comments: subtree.comments,
    nextCursor: null,
    ancestors: subtree.ancestors,
    readAt: new Date().toISOString(),
  };
}
