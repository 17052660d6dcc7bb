// Reads an article's thread one page of top-level comments at a time, in display order.
import 'server-only';
import type { Db } from '@/db/client';
import { prepared } from '@/db/prepared';
import type { CommentStatus } from '@/db/schema';
import { idsInPath, subtreeEnd } from '@/lib/thread/comment-path';
import { DEFAULT_PAGE_SIZE } from '@/lib/thread/limits';
import type { CommentText, CommentView, ThreadPage } from '@/lib/thread/types';

const NO_DEPTH_LIMIT = 1_000_000;

type CommentRow = {
  id: number;
  parentId: number | null;
  depth: number;
  path: string;
  authorName: string;
  body: string;
  status: CommentStatus;
  origin: string;
  createdAt: string;
  /** Replies below the depth limit, counted only for comments at the limit. */
  unsentReplies: number | null;
};

const COLUMNS = `c.id, c.parent_id AS parentId, c.depth, c.path, c.author_name AS authorName, c.body,
  c.status, c.origin, c.created_at AS createdAt`;

// Correlated with the outer row, so its columns are qualified by hand.
const REPLY_COUNT = `(SELECT count(*) FROM comments AS d
  WHERE d.article_id = c.article_id AND d.path > c.path AND d.path < c.path || '~')`;

const SELECT_RANGE = `
  SELECT ${COLUMNS}, CASE WHEN c.depth = :maxDepth THEN ${REPLY_COUNT} END AS unsentReplies
  FROM comments AS c
  WHERE c.article_id = :articleId AND c.path >= :from AND c.path < :to AND c.depth <= :maxDepth
  ORDER BY c.path`;

const SELECT_ANCESTORS = `
  SELECT ${COLUMNS}, ${REPLY_COUNT} AS unsentReplies
  FROM comments AS c
  WHERE c.article_id = :articleId AND c.id IN (SELECT value FROM json_each(:ids))
  ORDER BY c.path`;

const SELECT_TOP_LEVEL_PATHS = `
  SELECT path FROM comments
  WHERE article_id = :articleId AND depth = 0 AND path > :after
  ORDER BY path LIMIT :limit`;

export type ThreadPageOptions = {
  /** The path of the last top-level comment already shown; omitted for the first page. */
  after?: string;
  /** How many top-level comments, each with its replies. */
  limit?: number;
  /** Absolute depth to stop at; omitted for complete subtrees. */
  maxDepth?: number;
};

export function readThreadPage(db: Db, articleId: number, options: ThreadPageOptions = {}): ThreadPage {
  const limit = options.limit ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`page size must be a whole number above 0: ${limit}`);
  const tops = prepared(db, SELECT_TOP_LEVEL_PATHS)
    .pluck()
    .all({ articleId, after: options.after ?? '', limit: limit + 1 }) as string[];
  if (tops.length === 0) return { comments: [], nextCursor: null };

  const hasMore = tops.length > limit;
  const rows = readRange(db, articleId, tops[0]!, hasMore ? tops[limit]! : '~', options.maxDepth);
  return { comments: toViews(rows), nextCursor: hasMore ? tops[limit - 1]! : null };
}

export type CommentSubtree = { ancestors: CommentView[]; comments: CommentView[] };

/** One comment with its replies down to `levelsBelow`, and the comments it answers, root first. */
export function readCommentSubtree(db: Db, articleId: number, commentId: number, levelsBelow: number): CommentSubtree | null {
  const focus = prepared(db, 'SELECT path, depth FROM comments WHERE id = ? AND article_id = ?').get(commentId, articleId) as
    | { path: string; depth: number }
    | undefined;
  if (!focus) return null;
  const comments = toViews(readRange(db, articleId, focus.path, subtreeEnd(focus.path), focus.depth + levelsBelow));
  const ancestorIds = idsInPath(focus.path).slice(0, -1);
  const ancestors = ancestorIds.length === 0 ? [] : readAncestors(db, articleId, ancestorIds);
  return { ancestors, comments };
}

function readRange(db: Db, articleId: number, from: string, to: string, maxDepth = NO_DEPTH_LIMIT): CommentRow[] {
  return prepared(db, SELECT_RANGE).all({ articleId, from, to, maxDepth }) as CommentRow[];
}

function readAncestors(db: Db, articleId: number, ids: number[]): CommentView[] {
  const rows = prepared(db, SELECT_ANCESTORS).all({ articleId, ids: JSON.stringify(ids) }) as CommentRow[];
  return rows.map((row) => toView(row, row.unsentReplies ?? 0));
}

/** Rows arrive in display order, so each row's replies are the rows after it that are deeper. */
function toViews(rows: CommentRow[]): CommentView[] {
  const replyCounts = rows.map((row) => row.unsentReplies ?? 0);
  const open: number[] = [];
  rows.forEach((row, index) => {
    while (open.length > 0 && rows[open[open.length - 1]!]!.depth >= row.depth) open.pop();
    const weight = 1 + (row.unsentReplies ?? 0);
    for (const ancestor of open) replyCounts[ancestor]! += weight;
    open.push(index);
  });
  return rows.map((row, index) => toView(row, replyCounts[index]!));
}

function toView(row: CommentRow, replyCount: number): CommentView {
  const text: CommentText = row.status === 'visible' ? { status: 'visible', body: row.body } : { status: row.status, body: null };
  return {
    ...text,
    id: row.id,
    parentId: row.parentId,
    depth: row.depth,
    authorName: row.authorName,
    imported: row.origin === 'import',
    createdAt: row.createdAt,
    replyCount,
  };
}
