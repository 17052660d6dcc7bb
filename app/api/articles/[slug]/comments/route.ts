import type { NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { jsonError } from '@/lib/http/json-error';
import { findArticleBySlug } from '@/lib/queries/articles';
import { readThreadPage } from '@/lib/queries/thread';
import { parseThreadPageQuery } from '@/lib/validation/thread-page-query';

/** One page of top-level comments, each with its complete subtree, in display order. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  const query = parseThreadPageQuery(request.nextUrl.searchParams);
  if (!query.success) return jsonError(400, 'invalid_query', query.message);
  const { slug } = await params;
  const db = getDb();
  const article = findArticleBySlug(db, slug);
  if (!article) return jsonError(404, 'article_not_found', `No article has the slug "${slug}".`);
  const page = readThreadPage(db, article.id, { after: query.data.after, limit: query.data.limit });
  return Response.json(
    { article: { slug: article.slug, title: article.title }, comments: page.comments, nextCursor: page.nextCursor },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}
