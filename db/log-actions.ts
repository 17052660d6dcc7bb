// Every action the moderation log records; free of imports so that client forms and labels can list them.
export const LOG_ACTIONS = [
  'role_changed',
  'user_banned',
  'user_unbanned',
  'sessions_revoked',
  'password_reset',
  'comment_edited',
  'comment_deleted',
  'comments_closed',
  'comments_opened',
  'comment_flagged',
  'comment_unflagged',
  'comment_hidden',
  'comment_unhidden',
  'annotation_added',
  'annotation_removed',
  'reports_dismissed',
  'log_exported',
] as const;
export type LogAction = (typeof LOG_ACTIONS)[number];
