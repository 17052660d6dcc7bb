// The article itself: title, date, photo credit and paragraphs.
import { formatPublishedOn } from '@/lib/shared/format/date';
import type { ArticleView } from '@/lib/queries/articles';

export function ArticleStory({ article }: { article: ArticleView }) {
  return (
    <article className="story">
      <h1>{article.title}</h1>
      <p className="meta">
        <time dateTime={article.publishedOn}>{formatPublishedOn(article.publishedOn)}</time>
      </p>
      {article.photoCredit && <p className="credit">{article.photoCredit}</p>}
      {article.paragraphs.map((paragraph, index) => (
        <p key={index}>{paragraph}</p>
      ))}
    </article>
  );
}
