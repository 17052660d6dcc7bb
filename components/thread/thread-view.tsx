'use client';
// A thread as one TanStack query per article: refreshed on focus and every 30 s, with the viewer's own changes laid over it.
import { useInfiniteQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { useMemo, useState, useSyncExternalStore } from 'react';
import { countLabel } from '@/lib/shared/format/count';
import { buildCommentTree } from '@/lib/shared/thread/build-tree';
import { holdBackNewComments, mergeLocalComments, type ThreadComment } from '@/lib/shared/thread/merge-local-comments';
import type { ThreadRights } from '@/lib/shared/thread/thread-rights';
import type { ThreadResponse } from '@/lib/shared/thread/types';
import { CommentCard } from './comment-card';
import { CommentList } from './comment-list';
import { CommentsOpenToggle } from './comments-open-toggle';
import { fetchThread, threadQueryKey, type ThreadSource } from './fetch-thread';
import { NewCommentForm } from './new-comment-form';
import { ThreadControlsContext, type ThreadControls } from './thread-context';

const REFRESH_EVERY_MS = 30_000;
const noSubscription = () => () => {};

type Props = {
  source: ThreadSource;
  /** The server's first page, rendered into the HTML and handed to the query as its data. */
  initial: ThreadResponse;
  rights: ThreadRights;
  maxLength: number;
  /** Where "Sign in to reply" goes: sign-in, then back here. */
  signInHref: string;
};

export function ThreadView({ source, initial, rights, maxLength, signInHref }: Props) {
  const slug = initial.article.slug;
  const queryKey = useMemo(() => threadQueryKey(slug, source), [slug, source]);
  const firstParam = source.kind === 'article' ? source.after ?? '' : '';
  const queryClient = useQueryClient();
  // Coming back to a page by client navigation: the server just rendered fresher data than the
  // cache holds from the last visit, so that data replaces it (initialData only fills an empty cache).
  useState(() => {
    const cached = queryClient.getQueryState(queryKey);
    const renderedAt = Date.parse(initial.readAt);
    if (cached && cached.dataUpdatedAt < renderedAt) {
      queryClient.setQueryData(queryKey, { pages: [initial], pageParams: [firstParam] }, { updatedAt: renderedAt });
    }
  });
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam, signal }) => fetchThread(slug, source, pageParam, signal),
    initialPageParam: firstParam,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    initialData: { pages: [initial], pageParams: [firstParam] },
    initialDataUpdatedAt: Date.parse(initial.readAt),
    // The server just rendered this data; after that every return to the tab is worth a fresh look.
    staleTime: 0,
    refetchOnMount: false,
    refetchOnWindowFocus: true,
    refetchInterval: REFRESH_EVERY_MS,
  });

  const [local, setLocal] = useState<ThreadComment[]>([]);
  const [reported, setReported] = useState<ReadonlySet<number>>(new Set());
  const [baselineId, setBaselineId] = useState(initial.article.latestCommentId);

  const { refetch } = query;
  const pages = query.data.pages;
  const readAt = pages[0]!.readAt;
  const head = pages[0]!.article;
  const ancestors = pages[0]!.ancestors ?? [];
  const lastPage = pages.at(-1)!;

  const setCommentsOpen = (open: boolean) => {
    queryClient.setQueryData<InfiniteData<ThreadResponse>>(queryKey, (data) => data && {
      ...data,
      pages: data.pages.map((page) => ({ ...page, article: { ...page.article, commentsOpen: open } })),
    });
  };

  const controls = useMemo<ThreadControls>(() => ({
    articleId: head.id,
    queryKey,
    slug,
    rights,
    commentsOpen: head.commentsOpen,
    maxLength,
    now: Date.parse(readAt),
    remember: (comment) => setLocal((list) => {
      const index = list.findIndex((entry) => entry.id === comment.id);
      return index === -1 ? [...list, comment] : list.map((entry, at) => (at === index ? comment : entry));
    }),
    confirm: (pendingId, comment) => setLocal((list) => list.map((entry) => (entry.id === pendingId ? comment : entry))),
    forget: (commentId) => setLocal((list) => list.filter((entry) => entry.id !== commentId)),
    markReported: (commentId) => setReported((ids) => new Set(ids).add(commentId)),
    refresh: () => void refetch(),
  }), [head.id, queryKey, head.commentsOpen, slug, rights, maxLength, readAt, refetch]);

  const serverComments = pages.flatMap((page) => page.comments);
  const merged = mergeLocalComments(serverComments, local, source.kind === 'article' && lastPage.nextCursor === null);
  const withReports = merged.comments.map((comment) => (reported.has(comment.id) && !comment.reportedByMe ? { ...comment, reportedByMe: true } : comment));
  const { shown, heldBack } = holdBackNewComments(withReports, baselineId);
  const newestId = serverComments.reduce((newest, comment) => Math.max(newest, comment.id), head.latestCommentId);
  const serverIds = new Set(serverComments.map((comment) => comment.id));
  const addedByMe = local.filter((comment) => !comment.pending && !serverIds.has(comment.id) && comment.status !== 'deleted').length;

  return (
    <ThreadControlsContext value={controls}>
      {ancestors.length > 0 && (
        <section aria-labelledby="context-heading" className="ancestors">
          <h2 id="context-heading" className="visually-hidden">In reply to</h2>
          <ol className="ancestor-list">
            {ancestors.map((ancestor) => (
              <li key={ancestor.id}>
                <CommentCard comment={reported.has(ancestor.id) ? { ...ancestor, reportedByMe: true } : ancestor} />
              </li>
            ))}
          </ol>
        </section>
      )}
      <section id="comments" className="thread" aria-labelledby="comments-heading">
        {source.kind === 'article' ? (
          <>
            <div className="thread-header">
              <h2 id="comments-heading">{countLabel(head.commentCount + addedByMe - heldBack, 'comment', 'comments')}</h2>
              {rights.canCloseComments && <CommentsOpenToggle open={head.commentsOpen} onChanged={setCommentsOpen} />}
            </div>
            <CommentingState rights={rights} open={head.commentsOpen} signInHref={signInHref} hydrated={hydrated} offerNewComment />
          </>
        ) : (
          <>
            <h2 id="comments-heading" className="visually-hidden">This comment and its replies</h2>
            <CommentingState rights={rights} open={head.commentsOpen} signInHref={signInHref} hydrated={hydrated} offerNewComment={false} />
          </>
        )}
        {merged.unplaced.length > 0 && (
          <div className="unplaced" role="status">
            {merged.unplaced.map((comment) => (
              <div key={comment.id}>
                <p className="meta">{comment.pending ? 'Posting your comment…' : 'Your comment is posted further along the thread:'}</p>
                <CommentCard comment={comment} />
              </div>
            ))}
          </div>
        )}
        <div className="new-comments" aria-live="polite">
          {heldBack > 0 && (
            <button type="button" className="new-comments-bar" onClick={() => setBaselineId(newestId)}>
              {countLabel(heldBack, 'new comment', 'new comments')} — show
            </button>
          )}
        </div>
        {shown.length === 0 ? (
          <p>{source.kind === 'article' && source.after ? 'There are no more comments.' : 'No comments yet.'}</p>
        ) : (
          <CommentList nodes={buildCommentTree(shown)} slug={slug} focusedId={source.kind === 'comment' ? source.commentId : undefined} />
        )}
        {query.isRefetchError && (
          <p className="meta error" role="status">Could not refresh the comments: {query.error.message} Trying again shortly.</p>
        )}
        {source.kind === 'article' && lastPage.nextCursor !== null && (
          <div className="load-more" aria-live="polite">
            {query.isFetchNextPageError && (
              <p role="alert" className="error">Could not load more comments: {query.error.message}</p>
            )}
            {hydrated ? (
              <button type="button" disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
                {query.isFetchingNextPage ? 'Loading comments…' : query.isFetchNextPageError ? 'Try again' : 'Load more comments'}
              </button>
            ) : (
              <a href={`/articles/${slug}?after=${lastPage.nextCursor}#comments`}>Load more comments</a>
            )}
          </div>
        )}
        {source.kind === 'article' && lastPage.nextCursor === null && pages.length > 1 && <p className="meta">That is every comment.</p>}
      </section>
    </ThreadControlsContext>
  );
}

type CommentingStateProps = { rights: ThreadRights; open: boolean; signInHref: string; hydrated: boolean; offerNewComment: boolean };

/** The form for a new comment (on the article's pages), or in words why this viewer cannot reply. */
function CommentingState({ rights, open, signInHref, hydrated, offerNewComment }: CommentingStateProps) {
  // The form stays mounted, in the same place, while comments are closed (it shows nothing then),
  // so that a comment refused because they just closed keeps its text and the reason on screen.
  return (
    <>
      {!open && <p className="notice" role="status">Comments are closed.</p>}
      {open && !rights.signedIn && <p className="sign-in-to-reply"><a href={signInHref}>Sign in to reply</a></p>}
      {open && rights.signedIn && !rights.canPost && (
        <p className="notice">{rights.banned ? 'Your account is banned, so you cannot comment.' : 'You cannot comment.'}</p>
      )}
      {offerNewComment && rights.canPost && <NewCommentForm hydrated={hydrated} commentsOpen={open} />}
    </>
  );
}
