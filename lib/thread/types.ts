// The shapes a thread is handed to the UI and the JSON API in: only what a reader may see.
import type { CommentStatus } from '@/db/schema';

/** A comment's text travels only with the `visible` status; otherwise it never leaves the server. */
export type CommentText =
  | { status: 'visible'; body: string }
  | { status: Exclude<CommentStatus, 'visible'>; body: null };

export type CommentView = CommentText & {
  id: number;
  parentId: number | null;
  depth: number;
  authorName: string;
  /** true for comments brought in from a capture, whose times only keep the captured order. */
  imported: boolean;
  createdAt: string;
  /** Every reply in this comment's branch, at any depth, including those not sent. */
  replyCount: number;
};

export type ThreadPage = {
  comments: CommentView[];
  nextCursor: string | null;
};

export type CommentNode = CommentView & { replies: CommentNode[] };
