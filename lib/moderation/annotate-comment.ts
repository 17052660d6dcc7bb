// A moderator adds a note to a reply: internal for moderators, or public under the reply as "Moderator note".
import 'server-only';
import type { z } from 'zod';
import { annotations } from '@/db/schema';
import { annotateCommentSchema } from '@/lib/shared/validation/moderation';
import { moderationAction, verbStep } from './moderation-step';

export type AnnotateCommentInput = z.input<typeof annotateCommentSchema>;

export const annotateStep = verbStep('annotate', annotateCommentSchema, (input) => (comment, { moderator, at }) => ({
  alsoWrite: (tx) => {
    tx.insert(annotations).values({ commentId: comment.id, authorId: moderator.id, visibility: input.visibility, body: input.body, createdAt: at }).run();
  },
  publicNote: input.visibility === 'public' ? input.body : null,
  internalNote: input.visibility === 'internal' ? input.body : null,
}));

/**
 * Who: moderators and owners. Refuses a reply changed since `version` (CONFLICT) or a placeholder.
 * Writes: one annotations row; logs one `annotation_added` row carrying the note as its public or
 * internal note.
 */
export const annotateComment = moderationAction(annotateStep);
