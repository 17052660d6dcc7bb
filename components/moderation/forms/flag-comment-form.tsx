'use client';
// Flagging a reply for other moderators: a reason (digits 1–7 pick one) and an optional internal note.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { MODERATION_NOTE_MAX, type ModerationReason } from '@/db/moderation-reasons';
import { CountedTextField, noteLengthProblem } from './counted-text-field';
import { useModerationFormKeys } from './form-keys';
import { focusRadioGroup, ReasonChoice } from './reason-choice';
import './moderation-forms.css';
import type { ModerationFormProps } from './types';

export type FlagCommentValues = { reason: ModerationReason; note: string };

export function FlagCommentForm({ onSubmit, onCancel, pending, error }: ModerationFormProps<FlagCommentValues>) {
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  useModerationFormKeys(form, onCancel);
  const group = useRef<HTMLFieldSetElement>(null);
  const [reason, setReason] = useState<ModerationReason | null>(null);
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  useEffect(() => focusRadioGroup(group.current), []);
  const noteProblem = noteLengthProblem(note, MODERATION_NOTE_MAX);

  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (!reason) return focusRadioGroup(group.current);
    if (noteProblem) return;
    onSubmit({ reason, note });
  }

  return (
    <form className="comment-panel moderation-form" onSubmit={submit} ref={form} aria-label="Flag this reply" aria-busy={pending || undefined}>
      <ReasonChoice
        ref={group}
        legend="Why flag this reply?"
        name={`${id}-reason`}
        value={reason}
        onChange={setReason}
        error={tried && !reason ? 'Choose a reason.' : null}
        disabled={pending}
      />
      <CountedTextField
        id={`${id}-note`}
        label="Internal note (moderators only, optional)"
        value={note}
        onChange={setNote}
        max={MODERATION_NOTE_MAX}
        disabled={pending}
        error={tried ? noteProblem : null}
      />
      <p className="field-hint">Enter in the reasons or Ctrl+Enter in the note flags; Escape cancels.</p>
      {error && <p className="form-message error" role="alert">{error}</p>}
      <div className="form-buttons">
        <button type="submit" disabled={pending}>{pending ? 'Flagging…' : 'Flag reply'}</button>
        <button type="button" className="secondary" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
