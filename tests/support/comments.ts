// Articles, comments and reports for the comment tests: the cast of users they share, an article
// with a few imported comments, rows read back under their SQL names, and a snapshot of every table
// a comment action may write (and the check that a refusal left it as it was).
import { createHash } from 'node:crypto';
import type { Db } from '@/db/client';
import type { CommentStatus } from '@/db/schema';
import { insertArticleWithThread, type NewThreadComment } from '@/lib/ops/seed/insert-article-with-thread';
import { insertUser, logRows, type LogRow } from './accounts';

/** A fixed moment for tests that inject `now`: Monday 5 January 2026, 12:00 UTC. */
export const NOW = Date.UTC(2026, 0, 5, 12);

export const SECOND = 1_000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export const iso = (ms: number) => new Date(ms).toISOString();

/** The path segment of a comment, written out here rather than taken from lib/shared/thread. */
export const segment = (id: number) => String(id).padStart(12, '0');

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The ids of the users every comment test starts with. */
export type Cast = { owner: number; moderator: number; rita: number; otto: number; una: number; banned: number; bannedOwner: number };

/**
 * Inserts the cast: Olive Owner, Mo Moderator, the readers Rita, Otto and Una, Bea Banned
 * (banned for 'Spam links') and a banned owner (banned for 'Compromised').
 */
export function insertCast(db: Db): Cast {
  return {
    owner: insertUser(db, { email: 'owner@example.com', displayName: 'Olive Owner', role: 'owner' }),
    moderator: insertUser(db, { email: 'moderator@example.com', displayName: 'Mo Moderator', role: 'moderator' }),
    rita: insertUser(db, { email: 'rita@example.com', displayName: 'Rita Reader' }),
    otto: insertUser(db, { email: 'otto@example.com', displayName: 'Otto Other' }),
    una: insertUser(db, { email: 'una@example.com', displayName: 'Una Uninvolved' }),
    banned: insertUser(db, { email: 'banned@example.com', displayName: 'Bea Banned', banReason: 'Spam links' }),
    bannedOwner: insertUser(db, { email: 'banned-owner@example.com', role: 'owner', banReason: 'Compromised' }),
  };
}

export type TestArticle = { articleId: number; commentIds: number[] };

/**
 * An article (open to comments) with `imported` imported comments, all top level unless a
 * parentIndex is given, written by "Imported Ida" with no account.
 */
export function insertArticle(
  db: Db,
  slug = 'test-article',
  imported: readonly Partial<NewThreadComment>[] = [{}, {}],
): TestArticle {
  const thread: NewThreadComment[] = imported.map((comment, index) => ({
    parentIndex: null,
    authorName: 'Imported Ida',
    body: `Imported comment ${index + 1} on ${slug}`,
    status: 'visible',
    createdAt: iso(Date.UTC(2025, 5, 1) + index * MINUTE),
    ...comment,
  }));
  const result = insertArticleWithThread(
    db,
    { slug, title: `Title of ${slug}`, photoCredit: null, paragraphs: ['One paragraph.'], footer: [], publishedOn: '2025-06-01' },
    thread,
    'import',
  );
  if (!result.created) throw new Error(`article ${slug} already exists`);
  const ids = db.$client.prepare('SELECT id FROM comments WHERE article_id = ? ORDER BY id').pluck().all(result.articleId) as number[];
  return { articleId: result.articleId, commentIds: ids };
}

/** A comments row under its SQL column names. */
export type CommentRow = {
  id: number;
  article_id: number;
  parent_id: number | null;
  depth: number;
  path: string;
  author_id: number | null;
  author_name: string;
  body: string;
  status: CommentStatus;
  origin: string;
  version: number;
  created_at: string;
  updated_at: string;
  edited_at: string | null;
  flag_reason: string | null;
  flag_note: string | null;
  flagged_by_id: number | null;
  flagged_at: string | null;
  hidden_reason: string | null;
  hidden_explanation: string | null;
  hidden_note: string | null;
  hidden_by_id: number | null;
  hidden_at: string | null;
};

