import type { NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { getViewer } from '@/lib/auth/get-viewer';
import { ERROR_STATUS } from '@/lib/http/error-status';
import { jsonError } from '@/lib/http/json-error';
import { findArticleBySlug } from '@/lib/queries/articles';
import { commentBranchResponse } from '@/lib/queries/thread-response';
import { PAGE_MAX_DEPTH } from '@/lib/shared/thread/limits';
import { parseCommentId } from '@/lib/shared/validation/comment-id-param';

/** One comment with its replies to PAGE_MAX_DEPTH levels below it, and the comments it answers. */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const commentId = parseCommentId(id);
  if (commentId === null) return jsonError(ERROR_STATUS.INVALID_INPUT, 'invalid_comment_id', 'The comment id must be a whole number above 0.');
  const db = getDb();
  const article = findArticleBySlug(db, slug);
  if (!article) return jsonError(ERROR_STATUS.NOT_FOUND, 'article_not_found', `No article has the slug "${slug}".`);
  const viewer = await getViewer();
  const response = commentBranchResponse(db, article, viewer, commentId, PAGE_MAX_DEPTH);
  if (!response) return jsonError(ERROR_STATUS.NOT_FOUND, 'comment_not_found', `No comment ${commentId} under this article.`);
  return Response.json(response, { headers: { 'Cache-Control': 'private, no-store' } });
}
