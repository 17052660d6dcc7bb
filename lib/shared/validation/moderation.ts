// zod rules for moderators' actions: which comment at which version, a reason from the list, and notes within their limits.
import { z } from 'zod';
import { ANNOTATION_VISIBILITIES, HIDE_EXPLANATION_MAX, MODERATION_NOTE_MAX, MODERATION_REASONS } from '@/db/moderation-reasons';
import { commentBodySchema, commentIdSchema, optionalNoteSchema, versionSchema } from './comment-text';

/** The most comments one bulk action takes. */
export const BULK_MODERATION_MAX = 100;

const reasonSchema = z.enum(MODERATION_REASONS, { error: 'Choose a reason.' });
const internalNoteSchema = optionalNoteSchema(MODERATION_NOTE_MAX);
const explanationSchema = optionalNoteSchema(HIDE_EXPLANATION_MAX);

/** The comment a moderator acts on and the version they saw, so that a change made meanwhile is noticed. */
export const commentAtVersionSchema = z.object({ commentId: commentIdSchema, version: versionSchema });

export const flagCommentSchema = commentAtVersionSchema.extend({ reason: reasonSchema, note: internalNoteSchema });
export const unflagCommentSchema = commentAtVersionSchema.extend({ note: internalNoteSchema });
export const hideCommentSchema = commentAtVersionSchema.extend({ reason: reasonSchema, explanation: explanationSchema, note: internalNoteSchema });
export const unhideCommentSchema = commentAtVersionSchema.extend({ note: internalNoteSchema });
export const dismissReportsSchema = commentAtVersionSchema.extend({ note: internalNoteSchema });

export const annotateCommentSchema = commentAtVersionSchema.extend({
  visibility: z.enum(ANNOTATION_VISIBILITIES, { error: 'Say whether the note is internal or public.' }),
  body: commentBodySchema(MODERATION_NOTE_MAX),
});

export const removeAnnotationSchema = commentAtVersionSchema.extend({
  annotationId: z.number({ error: 'Unknown annotation.' }).int().positive({ error: 'Unknown annotation.' }),
});

const bulkItemsSchema = z
  .array(commentAtVersionSchema, { error: 'Select comments first.' })
  .min(1, { error: 'Select comments first.' })
  .max(BULK_MODERATION_MAX, { error: `Select at most ${BULK_MODERATION_MAX} comments at once.` })
  .refine((items) => new Set(items.map((item) => item.commentId)).size === items.length, { error: 'A comment is selected twice.' });

export const bulkModerationSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('flag'), items: bulkItemsSchema, reason: reasonSchema, note: internalNoteSchema }),
  z.object({ action: z.literal('hide'), items: bulkItemsSchema, reason: reasonSchema, explanation: explanationSchema, note: internalNoteSchema }),
  z.object({ action: z.literal('dismiss'), items: bulkItemsSchema, note: internalNoteSchema }),
], { error: 'Choose flag, hide or dismiss.' });
