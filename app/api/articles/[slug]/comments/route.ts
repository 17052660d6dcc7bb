import type { NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { getViewer } from '@/lib/auth/get-viewer';
import { ERROR_STATUS } from '@/lib/http/error-status';
import { jsonError } from '@/lib/http/json-error';
import { findArticleBySlug } from '@/lib/queries/articles';
import { threadPageResponse } from '@/lib/queries/thread-response';
import { parseThreadPageQuery } from '@/lib/shared/validation/thread-page-query';

/** One page of top-level comments, each with its subtree (to `depth` when given), in display order, as the caller may see them. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  const query = parseThreadPageQuery(request.nextUrl.searchParams);
  if (!query.success) return jsonError(ERROR_STATUS.INVALID_INPUT, 'invalid_query', query.message);
  const { slug } = await params;
  const db = getDb();
  const article = findArticleBySlug(db, slug);
  if (!article) return jsonError(ERROR_STATUS.NOT_FOUND, 'article_not_found', `No article has the slug "${slug}".`);
  const viewer = await getViewer();
  const response = threadPageResponse(db, article, viewer, {
    after: query.data.after,
    limit: query.data.limit,
    maxDepth: query.data.depth,
  });
  // Whose comments are "mine", which are reported and whether moderation comes along depend on the session: never cached, never shared.
  return Response.json(response, { headers: { 'Cache-Control': 'private, no-store' } });
}
