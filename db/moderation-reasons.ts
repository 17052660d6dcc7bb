// Why a moderator flags or hides a comment, and who may read an annotation; free of imports so that client forms can list them.
// How each reads: lib/shared/vocabulary.ts.
export const MODERATION_REASONS = ['spam', 'harassment', 'hate', 'misinformation', 'off_topic', 'personal_information', 'other'] as const;
export type ModerationReason = (typeof MODERATION_REASONS)[number];

/** An internal annotation is for moderators only; a public one shows under the comment as "Moderator note". */
export const ANNOTATION_VISIBILITIES = ['internal', 'public'] as const;
export type AnnotationVisibility = (typeof ANNOTATION_VISIBILITIES)[number];

/** The longest public explanation of a hide, shown to readers in the tombstone. */
export const HIDE_EXPLANATION_MAX = 300;
/** The longest annotation, and the longest internal note on a flag or a hide. */
export const MODERATION_NOTE_MAX = 1000;
