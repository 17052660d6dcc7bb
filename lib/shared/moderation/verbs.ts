// Every moderation verb once: what the browser sends for it, its button, the log action it writes and
// how History names it, whether it closes the reply's open reports, whether the queue offers it in bulk,
// and the state the browser shows while the server decides. The thread, the queue, the log's words and
// the server's step registry (lib/moderation/steps.ts) all read this table.
import type { AnnotationVisibility, ModerationReason } from '@/db/moderation-reasons';
import type { LogAction } from '@/db/log-actions';
import type { ReportResolution } from '@/db/report-reasons';
import { AUTHOR_CHANGE_WORDS, LOG_ACTION_WORDS } from '../vocabulary';
import type { AnnotationView, CommentModeration, DoneBy } from './types';

/** One moderator action on one reply as the browser asks for it. */
export type ModerationRequest =
  | { kind: 'flag'; reason: ModerationReason; note: string }
  | { kind: 'unflag' }
  | { kind: 'hide'; reason: ModerationReason; explanation: string; note: string }
  | { kind: 'unhide' }
  | { kind: 'dismiss' }
  | { kind: 'annotate'; visibility: AnnotationVisibility; body: string }
  | { kind: 'removeAnnotation'; annotationId: number };

export type ModerationVerbKind = ModerationRequest['kind'];
export type ModerationRequestOf<K extends ModerationVerbKind> = Extract<ModerationRequest, { kind: K }>;

/** The reply and the version the moderator saw, so that a change made meanwhile is noticed. */
export type ModerationTarget = { commentId: number; version: number };
/** What moderateCommentAction takes: the verb with its fields, and its target. */
export type TargetedModerationRequest = ModerationRequest & ModerationTarget;

type Verb<K extends ModerationVerbKind> = {
  /** The button that asks for it, in the thread and the queue. */
  label: string;
  /** The moderation_log action a success appends. */
  logAction: LogAction;
  /** How History and the queue cards name the logged change: "Hidden" (by mod@…). */
  done: string;
  /** How it resolves every open report on the reply, or null when it leaves them open. */
  closesReports: ReportResolution | null;
  /** The queue's bulk button and its refusal when every selected reply is already so; null when bulk does not offer it. */
  bulk: { label: string; alreadyDone: string } | null;
  /** The state it most likely leads to from `next` (the current state, one version on), done as `done`. */
  predict: (next: CommentModeration, request: ModerationRequestOf<K>, done: DoneBy) => CommentModeration;
};

const optional = (text: string) => text.trim() || null;

export const MODERATION_VERBS = {
  flag: {
    label: 'Flag',
    logAction: 'comment_flagged',
    done: 'Flagged',
    closesReports: null,
    bulk: { label: 'Flag selected', alreadyDone: 'Every selected reply is already flagged.' },
    predict: (next, request, done) => ({ ...next, flag: { reason: request.reason, note: optional(request.note), ...done } }),
  },
  unflag: {
    label: 'Clear flag',
    logAction: 'comment_unflagged',
    done: LOG_ACTION_WORDS.comment_unflagged,
    closesReports: null,
    bulk: null,
    predict: (next) => ({ ...next, flag: null }),
  },
  hide: {
    label: 'Hide',
    logAction: 'comment_hidden',
    done: 'Hidden',
    // Hiding decides what the flag and the open reports asked about, so both go.
    closesReports: 'hidden',
    bulk: { label: 'Hide selected', alreadyDone: 'Every selected reply is already hidden.' },
    predict: (next, request, done) => ({
      ...next,
      status: 'hidden',
      hidden: { reason: request.reason, explanation: optional(request.explanation), note: optional(request.note), ...done },
      flag: null,
    }),
  },
  unhide: {
    label: 'Unhide',
    logAction: 'comment_unhidden',
    done: 'Unhidden',
    closesReports: null,
    bulk: null,
    predict: (next) => ({ ...next, status: 'visible', hidden: null }),
  },
  dismiss: {
    label: 'Dismiss reports',
    logAction: 'reports_dismissed',
    done: LOG_ACTION_WORDS.reports_dismissed,
    closesReports: 'dismissed',
    bulk: { label: 'Dismiss reports on selected', alreadyDone: 'None of the selected replies has open reports.' },
    predict: (next) => next,
  },
  annotate: {
    label: 'Annotate',
    logAction: 'annotation_added',
    done: LOG_ACTION_WORDS.annotation_added,
    closesReports: null,
    bulk: null,
    // The note's id is negative until the server answers with the stored one (isPendingAnnotation).
    predict: (next, request, done) => ({
      ...next,
      annotations: [...next.annotations, { id: -next.version, visibility: request.visibility, body: request.body.trim(), ...done }],
    }),
  },
  removeAnnotation: {
    label: 'Remove note',
    logAction: 'annotation_removed',
    done: LOG_ACTION_WORDS.annotation_removed,
    closesReports: null,
    bulk: null,
    predict: (next, request) => ({ ...next, annotations: next.annotations.filter((annotation) => annotation.id !== request.annotationId) }),
  },
} as const satisfies { [K in ModerationVerbKind]: Verb<K> };

/** The verbs the queue offers on several replies at once: those whose entry has `bulk`. */
export type BulkVerbKind = { [K in ModerationVerbKind]: (typeof MODERATION_VERBS)[K]['bulk'] extends null ? never : K }[ModerationVerbKind];

/** A predicted note cannot be removed yet: it has no stored id. */
export function isPendingAnnotation(annotation: AnnotationView): boolean {
  return annotation.id < 0;
}

/**
 * The state `request` leads to, by `by` (the moderator's email) at `at` (ISO), one version on, so
 * that a next action can already name the version this one makes. The server's answer replaces it.
 */
export function predictModeration(current: CommentModeration, request: ModerationRequest, by: string | null, at: string): CommentModeration {
  const verb = MODERATION_VERBS[request.kind] as Verb<typeof request.kind>;
  const predicted = verb.predict({ ...current, version: current.version + 1 }, request, { by, at });
  // The server closes the open reports for such a verb (applyStep), so the prediction does too.
  return verb.closesReports === null ? predicted : { ...predicted, openReports: 0 };
}

const VERB_BY_LOG_ACTION: ReadonlyMap<string, Verb<ModerationVerbKind>> = new Map(
  Object.values(MODERATION_VERBS).map((verb) => [verb.logAction, verb as Verb<ModerationVerbKind>]),
);

/** A logged change to a reply as History names it: "Hidden", "Edited by its author". */
export function commentChangeWords(action: string): string {
  return VERB_BY_LOG_ACTION.get(action)?.done
    ?? (AUTHOR_CHANGE_WORDS as Readonly<Record<string, string>>)[action]
    ?? action.replaceAll('_', ' ');
}

/** "Hidden by mod@example.com", "Edited by its author": what happened and, for moderators' actions, who did it. */
export function describeCommentChange(action: string, actorName: string): string {
  const words = commentChangeWords(action);
  return action in AUTHOR_CHANGE_WORDS ? words : `${words} by ${actorName}`;
}
