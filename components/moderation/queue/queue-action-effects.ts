// What the queue records of each action while the server decides: the log action it will write and whether it closes the reports.
import type { ModerationRequest } from '@/lib/shared/moderation/moderation-request';

export const LOG_ACTION_OF: Readonly<Record<ModerationRequest['kind'], string>> = {
  hide: 'comment_hidden',
  unhide: 'comment_unhidden',
  flag: 'comment_flagged',
  unflag: 'comment_unflagged',
  dismiss: 'reports_dismissed',
  annotate: 'annotation_added',
  removeAnnotation: 'annotation_removed',
};

/** Whether an action closes the comment's open reports. */
export const closesReports = (action: ModerationRequest) => action.kind === 'hide' || action.kind === 'dismiss';
