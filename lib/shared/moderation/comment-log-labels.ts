// How each logged change to a comment reads in words, for History, queue cards and conflict messages; free of imports for client components.
export const COMMENT_LOG_ACTION_LABELS: Readonly<Record<string, string>> = {
  comment_edited: 'Edited by its author',
  comment_deleted: 'Deleted by its author',
  comment_flagged: 'Flagged',
  comment_unflagged: 'Flag cleared',
  comment_hidden: 'Hidden',
  comment_unhidden: 'Unhidden',
  annotation_added: 'Note added',
  annotation_removed: 'Note removed',
  reports_dismissed: 'Reports dismissed',
};

/** "Hidden by mod@example.com", "Edited by its author": what happened and, for moderators' actions, who did it. */
export function describeCommentLogAction(action: string, actorName: string): string {
  const label = COMMENT_LOG_ACTION_LABELS[action] ?? action.replaceAll('_', ' ');
  return label.endsWith('by its author') ? label : `${label} by ${actorName}`;
}
