// In place of a comment readers no longer get: why the text is gone, and for a hidden one the moderators' reason and public explanation.
import { MODERATION_REASON_WORDS } from '@/lib/shared/vocabulary';
import type { CommentView } from '@/lib/shared/thread/types';

const ABSENT_TEXT = {
  unavailable: 'This comment is no longer available.',
  deleted: 'Deleted by its author.',
} as const;

export function CommentTombstone({ comment }: { comment: CommentView }) {
  switch (comment.status) {
    case 'visible':
      return null;
    case 'hidden':
      return (
        <div className="comment-tombstone">
          <p>Hidden by moderators — {MODERATION_REASON_WORDS[comment.hiddenReason]}</p>
          {comment.hiddenExplanation && <p className="hidden-explanation" dir="auto">{comment.hiddenExplanation}</p>}
        </div>
      );
    default:
      return (
        <div className="comment-tombstone">
          <p>{ABSENT_TEXT[comment.status]}</p>
        </div>
      );
  }
}
