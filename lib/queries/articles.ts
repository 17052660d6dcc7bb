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

export function listArticles(db: Db): ArticleSummary[] {
  return prepared(
    db,
    `SELECT id, slug, title, published_on AS publishedOn, comment_count AS commentCount
     FROM articles ORDER BY published_on DESC, id DESC`,
  ).all() as ArticleSummary[];
}

export function findArticleBySlug(db: Db, slug: string): ArticleView | null {
  const row = prepared(
    db,
    `SELECT id, slug, title, published_on AS publishedOn, comment_count AS commentCount, photo_credit AS photoCredit, body
     FROM articles WHERE slug = ?`,
  ).get(slug) as (Omit<ArticleView, 'paragraphs'> & { body: string }) | undefined;
  if (!row) return null;
  const { body, ...article } = row;
  return { ...article, paragraphs: body.split('\n\n') };
}
