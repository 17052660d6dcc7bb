'use client';
// One comment: who, when, a permalink, its text or why the text is gone, and what this viewer may do with it.
import { useRef, useState, type MouseEvent } from 'react';
import { EDIT_WINDOW_MS } from '@/lib/comments/comment-rules';
import { formatCommentTime, formatImportedCommentTime } from '@/lib/format/date';
import type { ThreadComment } from '@/lib/thread/merge-local-comments';
import type { CommentView } from '@/lib/thread/types';
import { CommentBody } from './comment-body';
import { DeleteCommentConfirm } from './delete-comment-confirm';
import { EditCommentForm } from './edit-comment-form';
import { ReplyForm } from './reply-form';
import { ReportCommentForm } from './report-comment-form';
import { useThreadControls } from './thread-context';

const ABSENT_TEXT: Record<Exclude<CommentView['status'], 'visible'>, string> = {
  unavailable: 'This comment is no longer available.',
  hidden: 'Hidden by moderators.',
  deleted: 'Deleted by its author.',
};

type Panel = 'reply' | 'edit' | 'delete' | 'report' | null;

export function commentPermalink(slug: string, commentId: number): string {
  return `/articles/${slug}/comments/${commentId}`;
}

export function CommentCard({ comment, focused = false }: { comment: ThreadComment; focused?: boolean }) {
  const thread = useThreadControls();
  const [panel, setPanel] = useState<Panel>(null);
  // Focus returns to the button that opened a form once it closes, so keyboard users keep their place.
  const opener = useRef<HTMLButtonElement | null>(null);
  const close = () => {
    setPanel(null);
    opener.current?.focus();
  };
  const toggle = (next: Exclude<Panel, null>, event: MouseEvent<HTMLButtonElement>) => {
    opener.current = event.currentTarget;
    setPanel((open) => (open === next ? null : next));
  };

  if (comment.status !== 'visible') {
    return (
      <article id={`comment-${comment.id}`} className={`comment comment-absent${focused ? ' comment-focused' : ''}`} aria-label="Comment not shown">
        <p className="comment-tombstone">{ABSENT_TEXT[comment.status]}</p>
      </article>
    );
  }

  const settled = !comment.pending;
  const canReply = settled && thread.rights.canPost && thread.commentsOpen;
  const canEdit = settled && comment.mine && thread.now - Date.parse(comment.createdAt) < EDIT_WINDOW_MS;
  const canDelete = settled && comment.mine;
  const canReport = settled && !comment.mine && thread.rights.canReport;

  return (
    <article
      id={`comment-${comment.id}`}
      className={`comment${focused ? ' comment-focused' : ''}${comment.pending ? ' comment-pending' : ''}`}
      aria-label={`Comment by ${comment.authorName}`}
    >
      <header className="comment-meta">
        <bdi className="comment-author">{comment.authorName}</bdi>
        <span aria-hidden="true"> · </span>
        <time dateTime={comment.createdAt}>
          {comment.imported ? formatImportedCommentTime(comment.createdAt) : formatCommentTime(comment.createdAt)}
        </time>
        {comment.imported && <span className="badge" title="Imported from the original page, which gave no names or times">imported</span>}
        {comment.editedAt && <span className="badge" title={`Edited ${formatCommentTime(comment.editedAt)}`}>edited</span>}
        {comment.pending ? (
          <span className="badge" role="status">Posting…</span>
        ) : (
          <>
            <span aria-hidden="true"> · </span>
            <a className="permalink" href={commentPermalink(thread.slug, comment.id)}>Link</a>
          </>
        )}
      </header>
      {panel === 'edit' ? <EditCommentForm comment={comment} onClose={close} /> : <CommentBody text={comment.body} />}
      {(canReply || canEdit || canDelete || canReport || comment.reportedByMe) && (
        <div className="comment-actions">
          {canReply && <button type="button" aria-expanded={panel === 'reply'} onClick={(event) => toggle('reply', event)}>Reply</button>}
          {canEdit && <button type="button" aria-expanded={panel === 'edit'} onClick={(event) => toggle('edit', event)}>Edit</button>}
          {canDelete && <button type="button" aria-expanded={panel === 'delete'} onClick={(event) => toggle('delete', event)}>Delete</button>}
          {canReport && (comment.reportedByMe ? (
            <span className="reported">Reported</span>
          ) : (
            <button type="button" aria-expanded={panel === 'report'} onClick={(event) => toggle('report', event)}>Report</button>
          ))}
        </div>
      )}
      {/* Stays open if replying stops being possible meanwhile, so a refusal and the text remain. */}
      {panel === 'reply' && <ReplyForm parent={comment} onClose={close} />}
      {panel === 'delete' && canDelete && <DeleteCommentConfirm comment={comment} onClose={close} />}
      {panel === 'report' && canReport && <ReportCommentForm comment={comment} onClose={close} />}
    </article>
  );
}
