// Sends one moderator action on one reply to its server action, from the thread or the queue alike.
import { annotateCommentAction } from '@/lib/actions/annotate-comment';
import { dismissReportsAction } from '@/lib/actions/dismiss-reports';
import { flagCommentAction } from '@/lib/actions/flag-comment';
import { hideCommentAction } from '@/lib/actions/hide-comment';
import { removeAnnotationAction } from '@/lib/actions/remove-annotation';
import { unflagCommentAction } from '@/lib/actions/unflag-comment';
import { unhideCommentAction } from '@/lib/actions/unhide-comment';
import type { ModerationRequest } from '../shared/moderation/moderation-request';

/** The reply and the version the moderator saw. */
export type ModerationTarget = { commentId: number; version: number };

export function sendModeration(request: ModerationRequest, target: ModerationTarget) {
  switch (request.kind) {
    case 'flag':
      return flagCommentAction({ ...target, reason: request.reason, note: request.note });
    case 'unflag':
      return unflagCommentAction(target);
    case 'hide':
      return hideCommentAction({ ...target, reason: request.reason, explanation: request.explanation, note: request.note });
    case 'unhide':
      return unhideCommentAction(target);
    case 'dismiss':
      return dismissReportsAction(target);
    case 'annotate':
      return annotateCommentAction({ ...target, visibility: request.visibility, body: request.body });
    case 'removeAnnotation':
      return removeAnnotationAction({ ...target, annotationId: request.annotationId });
  }
}
