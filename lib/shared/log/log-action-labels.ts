// Every log action in words, and which actions only an owner can take; free of runtime imports for client components.
import type { LogAction } from '@/db/log-actions';

export const LOG_ACTION_LABELS = {
  role_changed: 'Role changed',
  user_banned: 'User banned',
  user_unbanned: 'User unbanned',
  sessions_revoked: 'Sessions revoked',
  password_reset: 'Password reset',
  comment_edited: 'Comment edited',
  comment_deleted: 'Comment deleted',
  comments_closed: 'Comments closed',
  comments_opened: 'Comments opened',
  comment_flagged: 'Comment flagged',
  comment_unflagged: 'Flag cleared',
  comment_hidden: 'Comment hidden',
  comment_unhidden: 'Comment unhidden',
  annotation_added: 'Note added',
  annotation_removed: 'Note removed',
  reports_dismissed: 'Reports dismissed',
  log_exported: 'Log exported',
} as const satisfies Record<LogAction, string>;

/**
 * Actions that need an owner's permission (users, articles, exports). Their internal notes are the
 * owner's business: moderators reading the log see that such a note exists, never its text.
 */
export const OWNER_ONLY_LOG_ACTIONS = [
  'role_changed',
  'user_banned',
  'user_unbanned',
  'sessions_revoked',
  'password_reset',
  'comments_closed',
  'comments_opened',
  'log_exported',
] as const satisfies readonly LogAction[];

export function isOwnerOnlyLogAction(action: string): boolean {
  return (OWNER_ONLY_LOG_ACTIONS as readonly string[]).includes(action);
}
