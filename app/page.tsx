import Link from 'next/link';
import { getDb } from '@/db/client';
import { countLabel } from '@/lib/shared/format/count';
import { formatPublishedOn } from '@/lib/shared/format/date';
import { listArticles } from '@/lib/queries/articles';

export const dynamic = 'force-dynamic';

export default function HomePage() {
  const articles = listArticles(getDb());
  return (
    <>
      <h1>Articles</h1>
      {articles.length === 0 ? (
        <p>No articles yet. Run <code>npm run db:seed</code> to import the demo article.</p>
      ) : (
        <ul className="article-list">
          {articles.map((article) => (
            <li key={article.id}>
              <h2><Link href={`/articles/${article.slug}`}>{article.title}</Link></h2>
              <p className="meta">
                <time dateTime={article.publishedOn}>{formatPublishedOn(article.publishedOn)}</time>
                {' · '}
                {countLabel(article.commentCount, 'comment', 'comments')}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
