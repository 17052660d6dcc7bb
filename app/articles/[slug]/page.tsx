import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ArticleStory } from '@/components/thread/article-story';
import { CommentList } from '@/components/thread/comment-list';
import { LoadMoreComments } from '@/components/thread/load-more-comments';
import { getDb } from '@/db/client';
import { countLabel } from '@/lib/format/count';
import { readThreadPage } from '@/lib/queries/thread';
import { buildCommentTree } from '@/lib/thread/build-tree';
import { PAGE_MAX_DEPTH } from '@/lib/thread/limits';
import { parseThreadPageQuery } from '@/lib/validation/thread-page-query';
import { loadArticle } from './load-article';

export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = loadArticle((await params).slug);
  return { title: article?.title ?? 'Article not found' };
}

export default async function ArticlePage({ params, searchParams }: Props) {
  const { slug } = await params;
  const article = loadArticle(slug);
  if (!article) notFound();
  const query = parseThreadPageQuery(toSearchParams(await searchParams, ['after']));
  if (!query.success) notFound();

  const db = getDb();
  const after = query.data.after;
  const page = readThreadPage(db, article.id, { after, maxDepth: PAGE_MAX_DEPTH });

  return (
    <>
      <ArticleStory article={article} />
      <section id="comments" className="thread" aria-labelledby="comments-heading">
        <h2 id="comments-heading">{countLabel(article.commentCount, 'comment', 'comments')}</h2>
        {after && (
          <p className="meta">
            Showing later comments. <Link href={`/articles/${article.slug}#comments`}>Back to the first comments</Link>
          </p>
        )}
        {page.comments.length === 0 ? (
          <p>{after ? 'There are no more comments.' : 'No comments yet.'}</p>
        ) : (
          <CommentList nodes={buildCommentTree(page.comments)} slug={article.slug} />
        )}
        {page.nextCursor && <LoadMoreComments slug={article.slug} after={page.nextCursor} />}
      </section>
    </>
  );
}

function toSearchParams(params: Record<string, string | string[] | undefined>, keys: string[]): URLSearchParams {
  const result = new URLSearchParams();
  for (const key of keys) {
    const value = params[key];
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) result.append(key, item);
  }
  return result;
}
