// Reads an article's thread one page of top-level comments at a time, in display order.
import 'server-only';
import type { Db, Tx } from '@/db/client';
import { prepared } from '@/db/prepared';
import type { ModerationReason } from '@/db/moderation-reasons';
import type { CommentStatus } from '@/db/schema';
import { idsInPath, subtreeEnd } from '@/lib/shared/thread/comment-path';
import { DEFAULT_PAGE_SIZE } from '@/lib/shared/thread/limits';
import type { CommentText, CommentView, PublicNote, ThreadHead, ThreadPage } from '@/lib/shared/thread/types';

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
  version: number;
  editedAt: string | null;
  mine: 0 | 1 | null;
  reportedByMe: 0 | 1;
  /** Null unless the status is 'hidden'. */
  hiddenReason: ModerationReason | null;
  hiddenExplanation: string | null;
  /** A JSON array of PublicNote, or null when there is none. */
  publicNotes: string | null;
  /** Replies below the depth limit, counted only for comments at the limit. */
  unsentReplies: number | null;
};

// :viewerId is 0 for anonymous viewers, which no account has. The subqueries are correlated with
// the outer row, so its columns are qualified by hand. Public notes are rare: the EXISTS is one probe
// of annotations_comment_idx per row, and only a comment that has one pays for building the list.
const COLUMNS = `c.id, c.parent_id AS parentId, c.depth, c.path, c.author_name AS authorName, c.body,
  c.status, c.origin, c.created_at AS createdAt, c.version, c.edited_at AS editedAt,
  c.author_id = :viewerId AS mine,
  EXISTS (SELECT 1 FROM reports AS r
    WHERE r.comment_id = c.id AND r.reporter_id = :viewerId AND r.resolved_at IS NULL) AS reportedByMe,
  CASE WHEN c.status = 'hidden' THEN c.hidden_reason END AS hiddenReason,
  CASE WHEN c.status = 'hidden' THEN c.hidden_explanation END AS hiddenExplanation,
  CASE WHEN EXISTS (SELECT 1 FROM annotations AS a
    WHERE a.comment_id = c.id AND a.removed_at IS NULL AND a.visibility = 'public')
  THEN (SELECT json_group_array(json_object('id', n.id, 'body', n.body, 'at', n.created_at) ORDER BY n.id)
    FROM annotations AS n WHERE n.comment_id = c.id AND n.removed_at IS NULL AND n.visibility = 'public')
  END AS publicNotes`;

const REPLY_COUNT = `(SELECT count(*) FROM comments AS d
  WHERE d.article_id = c.article_id AND d.path > c.path AND d.path < c.path || '~')`;

const SELECT_RANGE = `
  SELECT ${COLUMNS}, CASE WHEN c.depth = :maxDepth THEN ${REPLY_COUNT} END AS unsentReplies
  FROM comments AS c
  WHERE c.article_id = :articleId AND c.path >= :from AND c.path < :to AND c.depth <= :maxDepth
  ORDER BY c.path`;

// The unary + keeps SQLite from walking the article's whole path index to skip a sort of a few rows:
// a post's answer read one comment out of 10,000 that way (0.37 ms; now a primary-key probe, 6 µs).
const SELECT_BY_IDS = `
  SELECT ${COLUMNS}, ${REPLY_COUNT} AS unsentReplies
  FROM comments AS c
  WHERE +c.article_id = :articleId AND c.id IN (SELECT value FROM json_each(:ids))
  ORDER BY c.path`;

const SELECT_TOP_LEVEL_PATHS = `
  SELECT path FROM comments
  WHERE article_id = :articleId AND depth = 0 AND path > :after
  ORDER BY path LIMIT :limit`;

const SELECT_HEAD = `
  SELECT comments_open AS commentsOpen, comment_count AS commentCount,
    (SELECT coalesce(max(id), 0) FROM comments WHERE article_id = :articleId) AS latestCommentId
  FROM articles WHERE id = :articleId`;

export function readThreadHead(db: Db, articleId: number): ThreadHead | null {
  const row = prepared(db, SELECT_HEAD).get({ articleId }) as (Omit<ThreadHead, 'commentsOpen'> & { commentsOpen: 0 | 1 }) | undefined;
  return row ? { ...row, commentsOpen: row.commentsOpen === 1 } : null;
}

