// What each moderation action will make of a comment, for the optimistic update (the server's answer replaces it).
import type { AnnotationVisibility, ModerationReason } from '@/db/moderation-reasons';
import type { CommentModeration } from '@/lib/moderation/types';

export type QueueAction =
  | { kind: 'hide'; reason: ModerationReason; explanation: string; note: string }
  | { kind: 'unhide' }
  | { kind: 'flag'; reason: ModerationReason; note: string }
  | { kind: 'unflag' }
  | { kind: 'dismiss' }
  | { kind: 'annotate'; visibility: AnnotationVisibility; body: string };

export const LOG_ACTION_OF: Readonly<Record<QueueAction['kind'], string>> = {
  hide: 'comment_hidden',
  unhide: 'comment_unhidden',
  flag: 'comment_flagged',
  unflag: 'comment_unflagged',
  dismiss: 'reports_dismissed',
  annotate: 'annotation_added',
};

const orNull = (text: string) => text.trim() || null;

/** The state `action` leads to, by `by` at `at` (ISO), one version on. */
export function predictModeration(current: CommentModeration, action: QueueAction, by: string, at: string): CommentModeration {
  const next = { ...current, version: current.version + 1 };
  switch (action.kind) {
    case 'hide':
      return { ...next, status: 'hidden', flag: null, openReports: 0, hidden: { reason: action.reason, explanation: orNull(action.explanation), note: orNull(action.note), by, at } };
    case 'unhide':
      return { ...next, status: 'visible', hidden: null };
    case 'flag':
      return { ...next, flag: { reason: action.reason, note: orNull(action.note), by, at } };
    case 'unflag':
      return { ...next, flag: null };
    case 'dismiss':
      return { ...next, openReports: 0 };
    case 'annotate':
      return { ...next, annotations: [...current.annotations, { id: -next.version, visibility: action.visibility, body: action.body.trim(), by, at }] };
  }
}

/** Whether an action closes the comment's open reports. */
export const closesReports = (action: QueueAction) => action.kind === 'hide' || action.kind === 'dismiss';
