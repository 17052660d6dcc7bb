'use client';
// An owner's switch for new comments on this article, with the outcome in words.
import { useMutation } from '@tanstack/react-query';
import { errorMessageOf, unlessRefused } from '@/lib/browser/action-refused';
import { setCommentsOpenAction } from '@/lib/actions/moderation';
import { useThreadControls } from './thread-context';

export function CommentsOpenToggle({ open, onChanged }: { open: boolean; onChanged: (open: boolean) => void }) {
  const thread = useThreadControls();
  const mutation = useMutation({
    mutationFn: async (next: boolean) => unlessRefused(await setCommentsOpenAction({ articleId: thread.articleId, open: next })).commentsOpen,
    onSuccess: onChanged,
    onError: () => thread.refresh(),
  });
  return (
    <div className="comments-open-toggle">
      <button type="button" disabled={mutation.isPending} onClick={() => mutation.mutate(!open)}>
        {open ? 'Close comments' : 'Reopen comments'}
      </button>
      <span role="status" className={mutation.isError ? 'error' : 'meta'}>
        {mutation.isError ? errorMessageOf(mutation.error) : mutation.isSuccess ? (mutation.data ? 'Comments are open again.' : 'Comments are now closed.') : ''}
      </span>
    </div>
  );
}
