// One moderator action on one reply as the browser asks for it, and the state it will most likely lead to, shown while the server decides.
import type { AnnotationVisibility, ModerationReason } from '@/db/moderation-reasons';
import type { AnnotationView, CommentModeration } from './types';

export type ModerationRequest =
  | { kind: 'flag'; reason: ModerationReason; note: string }
  | { kind: 'unflag' }
  | { kind: 'hide'; reason: ModerationReason; explanation: string; note: string }
  | { kind: 'unhide' }
  | { kind: 'dismiss' }
  | { kind: 'annotate'; visibility: AnnotationVisibility; body: string }
  | { kind: 'removeAnnotation'; annotationId: number };

/** A predicted note has a negative id until the server answers with the stored one; it cannot be removed yet. */
export function isPendingAnnotation(annotation: AnnotationView): boolean {
  return annotation.id < 0;
}

const optional = (text: string) => text.trim() || null;

/**
 * The state `request` leads to, by `by` (the moderator's email) at `at` (ISO), one version on, so
 * that a next action can already name the version this one makes. The server's answer replaces it.
 */
export function predictModeration(current: CommentModeration, request: ModerationRequest, by: string | null, at: string): CommentModeration {
  const next = { ...current, version: current.version + 1 };
  switch (request.kind) {
    case 'flag':
      return { ...next, flag: { reason: request.reason, note: optional(request.note), by, at } };
    case 'unflag':
      return { ...next, flag: null };
    case 'hide':
      // Hiding decides what the flag and the open reports asked about, so both go.
      return {
        ...next,
        status: 'hidden',
        hidden: { reason: request.reason, explanation: optional(request.explanation), note: optional(request.note), by, at },
        flag: null,
        openReports: 0,
      };
    case 'unhide':
      return { ...next, status: 'visible', hidden: null };
    case 'dismiss':
      return { ...next, openReports: 0 };
    case 'annotate':
      return {
        ...next,
        annotations: [...current.annotations, { id: -next.version, visibility: request.visibility, body: request.body.trim(), by, at }],
      };
    case 'removeAnnotation':
      return { ...next, annotations: current.annotations.filter((annotation) => annotation.id !== request.annotationId) };
  }
}
