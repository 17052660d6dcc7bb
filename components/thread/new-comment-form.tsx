'use client';
// "Write a comment" under the article: the comment appears at the end of the thread at once, and the form empties once it is stored.
import { useState } from 'react';
import { CommentTextForm } from './comment-text-form';
import { useThreadControls } from './thread-context';
import { usePostComment } from './use-post-comment';

export function NewCommentForm({ hydrated, commentsOpen }: { hydrated: boolean; commentsOpen: boolean }) {
  const thread = useThreadControls();
  // A new key empties the form after a successful post; on a refusal the text stays.
  const [generation, setGeneration] = useState(0);
  const { post, busy, error } = usePostComment(null, () => setGeneration((value) => value + 1));
  if (!commentsOpen && !error) return null;
  return (
    <div className="new-comment">
      <CommentTextForm
        key={generation}
        label="Write a comment"
        submitLabel="Post comment"
        busyLabel="Posting…"
        maxLength={thread.maxLength}
        busy={busy}
        ready={hydrated}
        error={error}
        onSubmit={post}
      />
    </div>
  );
}
