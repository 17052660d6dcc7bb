import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ArticleStory } from '@/components/thread/article-story';
import { ThreadView } from '@/components/thread/thread-view';
import { getDb } from '@/db/client';
import { getViewer } from '@/lib/auth/get-viewer';
import { commentMaxLength } from '@/lib/comments/comment-max-length';
import { threadPageResponse } from '@/lib/queries/thread-response';
import { PAGE_MAX_DEPTH } from '@/lib/shared/thread/limits';
import { threadRightsOf } from '@/lib/shared/thread/thread-rights';
import { parseThreadPageQuery } from '@/lib/shared/validation/thread-page-query';
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

  const viewer = await getViewer();
  const after = query.data.after ?? null;
  const initial = threadPageResponse(getDb(), article, viewer, {
    after: after ?? undefined,
    maxDepth: PAGE_MAX_DEPTH,
  });

  return (
    <>
      <ArticleStory article={article} />
      {after && (
        <p className="meta">
          Showing later comments. <Link href={`/articles/${article.slug}#comments`}>Back to the first comments</Link>
        </p>
      )}
      <ThreadView
        source={{ kind: 'article', after }}
        initial={initial}
        rights={threadRightsOf(viewer)}
        maxLength={commentMaxLength()}
        signInHref={`/signin?${new URLSearchParams({ callbackUrl: `/articles/${article.slug}#comments` })}`}
      />
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
