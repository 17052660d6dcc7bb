'use client';
// What every comment's controls share: the article, the viewer's rights and the thread's local changes.
import { createContext, useContext } from 'react';
import type { ThreadComment } from '@/lib/shared/thread/merge-local-comments';
import type { ThreadRights } from '@/lib/shared/thread/thread-rights';

export type ThreadControls = {
  articleId: number;
  /** The thread's TanStack query, whose cached pages moderators' actions patch in place. */
  queryKey: readonly unknown[];
  slug: string;
  rights: ThreadRights;
  commentsOpen: boolean;
  maxLength: number;
  /** When the thread was last fetched: the edit window is judged against it, identically on server and browser. */
  now: number;
  /** Adds or updates one of the viewer's own comments until the server sends it back. */
  remember: (comment: ThreadComment) => void;
  /** Swaps a pending comment for the one the server stored. */
  confirm: (pendingId: number, comment: ThreadComment) => void;
  forget: (commentId: number) => void;
  markReported: (commentId: number) => void;
  /** Fetches the thread again, after the server said it changed. */
  refresh: () => void;
};

export const ThreadControlsContext = createContext<ThreadControls | null>(null);

export function useThreadControls(): ThreadControls {
  const controls = useContext(ThreadControlsContext);
  if (!controls) throw new Error('useThreadControls must be used inside a thread');
  return controls;
}
