// One comment as a reader sees it: who, when, a permalink, and its text or why the text is gone.
import { formatCommentTime, formatImportedCommentTime } from '@/lib/format/date';
import type { CommentView } from '@/lib/thread/types';
import { CommentBody } from './comment-body';

const ABSENT_TEXT: Record<Exclude<CommentView['status'], 'visible'>, string> = {
  unavailable: 'This comment is no longer available.',
  hidden: 'Hidden by moderators.',
  deleted: 'Deleted by its author.',
};

export function commentPermalink(slug: string, commentId: number): string {
  return `/articles/${slug}/comments/${commentId}`;
}

export function CommentCard({ comment, slug, focused = false }: { comment: CommentView; slug: string; focused?: boolean }) {
  const absent = comment.status !== 'visible';
  return (
    <article
      id={`comment-${comment.id}`}
      className={`comment${absent ? ' comment-absent' : ''}${focused ? ' comment-focused' : ''}`}
      aria-label={absent ? 'Comment not shown' : `Comment by ${comment.authorName}`}
    >
      {comment.status !== 'visible' ? (
        <p className="comment-tombstone">{ABSENT_TEXT[comment.status]}</p>
      ) : (
        <>
          <header className="comment-meta">
            <bdi className="comment-author">{comment.authorName}</bdi>
            <span aria-hidden="true"> · </span>
            <time dateTime={comment.createdAt}>
              {comment.imported ? formatImportedCommentTime(comment.createdAt) : formatCommentTime(comment.createdAt)}
            </time>
            {comment.imported && <span className="badge" title="Imported from the original page, which gave no names or times">imported</span>}
            <span aria-hidden="true"> · </span>
            <a className="permalink" href={commentPermalink(slug, comment.id)}>Link</a>
          </header>
          <CommentBody text={comment.body} />
        </>
      )}
    </article>
  );
}