/** Whose thread it is: the signed-in account's id, or null for an anonymous visitor. */
export type ViewerId = number | null;

export type ThreadPageOptions = {
  /** The path of the last top-level comment already shown; omitted for the first page. */
  after?: string;
  /** How many top-level comments, each with its replies. */
  limit?: number;
  /** Absolute depth to stop at; omitted for complete subtrees. */
  maxDepth?: number;
};

export function readThreadPage(db: Db, articleId: number, viewerId: ViewerId, options: ThreadPageOptions = {}): ThreadPage {
  const limit = options.limit ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`page size must be a whole number above 0: ${limit}`);
  const tops = prepared(db, SELECT_TOP_LEVEL_PATHS)
    .pluck()
    .all({ articleId, after: options.after ?? '', limit: limit + 1 }) as string[];
  if (tops.length === 0) return { comments: [], nextCursor: null };

  const hasMore = tops.length > limit;
  const rows = readRange(db, articleId, viewerId, tops[0]!, hasMore ? tops[limit]! : '~', options.maxDepth);
  return { comments: toViews(rows), nextCursor: hasMore ? tops[limit - 1]! : null };
}

export type CommentSubtree = { ancestors: CommentView[]; comments: CommentView[] };

/** One comment with its replies down to `levelsBelow`, and the comments it answers, root first. */
export function readCommentSubtree(
  db: Db,
  articleId: number,
  viewerId: ViewerId,
  commentId: number,
  levelsBelow: number,
): CommentSubtree | null {
  const focus = prepared(db, 'SELECT path, depth FROM comments WHERE id = ? AND article_id = ?').get(commentId, articleId) as
    | { path: string; depth: number }
    | undefined;
  if (!focus) return null;
  const comments = toViews(readRange(db, articleId, viewerId, focus.path, subtreeEnd(focus.path), focus.depth + levelsBelow));
  const ancestorIds = idsInPath(focus.path).slice(0, -1);
  const ancestors = ancestorIds.length === 0 ? [] : readByIds(db, articleId, viewerId, ancestorIds);
  return { ancestors, comments };
}

/** One comment as `viewerId` sees it, with its whole branch counted; for answering a change to it. */
export function readCommentView(db: Db | Tx, articleId: number, viewerId: ViewerId, commentId: number): CommentView | null {
  return readByIds(db, articleId, viewerId, [commentId])[0] ?? null;
}

function readRange(db: Db, articleId: number, viewerId: ViewerId, from: string, to: string, maxDepth = NO_DEPTH_LIMIT): CommentRow[] {
  return prepared(db, SELECT_RANGE).all({ articleId, viewerId: viewerId ?? 0, from, to, maxDepth }) as CommentRow[];
}

function readByIds(db: Db | Tx, articleId: number, viewerId: ViewerId, ids: number[]): CommentView[] {
  const rows = prepared(db, SELECT_BY_IDS).all({ articleId, viewerId: viewerId ?? 0, ids: JSON.stringify(ids) }) as CommentRow[];
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

function textOf(row: CommentRow): CommentText {
  switch (row.status) {
    case 'visible':
      return { status: 'visible', body: row.body, authorName: row.authorName, hiddenReason: null, hiddenExplanation: null };
    case 'hidden':
      // A trigger keeps hidden_reason set while the status is hidden.
      return { status: 'hidden', body: null, authorName: null, hiddenReason: row.hiddenReason!, hiddenExplanation: row.hiddenExplanation };
    default:
      return { status: row.status, body: null, authorName: null, hiddenReason: null, hiddenExplanation: null };
  }
}

function toView(row: CommentRow, replyCount: number): CommentView {
  const text = textOf(row);
  return {
    ...text,
    id: row.id,
    parentId: row.parentId,
    depth: row.depth,
    imported: row.origin === 'import',
    createdAt: row.createdAt,
    version: row.version,
    editedAt: row.editedAt,
    mine: row.mine === 1,
    reportedByMe: row.reportedByMe === 1,
    replyCount,
    publicNotes: row.publicNotes === null ? [] : (JSON.parse(row.publicNotes) as PublicNote[]),
  };
}
