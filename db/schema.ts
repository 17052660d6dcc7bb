// Table definitions. SQL names are part of the interface: other tools read this database directly.
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { ANNOTATION_VISIBILITIES, MODERATION_REASONS } from './moderation-reasons';
import { REPORT_REASONS, REPORT_RESOLUTIONS } from './report-reasons';
import { ROLES, type Role } from './roles';

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
  /** Owners close an article to new comments; reading, editing and reporting go on. */
  commentsOpen: integer('comments_open', { mode: 'boolean' }).notNull().default(true),
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
  /** The account that posted it; null for imported and synthetic comments. */
  authorId: integer('author_id').references((): AnySQLiteColumn => users.id, { onDelete: 'restrict' }),
  /** The author's display name when they posted, so a thread is read without a join. */
  authorName: text('author_name').notNull(),
  /** Kept when the author deletes or a moderator hides it: moderators still read it. */
  body: text('body').notNull(),
  status: text('status', { enum: COMMENT_STATUSES }).notNull().default('visible'),
  origin: text('origin', { enum: COMMENT_ORIGINS }).notNull().default('reader'),
  version: integer('version').notNull().default(1),
  createdAt: text('created_at').notNull().default(utcNow),
  updatedAt: text('updated_at').notNull().default(utcNow),
  /** When the author last changed the text; earlier texts are in comment_revisions. */
  editedAt: text('edited_at'),
  /** Set while a moderator has flagged the comment for attention; all four are null otherwise. */
  flagReason: text('flag_reason', { enum: MODERATION_REASONS }),
  flagNote: text('flag_note'),
  flaggedById: integer('flagged_by_id').references((): AnySQLiteColumn => users.id, { onDelete: 'restrict' }),
  flaggedAt: text('flagged_at'),
  /** Set while the status is `hidden`. The reason and the public explanation are shown to readers; the note is not. */
  hiddenReason: text('hidden_reason', { enum: MODERATION_REASONS }),
  hiddenExplanation: text('hidden_explanation'),
  hiddenNote: text('hidden_note'),
  hiddenById: integer('hidden_by_id').references((): AnySQLiteColumn => users.id, { onDelete: 'restrict' }),
  hiddenAt: text('hidden_at'),
}, (t) => [
  uniqueIndex('comments_article_path_idx').on(t.articleId, t.path),
  index('comments_article_depth_path_idx').on(t.articleId, t.depth, t.path),
  index('comments_parent_idx').on(t.parentId),
  // Posting limits and the duplicate check read an author's recent comments.
  index('comments_author_created_idx').on(t.authorId, t.createdAt),
  // The newest comment of an article, for "N new comments".
  index('comments_article_id_idx').on(t.articleId, t.id),
  // The moderation queue's tabs: flagged, hidden and new comments, newest first, on every article or one.
  index('comments_flagged_idx').on(t.flaggedAt).where(sql`flagged_at IS NOT NULL`),
  index('comments_article_flagged_idx').on(t.articleId, t.flaggedAt).where(sql`flagged_at IS NOT NULL`),
  index('comments_hidden_idx').on(t.hiddenAt).where(sql`hidden_at IS NOT NULL`),
  index('comments_article_hidden_idx').on(t.articleId, t.hiddenAt).where(sql`hidden_at IS NOT NULL`),
  index('comments_created_idx').on(t.createdAt),
  index('comments_article_created_idx').on(t.articleId, t.createdAt),
  check('comments_status_valid', sql`${t.status} IN ('visible', 'hidden', 'deleted', 'unavailable')`),
  check('comments_origin_valid', sql`${t.origin} IN ('reader', 'import', 'synthetic')`),
  check('comments_depth_matches_parent', sql`(${t.parentId} IS NULL) = (${t.depth} = 0)`),
  check('comments_path_matches_depth', sql`length(${t.path}) = 12 * (${t.depth} + 1) AND ${t.path} NOT GLOB '*[^0-9]*'`),
  check('comments_version_positive', sql`${t.version} >= 1`),
]);

export type Article = typeof articles.$inferSelect;
export type Comment = typeof comments.$inferSelect;

/** Every text a comment had before an edit replaced it, so moderators can read its history. */
export const commentRevisions = sqliteTable('comment_revisions', {
  id: integer('id').primaryKey(),
  commentId: integer('comment_id').notNull().references(() => comments.id, { onDelete: 'restrict' }),
  /** The comment's version while it had this text. */
  version: integer('version').notNull(),
  body: text('body').notNull(),
  /** When this text was posted or edited in. */
  writtenAt: text('written_at').notNull(),
  /** When an edit replaced it. */
  replacedAt: text('replaced_at').notNull(),
}, (t) => [
  uniqueIndex('comment_revisions_comment_version_unique').on(t.commentId, t.version),
]);

