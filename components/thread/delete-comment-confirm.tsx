'use client';
// Asks once before the author withdraws a comment, and says what stays: its replies.
import { useMutation } from '@tanstack/react-query';
import { errorMessageOf, unlessRefused } from '@/lib/browser/action-refused';
import { deleteCommentAction } from '@/lib/actions/comments';
import type { ThreadComment } from '@/lib/shared/thread/merge-local-comments';
import { useThreadControls } from './thread-context';

export function DeleteCommentConfirm({ comment, onClose }: { comment: ThreadComment; onClose: () => void }) {
  const thread = useThreadControls();
  const mutation = useMutation({
    mutationFn: async () => unlessRefused(await deleteCommentAction({ commentId: comment.id })).comment,
    onSuccess: (deleted) => {
      thread.remember(deleted);
      onClose();
    },
    onError: () => thread.refresh(),
  });
  return (
    <div className="comment-panel" role="group" aria-label="Delete this comment">
      <p>Delete this comment? Readers will see that you deleted it; the replies under it stay.</p>
      {mutation.error && <p className="form-message error" role="alert">{errorMessageOf(mutation.error)}</p>}
      <div className="form-buttons">
        <button type="button" className="danger" disabled={mutation.isPending} onClick={() => mutation.mutate()}>
          {mutation.isPending ? 'Deleting…' : 'Delete comment'}
        </button>
        <button type="button" className="secondary" disabled={mutation.isPending} onClick={onClose}>Keep it</button>
      </div>
    </div>
  );
}
