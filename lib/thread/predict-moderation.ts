// What a moderator's action will most likely make of a comment, shown at once while the server decides; its answer replaces it.
import type { AnnotationVisibility, ModerationReason } from '@/db/moderation-reasons';
import type { CommentModeration } from '@/lib/moderation/types';

/** One action on one reply, as the thread's controls ask for it. */
export type ModerationRequest =
  | { kind: 'flag'; reason: ModerationReason; note: string }
  | { kind: 'unflag' }
  | { kind: 'hide'; reason: ModerationReason; explanation: string; note: string }
  | { kind: 'unhide' }
  | { kind: 'annotate'; visibility: AnnotationVisibility; body: string }
  | { kind: 'removeAnnotation'; annotationId: number };

/** A note not yet stored has no id: this one is never sent to the server (its Remove button waits). */
export const PENDING_ANNOTATION_ID = -1;

/** `by` is the moderator's email, `at` an ISO time; the version stays until the server answers with the new one. */
export function predictModeration(moderation: CommentModeration, request: ModerationRequest, by: string | null, at: string): CommentModeration {
  const optional = (text: string) => text.trim() || null;
  switch (request.kind) {
    case 'flag':
      return { ...moderation, flag: { reason: request.reason, note: optional(request.note), by, at } };
    case 'unflag':
      return { ...moderation, flag: null };
    case 'hide':
      // Hiding decides what the flag and the open reports asked about, so both go.
      return {
        ...moderation,
        status: 'hidden',
        hidden: { reason: request.reason, explanation: optional(request.explanation), note: optional(request.note), by, at },
        flag: null,
        openReports: 0,
      };
    case 'unhide':
      return { ...moderation, status: 'visible', hidden: null };
    case 'annotate':
      return {
        ...moderation,
        annotations: [...moderation.annotations, { id: PENDING_ANNOTATION_ID, visibility: request.visibility, body: request.body, by, at }],
      };
    case 'removeAnnotation':
      return { ...moderation, annotations: moderation.annotations.filter((annotation) => annotation.id !== request.annotationId) };
  }
}
