// Assembles the thread JSON the API sends and the pages hand to the browser as its first data.
import 'server-only';
import type { Db } from '@/db/client';
import type { Viewer } from '@/lib/shared/auth/actor';
import { can } from '@/lib/shared/auth/permissions';
import type { ArticleView } from './articles';
import { readCommentModerations } from './comment-moderation';
import { readCommentSubtree, readThreadHead, readThreadPage, type ThreadPageOptions } from './thread';
import type { CommentView, ThreadResponse } from '@/lib/shared/thread/types';

export function threadPageResponse(db: Db, article: ArticleView, viewer: Viewer, options: ThreadPageOptions): ThreadResponse {
  // The head is read first: a comment posted in between then counts as new, never as already seen.
  const head = readThreadHead(db, article.id)!;
  const page = readThreadPage(db, article.id, viewerIdOf(viewer), options);
  const { comments } = withModeration(db, viewer, page.comments);
  return {
    article: { id: article.id, slug: article.slug, title: article.title, ...head },
    comments,
    nextCursor: page.nextCursor,
    readAt: new Date().toISOString(),
  };
}

export function commentBranchResponse(
  db: Db,
  article: ArticleView,
  viewer: Viewer,
  commentId: number,
  levelsBelow: number,
): ThreadResponse | null {
  const head = readThreadHead(db, article.id)!;
  const subtree = readCommentSubtree(db, article.id, viewerIdOf(viewer), commentId, levelsBelow);
  if (!subtree) return null;
  const { comments, ancestors } = withModeration(db, viewer, subtree.comments, subtree.ancestors);
  return {
    article: { id: article.id, slug: article.slug, title: article.title, ...head },
    comments,
    nextCursor: null,
    ancestors,
    readAt: new Date().toISOString(),
  };
}

function viewerIdOf(viewer: Viewer): number | null {
  return viewer.kind === 'user' ? viewer.id : null;
}

/**
 * For a viewer who may moderate (their role and ban as read from the database for this request),
 * every comment carries its moderation state, read for all of them at once; anyone else gets the
 * comments as they are, without the key.
 */
function withModeration(
  db: Db,
  viewer: Viewer,
  comments: CommentView[],
  ancestors: CommentView[] = [],
): { comments: CommentView[]; ancestors: CommentView[] } {
  if (!can(viewer, 'comment.moderate')) return { comments, ancestors };
  const moderations = readCommentModerations(db, [...ancestors, ...comments].map((comment) => comment.id));
  const attach = (comment: CommentView): CommentView => {
    const moderation = moderations.get(comment.id);
    return moderation ? { ...comment, moderation } : comment;
  };
  return { comments: comments.map(attach), ancestors: ancestors.map(attach) };
}
