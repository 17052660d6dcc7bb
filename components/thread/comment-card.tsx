'use client';
// One comment: who, when, a permalink, its text or why the text is gone, its public notes, and what this viewer may do with it.
import { useRef, useState, type MouseEvent } from 'react';
import { EDIT_WINDOW_MS } from '@/lib/shared/comments/comment-rules';
import type { ThreadComment } from '@/lib/shared/thread/merge-local-comments';
import { CommentBody } from './comment-body';
import { CommentMeta } from './comment-meta';
import { CommentTombstone } from './comment-tombstone';
import { DeleteCommentConfirm } from './delete-comment-confirm';
import { EditCommentForm } from './edit-comment-form';
import { ModeratorControls } from './moderation/moderator-controls';
import { PublicNotes } from './public-notes';
import { ReplyForm } from './reply-form';
import { ReportCommentForm } from './report-comment-form';
import { useThreadControls } from './thread-context';

type Panel = 'reply' | 'edit' | 'delete' | 'report' | null;

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

  const { moderation } = comment;
  const visible = comment.status === 'visible';
  const settled = visible && !comment.pending;
  const canReply = settled && thread.rights.canPost && thread.commentsOpen;
  const canEdit = settled && comment.mine && thread.now - Date.parse(comment.createdAt) < EDIT_WINDOW_MS;
  const canDelete = settled && comment.mine;
  const canReport = settled && !comment.mine && thread.rights.canReport;
  const label = visible ? `Comment by ${comment.authorName}` : moderation ? `Comment by ${moderation.authorName}, not shown to readers` : 'Comment not shown';

  // Every part keeps its place whatever the status, so a moderator's controls (and their message)
  // stay mounted while the reply they act on turns into a tombstone and back.
  return (
    <article
      id={`comment-${comment.id}`}
      className={`comment${visible ? '' : ' comment-absent'}${focused ? ' comment-focused' : ''}${comment.pending ? ' comment-pending' : ''}`}
      aria-label={label}
    >
      {(visible || moderation) && <CommentMeta comment={comment} slug={thread.slug} />}
      {comment.status !== 'visible' ? (
        <CommentTombstone comment={comment} />
      ) : panel === 'edit' ? (
        <EditCommentForm comment={comment} onClose={close} />
      ) : (
        <CommentBody text={comment.body} />
      )}
      {/* Moderators see every note, public and internal, in their controls. */}
      {!moderation && <PublicNotes notes={comment.publicNotes} />}
      {(canReply || canEdit || canDelete || canReport || (visible && comment.reportedByMe)) && (
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
      {moderation && <ModeratorControls moderation={moderation} />}
    </article>
  );
}
