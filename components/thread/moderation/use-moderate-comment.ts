'use client';
// A moderator's action on one reply as a mutation: the card changes at once, takes the server's answer, or goes back and says why.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { moderateCommentAction } from '@/lib/actions/moderation';
import { ActionRefused, errorMessageOf, unlessRefused } from '@/lib/browser/action-refused';
import { predictModeration, type ModerationRequest } from '@/lib/shared/moderation/verbs';
import type { CommentModeration } from '@/lib/shared/moderation/types';
import { applyModeration } from '@/lib/shared/thread/apply-moderation';
import { findThreadComment, patchThreadComment } from '@/lib/shared/thread/patch-thread-comment';
import type { CommentView, ThreadResponse } from '@/lib/shared/thread/types';
import { useThreadControls } from '../thread-context';
import { commentHistoryKey } from './fetch-comment-history';

type Sent = { request: ModerationRequest; commentId: number; version: number };

export function isConflict(error: unknown): boolean {
  return error instanceof ActionRefused && error.failure.code === 'CONFLICT';
}

/**
 * `moderation` is the state the moderator sees; every action names its version. A CONFLICT (someone
 * else changed the reply meanwhile) fetches the thread again so the card shows what is true now.
 */
export function useModerateComment(moderation: CommentModeration) {
  const thread = useThreadControls();
  const queryClient = useQueryClient();
  const commentId = moderation.commentId;
  const patch = (update: (comment: CommentView) => CommentView) =>
    queryClient.setQueryData<{ pages: ThreadResponse[] }>(thread.queryKey, (data) => data && patchThreadComment(data, commentId, update));

  const mutation = useMutation({
    mutationFn: async ({ request, commentId, version }: Sent) => unlessRefused(await moderateCommentAction({ ...request, commentId, version })).moderation,
    onMutate: async ({ request }: Sent) => {
      // A refresh landing now would put the old state back over the change being shown.
      await queryClient.cancelQueries({ queryKey: thread.queryKey });
      const before = findThreadComment(queryClient.getQueryData(thread.queryKey), commentId);
      patch((comment) => comment.moderation
        ? applyModeration(comment, predictModeration(comment.moderation, request, thread.rights.email, new Date().toISOString()))
        : comment);
      return { before };
    },
    onError: (error, _sent, context) => {
      const before = context?.before;
      if (before) patch(() => before);
      if (isConflict(error) || !(error instanceof ActionRefused)) thread.refresh();
    },
    onSuccess: (fresh) => patch((comment) => applyModeration(comment, fresh)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: commentHistoryKey(commentId) }),
  });

  return {
    /** `onSettled` runs only while the card is still there: it is for closing forms and moving focus. */
    moderate: (request: ModerationRequest, onSettled?: (error: unknown) => void) =>
      mutation.mutate({ request, commentId, version: moderation.version }, { onSettled: (_data, error) => onSettled?.(error) }),
    pending: mutation.isPending,
    error: mutation.error,
    message: mutation.error ? errorMessageOf(mutation.error) : null,
    reset: mutation.reset,
  };
}
