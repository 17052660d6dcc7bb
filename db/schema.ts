// Table definitions. SQL names are part of the interface: other tools read this database directly.
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

export const COMMENT_STATUSES = ['visible', 'hidden', 'deleted', 'unavailable'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

/** Where a comment came from: a reader, the seed capture, or the synthetic generator. */
export const COMMENT_ORIGINS = ['reader', 'import', 'synthetic'] as const;
export type CommentOrigin = (typeof COMMENT_ORIGINS)[number];

const utcNow = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

export const articles = sqliteTable('articles', {
  id: integer('id').primaryKey(),
  slug: text('slug').notNull(),
  title: text('title').notNull(),
  photoCredit: text('photo_credit'),
  /** Paragraphs separated by a blank line. */
  body: text('body').notNull(),
  /** Site chrome captured with the article (donation appeal), kept apart from the body. */
  footer: text('footer'),
  /** ISO 8601 calendar date at the precision the source gives: `2018-12` or `2018-12-04`. */
  publishedOn: text('published_on').notNull(),
  /**
   * Comments a reader can find in the thread (placeholders for missing comments excluded), kept by
   * triggers on `comments` so that a page never counts a large thread row by row.
   */
  commentCount: integer('comment_count').notNull().default(0),
  createdAt: text('created_at').notNull().default(utcNow),
}, (t) => [
  uniqueIndex('articles_slug_unique').on(t.slug),
  check('articles_published_on_format', sql`${t.publishedOn} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]' OR ${t.publishedOn} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'`),
]);

export const comments = sqliteTable('comments', {
  id: integer('id').primaryKey(),
  articleId: integer('article_id').notNull().references(() => articles.id, { onDelete: 'restrict' }),
  parentId: integer('parent_id').references((): AnySQLiteColumn => comments.id, { onDelete: 'restrict' }),
  depth: integer('depth').notNull(),
  /**
   * Materialised path: the parent's path plus this comment's id as 12 zero-padded decimal digits.
   * Sorting an article's comments by path gives display order (depth-first, oldest sibling first),
   * and a subtree is the path range [path, path || '~').
   */
  path: text('path').notNull(),
  authorName: text('author_name').notNull(),
  body: text('body').notNull(),
  status: text('status', { enum: COMMENT_STATUSES }).notNull().default('visible'),
  origin: text('origin', { enum: COMMENT_ORIGINS }).notNull().default('reader'),
  version: integer('version').notNull().default(1),
  createdAt: text('created_at').notNull().default(utcNow),
  updatedAt: text('updated_at').notNull().default(utcNow),
}, (t) => [
  uniqueIndex('comments_article_path_idx').on(t.articleId, t.path),
  index('comments_article_depth_path_idx').on(t.articleId, t.depth, t.path),
  index('comments_parent_idx').on(t.parentId),
  check('comments_status_valid', sql`${t.status} IN ('visible', 'hidden', 'deleted', 'unavailable')`),
  check('comments_origin_valid', sql`${t.origin} IN ('reader', 'import', 'synthetic')`),
  check('comments_depth_matches_parent', sql`(${t.parentId} IS NULL) = (${t.depth} = 0)`),
  check('comments_path_matches_depth', sql`length(${t.path}) = 12 * (${t.depth} + 1) AND ${t.path} NOT GLOB '*[^0-9]*'`),
  check('comments_version_positive', sql`${t.version} >= 1`),
]);

export type Article = typeof articles.$inferSelect;
export type Comment = typeof comments.$inferSelect;
