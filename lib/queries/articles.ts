// Reads articles for the home page and the article page.
import 'server-only';
import type { Db } from '@/db/client';
import { prepared } from '@/db/prepared';

export type ArticleSummary = {
  id: number;
  slug: string;
  title: string;
  publishedOn: string;
  commentCount: number;
};

export type ArticleView = {
  id: number;
  slug: string;
  title: string;
  publishedOn: string;
  photoCredit: string | null;
  paragraphs: string[];
};

/** Comments a reader can find in the thread; placeholders for missing comments do not count. */
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
    `SELECT id, slug, title, published_on AS publishedOn, photo_credit AS photoCredit, body FROM articles WHERE slug = ?`,
  ).get(slug) as (Omit<ArticleView, 'paragraphs'> & { body: string }) | undefined;
  if (!row) return null;
  const { body, ...article } = row;
  return { ...article, paragraphs: body.split('\n\n') };
}

export function countArticleComments(db: Db, articleId: number): number {
  return prepared(db, `SELECT ${COMMENT_COUNT} FROM (SELECT ? AS id) AS a`).pluck().get(articleId) as number;
}