export type CommentRevision = typeof commentRevisions.$inferSelect;

/** A reader's report of a comment; open until a moderator resolves it. */
export const reports = sqliteTable('reports', {
  id: integer('id').primaryKey(),
  commentId: integer('comment_id').notNull().references(() => comments.id, { onDelete: 'restrict' }),
  reporterId: integer('reporter_id').notNull().references((): AnySQLiteColumn => users.id, { onDelete: 'restrict' }),
  reason: text('reason', { enum: REPORT_REASONS }).notNull(),
  note: text('note'),
  createdAt: text('created_at').notNull(),
  resolvedAt: text('resolved_at'),
  resolution: text('resolution', { enum: REPORT_RESOLUTIONS }),
  /** The moderator who resolved it, with resolved_at and resolution. */
  resolvedById: integer('resolved_by_id').references((): AnySQLiteColumn => users.id, { onDelete: 'restrict' }),
}, (t) => [
  // One open report per reader per comment; a resolved one does not stop a new report.
  uniqueIndex('reports_open_unique').on(t.commentId, t.reporterId).where(sql`resolved_at IS NULL`),
  index('reports_reporter_created_idx').on(t.reporterId, t.createdAt),
  index('reports_comment_resolved_idx').on(t.commentId, t.resolvedAt),
  // The Reported tab: comments with open reports, by their oldest open report.
  index('reports_open_created_idx').on(t.createdAt, t.commentId).where(sql`resolved_at IS NULL`),
  // The transparency summary: the reports resolved within a period.
  index('reports_resolved_idx').on(t.resolvedAt).where(sql`resolved_at IS NOT NULL`),
  check('reports_reason_valid', sql`${t.reason} IN ('spam', 'harassment', 'hate', 'misinformation', 'off_topic', 'other')`),
  check('reports_resolution_valid', sql`${t.resolution} IS NULL OR ${t.resolution} IN ('dismissed', 'hidden')`),
  check('reports_resolved_together', sql`(${t.resolvedAt} IS NULL) = (${t.resolution} IS NULL)`),
]);

export type Report = typeof reports.$inferSelect;

/** A moderator's note on one comment; removing it keeps the row and marks it removed. */
export const annotations = sqliteTable('annotations', {
  id: integer('id').primaryKey(),
  commentId: integer('comment_id').notNull().references(() => comments.id, { onDelete: 'restrict' }),
  authorId: integer('author_id').notNull().references((): AnySQLiteColumn => users.id, { onDelete: 'restrict' }),
  visibility: text('visibility', { enum: ANNOTATION_VISIBILITIES }).notNull(),
  body: text('body').notNull(),
  createdAt: text('created_at').notNull(),
  removedAt: text('removed_at'),
  removedById: integer('removed_by_id').references((): AnySQLiteColumn => users.id, { onDelete: 'restrict' }),
}, (t) => [
  index('annotations_comment_idx').on(t.commentId, t.removedAt),
  check('annotations_visibility_valid', sql`${t.visibility} IN ('internal', 'public')`),
  check('annotations_removed_together', sql`(${t.removedAt} IS NULL) = (${t.removedById} IS NULL)`),
]);

export type Annotation = typeof annotations.$inferSelect;

export { ROLES, type Role };

export const users = sqliteTable('users', {
  id: integer('id').primaryKey(),
  /** Trimmed, NFKC-normalised and lowercased before storage and lookup. */
  email: text('email').notNull(),
  displayName: text('display_name').notNull(),
  /** `scrypt$<params>$<salt>$<key>`: see lib/auth/password.ts. */
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: ROLES }).notNull().default('reader'),
  bannedAt: text('banned_at'),
  banReason: text('ban_reason'),
  /** Bumped to end every session at once: a session whose version differs is signed out. */
  sessionVersion: integer('session_version').notNull().default(1),
  createdAt: text('created_at').notNull().default(utcNow),
}, (t) => [
  uniqueIndex('users_email_unique').on(t.email),
  check('users_role_valid', sql`${t.role} IN ('reader', 'moderator', 'owner')`),
  check('users_ban_has_reason', sql`(${t.bannedAt} IS NULL) = (${t.banReason} IS NULL)`),
  check('users_session_version_positive', sql`${t.sessionVersion} >= 1`),
]);

