// A moderator removes a note from a reply; the row stays, marked removed, and the removal is logged.
import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { annotations } from '@/db/schema';
import { fail } from '@/lib/shared/result';
import { removeAnnotationSchema } from '@/lib/shared/validation/moderation';
import { moderationAction, verbStep } from './moderation-step';

export type RemoveAnnotationInput = z.input<typeof removeAnnotationSchema>;

export const removeAnnotationStep = verbStep('removeAnnotation', removeAnnotationSchema, (input) => (comment, { tx, moderator, at }) => {
  const onThisReply = and(eq(annotations.id, input.annotationId), eq(annotations.commentId, comment.id));
  const note = tx.select().from(annotations).where(onThisReply).get();
  if (!note) return fail('NOT_FOUND', 'That note is not on this reply.');
  if (note.removedAt !== null) return fail('NO_CHANGE', 'This note was already removed.');
  return {
    alsoWrite: (write) => {
      write.update(annotations).set({ removedAt: at, removedById: moderator.id }).where(onThisReply).run();
    },
    publicNote: note.visibility === 'public' ? note.body : null,
    internalNote: note.visibility === 'internal' ? note.body : null,
  };
});

/**
 * Who: moderators and owners. Refuses a reply changed since `version` (CONFLICT), a note that is
 * not on this reply (NOT_FOUND) or already removed (NO_CHANGE). Writes: removed_at and removed_by
 * on the note; logs one `annotation_removed` row carrying the removed text.
 */
export const removeAnnotation = moderationAction(removeAnnotationStep);
