// The shapes a thread is handed to the UI and the JSON API in: only what a reader may see.
import type { CommentStatus } from '@/db/schema';

export type CommentView = {
  id: number;
  parentId: number | null;
  depth: number;
  authorName: string;
  /** null whenever the status is not `visible`: such text never leaves the server for a reader. */
  body: string | null;
  status: CommentStatus;
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
