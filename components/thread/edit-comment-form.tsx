'use client';
// The author's edit, in place of the text: saved against the version they saw, so a change made elsewhere is never overwritten.
import { useMutation } from '@tanstack/react-query';
import { errorMessageOf, unlessRefused } from '@/lib/browser/action-refused';
import { editCommentAction } from '@/lib/actions/comments';
import type { ThreadComment } from '@/lib/shared/thread/merge-local-comments';
import { CommentTextForm } from './comment-text-form';
import { useThreadControls } from './thread-context';

export function EditCommentForm({ comment, onClose }: { comment: ThreadComment & { body: string }; onClose: () => void }) {
  const thread = useThreadControls();
  const mutation = useMutation({
    mutationFn: async (body: string) =>
      unlessRefused(await editCommentAction({ commentId: comment.id, version: comment.version, body })).comment,
    onSuccess: (edited) => {
      thread.remember(edited);
      onClose();
    },
    onError: () => thread.refresh(),
  });
  return (
    <CommentTextForm
      label="Edit your comment"
      submitLabel="Save"
      busyLabel="Saving…"
      maxLength={thread.maxLength}
      initialText={comment.body}
      busy={mutation.isPending}
      error={mutation.error ? errorMessageOf(mutation.error) : null}
      onSubmit={(body) => mutation.mutate(body)}
      onCancel={onClose}
      focusOnOpen
    />
  );
}
