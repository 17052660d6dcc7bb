import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { ModerationBadges } from '@/components/moderation/forms/moderation-badges';
import { ModeratedCommentDetails } from '@/components/moderation/moderated-comment-details';
import { stateWords } from '@/components/moderation/moderation-words';
import { getDb } from '@/db/client';
import { requireViewer } from '@/lib/auth/get-viewer';
import { countLabel } from '@/lib/shared/format/count';
import { formatCommentTime } from '@/lib/shared/format/date';
import { ROLE_IN_A_SENTENCE } from '@/lib/shared/vocabulary';
import { readAuthorCommentsFor } from '@/lib/queries/author-comments';
import '../../moderation.css';

export const metadata: Metadata = { title: 'Comments by one author' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuthorPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { after } = await searchParams;
  const cursor = typeof after === 'string' && after ? after : null;
  const viewer = await requireViewer(`/moderation/authors/${encodeURIComponent(id)}`);
  // A malformed id is no one's: the permission check still comes first, then "not found".
  const authorId = /^[1-9]\d{0,15}$/.test(id) ? Number(id) : 0;
  const answer = readAuthorCommentsFor(getDb(), viewer, authorId, cursor);
  if (!answer.ok) {
    if (answer.code === 'NOT_FOUND' || answer.code === 'INVALID_INPUT') notFound();
    forbidden();
  }
  const { author, comments, nextCursor, readAt } = answer.page;
  const now = Date.parse(readAt);
  return (
    <section className="moderation-page">
      <p><Link href="/moderation">← Moderation queue</Link></p>
      <h1>Comments by <bdi>{author.displayName}</bdi></h1>
      <p className="meta">
        {author.email}, {ROLE_IN_A_SENTENCE[author.role]}
        {author.banned && <> · <strong>banned</strong>{author.banReason && <>: {author.banReason}</>}</>}
      </p>
      <ul className="author-summary" aria-label="Summary">
        <li>{countLabel(author.comments, 'comment', 'comments')}</li>
        <li>{author.hidden.toLocaleString('en-US')} hidden</li>
        <li>{author.flagged.toLocaleString('en-US')} flagged</li>
        <li>{countLabel(author.openReports, 'open report', 'open reports')}</li>
      </ul>
      {comments.length === 0 ? (
        <p>{cursor ? 'No more comments.' : 'This user has not written any comments.'}</p>
      ) : (
        <ol className="queue-cards">
          {comments.map((comment) => (
            <li key={comment.moderation.commentId}>
              <article className="queue-card" data-comment-id={comment.moderation.commentId} data-status={comment.moderation.status} aria-labelledby={`comment-${comment.moderation.commentId}`}>
                <h2 id={`comment-${comment.moderation.commentId}`} className="queue-card-title">
                  On <Link href={`/articles/${comment.article.slug}`}>{comment.article.title}</Link>
                </h2>
                <p className="meta">
                  <time dateTime={comment.createdAt}>{formatCommentTime(comment.createdAt)}</time>
                  <ModerationBadges moderation={comment.moderation} />
                </p>
                <p className="queue-state"><strong>{stateWords(comment.moderation)}.</strong></p>
                <ModeratedCommentDetails comment={comment} viewerEmail={viewer.email} now={now} />
                <p><Link href={`/articles/${comment.article.slug}/comments/${comment.moderation.commentId}`}>Open in thread</Link></p>
              </article>
            </li>
          ))}
        </ol>
      )}
      <nav className="author-pager" aria-label="More comments">
        {cursor && <Link href={`/moderation/authors/${author.id}`}>Newest comments</Link>}{' '}
        {nextCursor && <Link href={`/moderation/authors/${author.id}?${new URLSearchParams({ after: nextCursor })}`}>Older comments</Link>}
      </nav>
    </section>
  );
}
