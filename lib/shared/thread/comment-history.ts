// What a reply's History panel shows a moderator: its log rows and its earlier texts, newest first. Client-safe (types only).
import type { CommentLogEntry } from '@/lib/shared/moderation/types';

/** A text an edit replaced: what the comment said while it had `version`. */
export type CommentRevisionView = { version: number; body: string; writtenAt: string; replacedAt: string };

export type CommentHistory = {
  commentId: number;
  entries: CommentLogEntry[];
  revisions: CommentRevisionView[];
};
