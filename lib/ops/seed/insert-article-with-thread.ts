// Writes an article and its whole thread in one transaction: the single bulk path for seeds.
import 'server-only';
import type { Db } from '@/db/client';
import type { CommentOrigin, CommentStatus } from '@/db/schema';
import { childPath } from '@/lib/shared/thread/comment-path';

export type NewArticle = {
  slug: string;
  title: string;
  photoCredit: string | null;
  paragraphs: string[];
  footer: string[];
  publishedOn: string;
};

export type NewThreadComment = {
  /** Index of the parent within the same list; parents come before their replies. */
  parentIndex: number | null;
  authorName: string;
  body: string;
  status: Extract<CommentStatus, 'visible' | 'unavailable'>;
  createdAt: string;
};

export type InsertArticleResult = { articleId: number; created: boolean; comments: number };

/**
 * Inserts the article and its comments unless an article with that slug already exists, in which
 * case nothing is written (so seeding twice changes nothing). Comment ids are taken in list order,
 * which keeps siblings in list order in the thread.
 */
export function insertArticleWithThread(
  db: Db,
  article: NewArticle,
  thread: readonly NewThreadComment[],
  origin: CommentOrigin,
): InsertArticleResult {
  const sqlite = db.$client;
  const run = sqlite.transaction((): InsertArticleResult => {
    const existing = sqlite.prepare('SELECT id FROM articles WHERE slug = ?').get(article.slug) as { id: number } | undefined;
    if (existing) return { articleId: existing.id, created: false, comments: 0 };

    const { id: articleId } = sqlite
      .prepare(
        `INSERT INTO articles (slug, title, photo_credit, body, footer, published_on)
         VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
      )
      .get(
        article.slug,
        article.title,
        article.photoCredit,
        article.paragraphs.join('\n\n'),
        article.footer.length > 0 ? article.footer.join('\n') : null,
        article.publishedOn,
      ) as { id: number };

    const { maxId } = sqlite.prepare('SELECT coalesce(max(id), 0) AS maxId FROM comments').get() as { maxId: number };
    const insert = sqlite.prepare(
      `INSERT INTO comments (id, article_id, parent_id, depth, path, author_name, body, status, origin, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const placed: { id: number; path: string; depth: number }[] = [];
    thread.forEach((comment, index) => {
      const id = maxId + index + 1;
      const parent = comment.parentIndex === null ? undefined : placed[comment.parentIndex];
      if (comment.parentIndex !== null && !parent) {
        throw new Error(`comment ${index}: its parent ${comment.parentIndex} does not come before it`);
      }
      const path = childPath(parent?.path ?? null, id);
      const depth = parent ? parent.depth + 1 : 0;
      insert.run(id, articleId, parent?.id ?? null, depth, path, comment.authorName, comment.body, comment.status, origin, comment.createdAt, comment.createdAt);
      placed.push({ id, path, depth });
    });
    return { articleId, created: true, comments: thread.length };
  });
  return run.immediate();
}
