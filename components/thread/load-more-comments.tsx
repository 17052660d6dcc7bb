'use client';
// Appends further pages of the thread from the JSON API; without JavaScript it is a link to the next page.
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState, useSyncExternalStore } from 'react';
import { buildCommentTree } from '@/lib/thread/build-tree';
import { PAGE_MAX_DEPTH } from '@/lib/thread/limits';
import type { ThreadPage } from '@/lib/thread/types';
import { CommentList } from './comment-list';

async function fetchThreadPage(slug: string, after: string): Promise<ThreadPage> {
  const response = await fetch(`/api/articles/${encodeURIComponent(slug)}/comments?after=${encodeURIComponent(after)}`);
  const payload = await response.json().catch(() => null);
  if (!response.ok) throw new Error(payload?.error?.message ?? `The server answered ${response.status}.`);
  return payload as ThreadPage;
}

const noSubscription = () => () => {};

export function LoadMoreComments({ slug, after }: { slug: string; after: string }) {
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const [requested, setRequested] = useState(false);
  const query = useInfiniteQuery({
    queryKey: ['thread', slug, 'after', after],
    queryFn: ({ pageParam }) => fetchThreadPage(slug, pageParam),
    initialPageParam: after,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled: requested,
    staleTime: Infinity,
  });

  const comments = query.data?.pages.flatMap((page) => page.comments) ?? [];
  const moreToLoad = !query.data || query.hasNextPage;
  const loading = query.isFetching;
  const nextAfter = query.data?.pages.at(-1)?.nextCursor ?? after;

  return (
    <>
      {comments.length > 0 && <CommentList nodes={buildCommentTree(comments, PAGE_MAX_DEPTH)} slug={slug} />}
      {query.isError && (
        <p role="alert" className="error">Could not load more comments: {query.error.message}</p>
      )}
      <div className="load-more" aria-live="polite">
        {!moreToLoad ? (
          <p className="meta">That is every comment.</p>
        ) : hydrated ? (
          <button
            type="button"
            disabled={loading}
            onClick={() => {
              if (!requested) setRequested(true);
              else if (!query.data) void query.refetch();
              else void query.fetchNextPage();
            }}
          >
            {loading ? 'Loading comments…' : query.isError ? 'Try again' : 'Load more comments'}
          </button>
        ) : (
          <a href={`/articles/${slug}?after=${nextAfter}#comments`}>Load more comments</a>
        )}
      </div>
    </>
  );
}
