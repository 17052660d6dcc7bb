// The thread's JSON requests from the browser: a page of the article's thread, or one comment's branch.
import { PAGE_MAX_DEPTH } from '@/lib/shared/thread/limits';
import type { ThreadResponse } from '@/lib/shared/thread/types';

/** Where a thread view's comments come from: the article's pages (from `after`), or one comment with its replies. */
export type ThreadSource = { kind: 'article'; after: string | null } | { kind: 'comment'; commentId: number };

export function threadQueryKey(slug: string, source: ThreadSource): readonly unknown[] {
  return source.kind === 'article' ? ['thread', slug, 'article', source.after ?? ''] : ['thread', slug, 'comment', source.commentId];
}

export async function fetchThread(slug: string, source: ThreadSource, after: string, signal: AbortSignal): Promise<ThreadResponse> {
  const base = `/api/articles/${encodeURIComponent(slug)}/comments`;
  const url = source.kind === 'comment'
    ? `${base}/${source.commentId}`
    : `${base}?${new URLSearchParams({ depth: String(PAGE_MAX_DEPTH), ...(after ? { after } : {}) })}`;
  const response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  const payload = await response.json().catch(() => null);
  if (!response.ok) throw new Error(payload?.error?.message ?? `The server answered ${response.status}.`);
  return payload as ThreadResponse;
}
