// What the model test compares after every step: the rows the moderation state machine owns, read from the database in a fixed order.
import type { Db } from '@/db/client';
import type { AnnotationRow, CommentRow, ReportRow } from '@/tests/support/comments';

/** A comment as the model tracks it: its row without the columns no step changes, plus its open reports and revisions. */
export type CommentState = Omit<CommentRow, 'depth' | 'path' | 'author_name' | 'origin' | 'status'> & {
  status: string;
  open_reports: number;
  revisions: number;
};

export type ReportState = ReportRow;

export type AnnotationState = AnnotationRow;

export type UserState = { id: number; role: string; banned: boolean; ban_reason: string | null };

export type ArticleState = { id: number; comments_open: number; comment_count: number };

export type WorldState = {
  articles: ArticleState[];
  users: UserState[];
  comments: CommentState[];
  reports: ReportState[];
  annotations: AnnotationState[];
};

const SELECT_COMMENTS = `
  SELECT c.id, c.article_id, c.parent_id, c.author_id, c.body, c.status, c.version, c.created_at, c.updated_at, c.edited_at,
    c.flag_reason, c.flag_note, c.flagged_by_id, c.flagged_at,
    c.hidden_reason, c.hidden_explanation, c.hidden_note, c.hidden_by_id, c.hidden_at,
    (SELECT count(*) FROM reports AS r WHERE r.comment_id = c.id AND r.resolved_at IS NULL) AS open_reports,
    (SELECT count(*) FROM comment_revisions AS v WHERE v.comment_id = c.id) AS revisions
  FROM comments AS c ORDER BY c.id`;

export function observeWorld(db: Db): WorldState {
  const sqlite = db.$client;
  const users = sqlite.prepare('SELECT id, role, banned_at, ban_reason FROM users ORDER BY id').all() as
    { id: number; role: string; banned_at: string | null; ban_reason: string | null }[];
  return {
    articles: sqlite.prepare('SELECT id, comments_open, comment_count FROM articles ORDER BY id').all() as ArticleState[],
    users: users.map(({ banned_at, ...user }) => ({ id: user.id, role: user.role, banned: banned_at !== null, ban_reason: user.ban_reason })),
    comments: sqlite.prepare(SELECT_COMMENTS).all() as CommentState[],
    reports: sqlite.prepare(`SELECT id, comment_id, reporter_id, reason, note, created_at, resolved_at, resolution, resolved_by_id
      FROM reports ORDER BY id`).all() as ReportState[],
    annotations: sqlite.prepare(`SELECT id, comment_id, author_id, visibility, body, created_at, removed_at, removed_by_id
      FROM annotations ORDER BY id`).all() as AnnotationState[],
  };
}
