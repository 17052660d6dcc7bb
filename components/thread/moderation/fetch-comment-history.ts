// A reply's History as the browser asks for it: the moderators' JSON endpoint, with its refusal in words.
import type { CommentHistory } from '@/lib/shared/thread/comment-history';

export function commentHistoryKey(commentId: number): readonly unknown[] {
  return ['comment-history', commentId];
}

export async function fetchCommentHistory(commentId: number, signal: AbortSignal): Promise<CommentHistory> {
  const response = await fetch(`/api/moderation/comments/${commentId}/history`, { signal, headers: { Accept: 'application/json' } });
  const payload = await response.json().catch(() => null);
  if (!response.ok) throw new Error(payload?.error?.message ?? `The server answered ${response.status}.`);
  return payload as CommentHistory;
}