/** Who acted in a log row: a user's role at the time, or the system (command line, migrations). */
export const ACTOR_ROLES = [...ROLES, 'system'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

/**
 * Append-only and hash-chained: triggers refuse UPDATE, DELETE and REPLACE, and refuse a row that
 * does not extend the chain (id = last id + 1, prev_hash = last hash). lib/log is the only writer.
 */
export const moderationLog = sqliteTable('moderation_log', {
  id: integer('id').primaryKey(),
  /** ISO 8601 UTC with milliseconds. */
  createdAt: text('created_at').notNull(),
  actorId: integer('actor_id').references(() => users.id, { onDelete: 'restrict' }),
  actorName: text('actor_name').notNull(),
  actorRole: text('actor_role', { enum: ACTOR_ROLES }).notNull(),
  action: text('action').notNull(),
  targetType: text('target_type'),
  targetId: integer('target_id'),
  articleId: integer('article_id').references(() => articles.id, { onDelete: 'restrict' }),
  reasonCode: text('reason_code'),
  publicNote: text('public_note'),
  internalNote: text('internal_note'),
  /** Canonical JSON of the state before and after the action. */
  previousState: text('previous_state'),
  newState: text('new_state'),
  requestId: text('request_id'),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
}, (t) => [
  uniqueIndex('moderation_log_hash_unique').on(t.hash),
  // One index per log viewer filter. A one-column index ends in the rowid, so a filter on it walks
  // newest first and takes the keyset bound (`id < ?`) or a date range's id bounds in the same search.
  index('moderation_log_actor_idx').on(t.actorId),
  index('moderation_log_actor_action_idx').on(t.actorId, t.action),
  index('moderation_log_action_idx').on(t.action),
  index('moderation_log_reason_idx').on(t.reasonCode),
  index('moderation_log_target_idx').on(t.targetType, t.targetId),
  index('moderation_log_article_idx').on(t.articleId),
  // A date range becomes an id range through this index: times never go back (see migration 0007).
  index('moderation_log_created_idx').on(t.createdAt),
  check('moderation_log_actor_role_valid', sql`${t.actorRole} IN ('reader', 'moderator', 'owner', 'system')`),
  check('moderation_log_system_has_no_actor', sql`(${t.actorRole} = 'system') = (${t.actorId} IS NULL)`),
  check('moderation_log_action_format', sql`${t.action} <> '' AND ${t.action} NOT GLOB '*[^a-z_]*'`),
  check('moderation_log_target_complete', sql`(${t.targetType} IS NULL) = (${t.targetId} IS NULL)`),
  check('moderation_log_hash_format', sql`length(${t.hash}) = 64 AND length(${t.prevHash}) = 64`),
]);

/** Failed sign-ins, kept for the rate limiter's window so that a restart does not reset it. */
export const signInFailures = sqliteTable('sign_in_failures', {
  id: integer('id').primaryKey(),
  /** The normalised email as typed, whether or not an account has it. */
  email: text('email').notNull(),
  /** The client address as the limit counts it (lib/rate-limit/client-address-key.ts): IPv4, or an IPv6 /64 such as `2001:db8:1:2::/64`. */
  clientAddress: text('client_address').notNull(),
  /** Milliseconds since the epoch. */
  failedAt: integer('failed_at').notNull(),
}, (t) => [
  index('sign_in_failures_email_idx').on(t.email, t.failedAt),
  index('sign_in_failures_address_idx').on(t.clientAddress, t.failedAt),
  index('sign_in_failures_failed_at_idx').on(t.failedAt),
]);

export type User = typeof users.$inferSelect;
export type ModerationLogRow = typeof moderationLog.$inferSelect;

/** One row per counted event of a fixed-window rate limit (sign-ups per client address, and later posts per user). */
export const rateLimitHits = sqliteTable('rate_limit_hits', {
  id: integer('id').primaryKey(),
  /** Which limit: `sign_up`, … */
  bucket: text('bucket').notNull(),
  /** Whom it counts: a client address as clientAddressKey gives it (an IPv6 address as its /64), a user id. */
  key: text('key').notNull(),
  /** Milliseconds since the epoch. */
  at: integer('at').notNull(),
}, (t) => [
  index('rate_limit_hits_bucket_key_at_idx').on(t.bucket, t.key, t.at),
  index('rate_limit_hits_bucket_at_idx').on(t.bucket, t.at),
]);
