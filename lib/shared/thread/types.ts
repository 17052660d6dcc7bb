// The shapes a thread is handed to the UI and the JSON API in: only what a reader may see.
import type { ModerationReason } from '@/db/moderation-reasons';
import type { CommentStatus } from '@/db/schema';
import type { CommentModeration } from '@/lib/shared/moderation/types';

/**
 * A comment's text and its author's name travel only with the `visible` status; otherwise they
 * never leave the server (moderators get both inside `moderation`), and readers see a tombstone.
 * A hidden comment says why instead: the reason and the moderators' public explanation, if any.
 */
export type CommentText =
  | { status: 'visible'; body: string; authorName: string; hiddenReason: null; hiddenExplanation: null }
  | { status: 'hidden'; body: null; authorName: null; hiddenReason: ModerationReason; hiddenExplanation: string | null }
  | { status: Exclude<CommentStatus, 'visible' | 'hidden'>; body: null; authorName: null; hiddenReason: null; hiddenExplanation: null };

/** A public annotation, shown to everyone under the comment as "Moderator note", without who wrote it. */
export type PublicNote = { id: number; body: string; at: string };

export type CommentView = CommentText & {
  id: number;
  parentId: number | null;
  depth: number;
  /** true for comments brought in from a capture, whose times only keep the captured order. */
  imported: boolean;
  createdAt: string;
  /** Bumped by every edit and status change; an edit names the version it replaces. */
  version: number;
  /** When the author last edited the text, or null. */
  editedAt: string | null;
  /** The viewer wrote it (always false for anonymous viewers). */
  mine: boolean;
  /** The viewer has an open report on it. */
  reportedByMe: boolean;
  /** Every reply in this comment's branch, at any depth, including those not sent. */
  replyCount: number;
  /** Public annotations not removed, oldest first. */
  publicNotes: PublicNote[];
  /** Only for viewers who may moderate: everything about the comment's moderation. Readers never get the key. */
  moderation?: CommentModeration;
};

export type ThreadPage = {
  comments: CommentView[];
  nextCursor: string | null;
};

/** What a thread's reader needs to know about the article itself, refreshed with every page. */
export type ThreadHead = {
  commentsOpen: boolean;
  commentCount: number;
  /** The highest comment id in the article (0 for none): anything above it arrived later. */
  latestCommentId: number;
};

export type CommentNode<T extends CommentView = CommentView> = T & { replies: CommentNode<T>[] };

/** What the thread's JSON API answers: one page of comments, or one comment's branch with the comments it answers. */
export type ThreadResponse = {
  article: { id: number; slug: string; title: string } & ThreadHead;
  comments: CommentView[];
  nextCursor: string | null;
  /** Only for one comment's branch: the comments it answers, root first. */
  ancestors?: CommentView[];
  /** When the server read it (ISO 8601 UTC): the browser judges the edit window against this. */
  readAt: string;
};
