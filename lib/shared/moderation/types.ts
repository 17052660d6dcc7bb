// What moderators are shown about a comment beyond what readers see; never sent to anyone else.
import type { CommentStatus } from '@/db/schema';
import type { AnnotationVisibility, ModerationReason } from '@/db/moderation-reasons';

/** Who did something and when: the moderator's email (as the log records them) and an ISO 8601 UTC time. */
export type DoneBy = { by: string | null; at: string };

export type FlagState = DoneBy & { reason: ModerationReason; note: string | null };

export type HiddenState = DoneBy & { reason: ModerationReason; explanation: string | null; note: string | null };

export type AnnotationView = DoneBy & { id: number; visibility: AnnotationVisibility; body: string };

/** A comment's moderation state as of `version`; every moderation action answers with the fresh one. */
export type CommentModeration = {
  commentId: number;
  articleId: number;
  version: number;
  status: CommentStatus;
  /** The text whatever the status, for moderators to judge. */
  body: string;
  authorId: number | null;
  authorName: string;
  flag: FlagState | null;
  hidden: HiddenState | null;
  openReports: number;
  /** Annotations not removed, oldest first, internal and public. */
  annotations: AnnotationView[];
};

/** One moderation-log row about a comment, as History and the queue show it. */
export type CommentLogEntry = {
  id: number;
  at: string;
  actorName: string;
  actorRole: string;
  action: string;
  reasonCode: string | null;
  publicNote: string | null;
  internalNote: string | null;
  previousState: Record<string, unknown> | null;
  newState: Record<string, unknown> | null;
};
