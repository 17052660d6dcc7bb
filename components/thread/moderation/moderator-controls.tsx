'use client';
// A moderator's part of a reply in the thread: its state, its notes, and Flag, Hide, Annotate and History, each acting on the version shown.
import { useRef, useState, type MouseEvent } from 'react';
import { AnnotateCommentForm } from '@/components/moderation/forms/annotate-comment-form';
import { FlagCommentForm, HideCommentForm } from '@/components/moderation/forms/reasoned-action-form';
import type { CommentModeration } from '@/lib/shared/moderation/types';
import { MODERATION_VERBS, type ModerationRequest } from '@/lib/shared/moderation/verbs';
import { AnnotationList } from './annotation-list';
import { CommentHistoryPanel } from './comment-history-panel';
import { ModerationState } from './moderation-state';
import { isConflict, useModerateComment } from './use-moderate-comment';

type Panel = 'flag' | 'hide' | 'annotate' | 'history' | null;

export function ModeratorControls({ moderation }: { moderation: CommentModeration }) {
  const [panel, setPanel] = useState<Panel>(null);
  const action = useModerateComment(moderation);
  // Focus returns to the button that opened a form once it closes, so keyboard users keep their place.
  const opener = useRef<HTMLButtonElement | null>(null);
  const annotateButton = useRef<HTMLButtonElement>(null);
  const close = () => {
    setPanel(null);
    opener.current?.focus();
  };
  const toggle = (next: Exclude<Panel, null>, event: MouseEvent<HTMLButtonElement>) => {
    opener.current = event.currentTarget;
    action.reset();
    setPanel((open) => (open === next ? null : next));
  };
  /** From a form: it closes once the server agreed, or when the reply changed meanwhile (the card then says how). */
  const submit = (request: ModerationRequest) => action.moderate(request, (error) => {
    if (!error || isConflict(error)) close();
  });
  /** From a button that changes the state at once (Clear flag, Unhide, Remove note). */
  const now = (request: ModerationRequest, event?: MouseEvent<HTMLButtonElement>) => {
    if (action.pending) return;
    if (event) opener.current = event.currentTarget;
    if (panel !== 'history') setPanel(null);
    action.moderate(request);
  };

  const formOpen = panel === 'flag' || panel === 'hide' || panel === 'annotate';
  const formError = formOpen && !isConflict(action.error) ? action.message : null;
  const { status, flag } = moderation;
  const actionable = status !== 'unavailable';

  return (
    <div className="moderator-controls" role="group" aria-label="Moderation">
      <ModerationState moderation={moderation} />
      <AnnotationList
        annotations={moderation.annotations}
        busy={action.pending}
        onRemove={(annotationId) => {
          now({ kind: 'removeAnnotation', annotationId });
          // The note's button goes with it; Annotate is the nearest control that stays.
          annotateButton.current?.focus();
        }}
      />
      <div className="comment-actions moderator-actions">
        {actionable && (flag ? (
          <button type="button" aria-disabled={action.pending || undefined} onClick={(event) => now({ kind: 'unflag' }, event)}>{MODERATION_VERBS.unflag.label}</button>
        ) : (
          <button type="button" aria-expanded={panel === 'flag'} onClick={(event) => toggle('flag', event)}>{MODERATION_VERBS.flag.label}</button>
        ))}
        {/* One slot for both, so the button that hid the reply is the one that offers to unhide it, and keeps focus. */}
        {status === 'hidden' ? (
          <button type="button" aria-disabled={action.pending || undefined} onClick={(event) => now({ kind: 'unhide' }, event)}>{MODERATION_VERBS.unhide.label}</button>
        ) : status === 'visible' ? (
          <button type="button" aria-expanded={panel === 'hide'} onClick={(event) => toggle('hide', event)}>{MODERATION_VERBS.hide.label}</button>
        ) : null}
        {actionable && (
          <button type="button" ref={annotateButton} aria-expanded={panel === 'annotate'} onClick={(event) => toggle('annotate', event)}>{MODERATION_VERBS.annotate.label}</button>
        )}
        <button type="button" aria-expanded={panel === 'history'} onClick={(event) => toggle('history', event)}>History</button>
      </div>
      {!formOpen && action.message && <p className="form-message error" role="alert">{action.message}</p>}
      {panel === 'flag' && (
        <FlagCommentForm pending={action.pending} error={formError} onCancel={close} onSubmit={(values) => submit({ kind: 'flag', ...values })} />
      )}
      {panel === 'hide' && (
        <HideCommentForm pending={action.pending} error={formError} onCancel={close} onSubmit={(values) => submit({ kind: 'hide', ...values })} />
      )}
      {panel === 'annotate' && (
        <AnnotateCommentForm pending={action.pending} error={formError} onCancel={close} onSubmit={(values) => submit({ kind: 'annotate', ...values })} />
      )}
      {panel === 'history' && <CommentHistoryPanel commentId={moderation.commentId} onClose={close} />}
    </div>
  );
}