/** A comment row's moderation columns while nobody has flagged or hidden it. */
export const UNMODERATED = {
  flag_reason: null,
  flag_note: null,
  flagged_by_id: null,
  flagged_at: null,
  hidden_reason: null,
  hidden_explanation: null,
  hidden_note: null,
  hidden_by_id: null,
  hidden_at: null,
} as const;

export type RevisionRow = { id: number; comment_id: number; version: number; body: string; written_at: string; replaced_at: string };

export type ReportRow = {
  id: number;
  comment_id: number;
  reporter_id: number;
  reason: string;
  note: string | null;
  created_at: string;
  resolved_at: string | null;
  resolution: string | null;
  resolved_by_id: number | null;
};

export type AnnotationRow = {
  id: number;
  comment_id: number;
  author_id: number;
  visibility: string;
  body: string;
  created_at: string;
  removed_at: string | null;
  removed_by_id: number | null;
};

export function annotationRows(db: Db): AnnotationRow[] {
  return db.$client.prepare('SELECT * FROM annotations ORDER BY id').all() as AnnotationRow[];
}

export type ArticleRow = { id: number; slug: string; comment_count: number; comments_open: number; [column: string]: unknown };

export function commentRow(db: Db, id: number): CommentRow | undefined {
  return db.$client.prepare('SELECT * FROM comments WHERE id = ?').get(id) as CommentRow | undefined;
}

export function commentRows(db: Db): CommentRow[] {
  return db.$client.prepare('SELECT * FROM comments ORDER BY id').all() as CommentRow[];
}

export function revisionRows(db: Db): RevisionRow[] {
  return db.$client.prepare('SELECT * FROM comment_revisions ORDER BY id').all() as RevisionRow[];
}

export function reportRows(db: Db): ReportRow[] {
  return db.$client.prepare('SELECT * FROM reports ORDER BY id').all() as ReportRow[];
}

export function articleRows(db: Db): ArticleRow[] {
  return db.$client.prepare('SELECT * FROM articles ORDER BY id').all() as ArticleRow[];
}

export function articleRow(db: Db, id: number): ArticleRow | undefined {
  return db.$client.prepare('SELECT * FROM articles WHERE id = ?').get(id) as ArticleRow | undefined;
}

export type CommentTables = {
  articles: ArticleRow[];
  comments: CommentRow[];
  revisions: RevisionRow[];
  reports: ReportRow[];
  annotations: AnnotationRow[];
  log: LogRow[];
};

/** Every row of every table a comment, report or article action may write, to assert that a refusal wrote nothing. */
export function commentTables(db: Db): CommentTables {
  return {
    articles: articleRows(db),
    comments: commentRows(db),
    revisions: revisionRows(db),
    reports: reportRows(db),
    annotations: annotationRows(db),
    log: logRows(db),
  };
}

/** Sets a comment's status behind lib's back, as a moderator's action (not written yet) would. */
export function setCommentStatus(db: Db, id: number, status: CommentStatus): void {
  // A hidden comment must say why and when (a trigger checks), so a hide by SQL gives both.
  const hidden = status === 'hidden' ? ['spam', '2026-01-01T00:00:00.000Z'] : [null, null];
  db.$client.prepare(`UPDATE comments SET status = ?, hidden_reason = ?, hidden_at = ?, hidden_explanation = NULL, hidden_note = NULL,
    hidden_by_id = NULL WHERE id = ?`).run(status, ...hidden, id);
}

/** Bans a user behind lib's back, so that an actor built before still says "not banned". */
export function banBySql(db: Db, userId: number, reason: string): void {
  db.$client.prepare('UPDATE users SET banned_at = ?, ban_reason = ? WHERE id = ?').run('2026-01-01T00:00:00.000Z', reason, userId);
}

/** Makes the next moderation_log insert fail, to show that the change it records rolls back. */
export function breakLogging(db: Db): void {
  db.$client.exec("CREATE TRIGGER fail_log BEFORE INSERT ON moderation_log BEGIN SELECT RAISE(ABORT, 'forced'); END;");
}
