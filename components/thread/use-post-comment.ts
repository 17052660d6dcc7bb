'use client';
// Posting as a mutation: the comment appears at once, marked "Posting…", and is taken back with the reason if the server refuses.
import { useMutation } from '@tanstack/react-query';
import { errorMessageOf, unlessRefused } from '@/lib/browser/action-refused';
import { postCommentAction } from '@/lib/actions/comments';
import type { ThreadComment } from '@/lib/shared/thread/merge-local-comments';
import { useThreadControls } from './thread-context';

let lastPendingId = 0;

/** `parent` is the comment answered, or null for a comment on the article. `onPosted` runs once the server stored it. */
export function usePostComment(parent: ThreadComment | null, onPosted: () => void) {
  const thread = useThreadControls();
  const mutation = useMutation({
    mutationFn: async (body: string) =>
      unlessRefused(await postCommentAction({ articleId: thread.articleId, parentId: parent?.id ?? null, body })).comment,
    onMutate: (body: string) => {
      // Negative ids never collide with the database's.
      const pending: ThreadComment = {
        id: --lastPendingId,
        parentId: parent?.id ?? null,
        depth: parent ? parent.depth + 1 : 0,
        authorName: thread.rights.displayName ?? '',
        status: 'visible',
        body,
        hiddenReason: null,
        hiddenExplanation: null,
        imported: false,
        createdAt: new Date().toISOString(),
        version: 1,
        editedAt: null,
        mine: true,
        reportedByMe: false,
        replyCount: 0,
        publicNotes: [],
        pending: true,
      };
      thread.remember(pending);
      return { pendingId: pending.id };
    },
    onError: (_error, _body, context) => {
      if (context) thread.forget(context.pendingId);
      // The refusal may mean the thread changed (comments closed, the parent hidden): show it as it is.
      thread.refresh();
    },
    onSuccess: (comment, _body, context) => {
      thread.confirm(context.pendingId, comment);
      onPosted();
    },
  });
  return { post: mutation.mutate, busy: mutation.isPending, error: mutation.error ? errorMessageOf(mutation.error) : null };
}
