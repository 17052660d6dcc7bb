// Which log actions only an owner can take; their internal notes are withheld from moderators reading the log.
import type { LogAction } from '@/db/log-actions';

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
