// Reads articles for the home page and the article page.
import 'server-only';
import type { Db } from '@/db/client';
import { prepared } from '@/db/prepared';

export type ArticleSummary = {
  id: number;
  slug: string;
  title: string;
  publishedOn: string;
  /** Comments a reader can find in the thread; placeholders for missing comments do not count. */
  commentCount: number;
};

export type ArticleView = ArticleSummary & {
  photoCredit: string | null;
  paragraphs: string[];
};

const COMMENT_COUNT = `(SELECT count(*) FROM comments AS c WHERE c.article_id = a.id AND c.status != 'unavailable')`;

export function listArticles(db: Db): ArticleSummary[] {
  return prepared(
    db,
    `SELECT a.id, a.slug, a.title, a.published_on AS publishedOn, ${COMMENT_COUNT} AS commentCount
     FROM articles AS a ORDER BY a.published_on DESC, a.id DESC`,
  ).all() as ArticleSummary[];
}

export function findArticleBySlug(db: Db, slug: string): ArticleView | null {
  const row = prepared(
    db,
    `SELECT a.id, a.slug, a.title, a.published_on AS publishedOn, a.photo_credit AS photoCredit, a.body,
            ${COMMENT_COUNT} AS commentCount
     FROM articles AS a WHERE a.slug = ?`,
  ).get(slug) as (Omit<ArticleView, 'paragraphs'> & { body: string }) | undefined;
  if (!row) return null;
  const { body, ...article } = row;
  return { ...article, paragraphs: body.split('\n\n') };
}
