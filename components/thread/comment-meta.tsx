// A comment's header: who wrote it, when, whether it was imported or edited, its permalink, and for moderators its moderation badges.
import { ModerationBadges } from '@/components/moderation/forms/moderation-badges';
import { formatCommentTime, formatImportedCommentTime } from '@/lib/shared/format/date';
import type { ThreadComment } from '@/lib/shared/thread/merge-local-comments';

export function commentPermalink(slug: string, commentId: number): string {
  return `/articles/${slug}/comments/${commentId}`;
}

export function CommentMeta({ comment, slug }: { comment: ThreadComment; slug: string }) {
  return (
    <header className="comment-meta">
      {/* A comment that is not visible comes without its author's name, except inside a moderator's `moderation`. */}
      <bdi className="comment-author">{comment.moderation?.authorName ?? comment.authorName}</bdi>
      <span aria-hidden="true"> · </span>
      <time dateTime={comment.createdAt}>
        {comment.imported ? formatImportedCommentTime(comment.createdAt) : formatCommentTime(comment.createdAt)}
      </time>
      {comment.imported && <span className="badge" title="Imported from the original page, which gave no names or times">imported</span>}
      {comment.editedAt && <span className="badge" title={`Edited ${formatCommentTime(comment.editedAt)}`}>edited</span>}
      {comment.moderation && <ModerationBadges moderation={comment.moderation} />}
      {comment.pending ? (
        <span className="badge" role="status">Posting…</span>
      ) : (
        <>
          <span aria-hidden="true"> · </span>
          <a className="permalink" href={commentPermalink(slug, comment.id)}>Link</a>
        </>
      )}
    </header>
  );
}
