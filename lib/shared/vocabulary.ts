// The words people are shown for the typed codes: reasons, comment statuses, log actions, queue tabs and roles.
// The codes themselves (and their order) stay with the database's enums; this is only how they read.
import type { ModerationReason } from '@/db/moderation-reasons';
import type { ReportReason } from '@/db/report-reasons';
import type { Role } from '@/db/roles';
import type { CommentStatus } from '@/db/schema';
import type { LogAction } from '@/db/log-actions';
import type { QueueTab } from '@/lib/shared/validation/queue-query';

export const MODERATION_REASON_WORDS: Readonly<Record<ModerationReason, string>> = {
  spam: 'Spam',
  harassment: 'Harassment',
  hate: 'Hate',
  misinformation: 'Misinformation',
  off_topic: 'Off-topic',
  personal_information: 'Personal information',
  other: 'Other',
};

/** A reader's reasons are moderators' reasons, and read the same. */
export const REPORT_REASON_WORDS: Readonly<Record<ReportReason, string>> = MODERATION_REASON_WORDS;

/** A logged reason code in words; a code no longer on the list reads as itself. */
export function reasonWords(code: string): string {
  return MODERATION_REASON_WORDS[code as ModerationReason] ?? code;
}

export const COMMENT_STATUS_WORDS: Readonly<Record<CommentStatus, string>> = {
  visible: 'Visible',
  hidden: 'Hidden',
  deleted: 'Deleted by its author',
  unavailable: 'Unavailable',
};

/** Each moderation-log action as the log viewer, its filter and the transparency summary name it. */
export const LOG_ACTION_WORDS = {
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

/** An author's own changes to a reply as History and the queue cards name them (they need no "by whom"). */
export const AUTHOR_CHANGE_WORDS = {
  comment_edited: 'Edited by its author',
  comment_deleted: COMMENT_STATUS_WORDS.deleted,
} as const satisfies Partial<Record<LogAction, string>>;

export const QUEUE_TAB_WORDS: Readonly<Record<QueueTab, string>> = {
  reported: 'Reported',
  flagged: 'Flagged',
  hidden: 'Hidden',
  new: 'New',
};

/** A role as it reads in a sentence: "is now a moderator", "is already an owner". */
export const ROLE_IN_A_SENTENCE: Readonly<Record<Role, string>> = {
  reader: 'a reader',
  moderator: 'a moderator',
  owner: 'an owner',
};
