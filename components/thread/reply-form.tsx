'use client';
// "Reply" opens this under the comment: the reply shows at once in its place, and the form closes once the server stored it.
import type { ThreadComment } from '@/lib/shared/thread/merge-local-comments';
import { CommentTextForm } from './comment-text-form';
import { useThreadControls } from './thread-context';
import { usePostComment } from './use-post-comment';

export function ReplyForm({ parent, onClose }: { parent: ThreadComment; onClose: () => void }) {
  const thread = useThreadControls();
  const { post, busy, error } = usePostComment(parent, onClose);
  // While the server answers, the reply itself stands below marked "Posting…"; the form only
  // steps aside, so that a refusal brings it back with the text and the reason.
  return (
    <div hidden={busy}>
      <CommentTextForm
        label="Your reply"
        submitLabel="Post reply"
        busyLabel="Posting…"
        maxLength={thread.maxLength}
        busy={busy}
        error={error}
        onSubmit={post}
        onCancel={onClose}
        focusOnOpen
      />
    </div>
  );
}
