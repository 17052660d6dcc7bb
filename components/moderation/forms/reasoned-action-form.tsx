'use client';
// Flagging or hiding a reply: a reason (digits 1–7 pick one), for a hide an optional public explanation, and an internal note.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { HIDE_EXPLANATION_MAX, MODERATION_NOTE_MAX, type ModerationReason } from '@/db/moderation-reasons';
import { CountedTextField, noteLengthProblem } from './counted-text-field';
import { useModerationFormKeys } from './form-keys';
import { focusRadioGroup, ReasonChoice } from './reason-choice';
import './moderation-forms.css';
import type { ModerationFormProps } from './types';

export type FlagCommentValues = { reason: ModerationReason; note: string };
export type HideCommentValues = FlagCommentValues & { explanation: string };

const WORDS = {
  flag: { label: 'Flag this reply', legend: 'Why flag this reply?', verb: 'flags', submit: 'Flag reply', pending: 'Flagging…' },
  hide: { label: 'Hide this reply', legend: 'Why hide this reply?', verb: 'hides', submit: 'Hide reply', pending: 'Hiding…' },
} as const;

type Props = ModerationFormProps<HideCommentValues> & { kind: keyof typeof WORDS };

function ReasonedActionForm({ kind, onSubmit, onCancel, pending, error }: Props) {
  const words = WORDS[kind];
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  useModerationFormKeys(form, onCancel);
  const group = useRef<HTMLFieldSetElement>(null);
  const [reason, setReason] = useState<ModerationReason | null>(null);
  const [explanation, setExplanation] = useState('');
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  useEffect(() => focusRadioGroup(group.current), []);
  const explanationProblem = noteLengthProblem(explanation, HIDE_EXPLANATION_MAX);
  const noteProblem = noteLengthProblem(note, MODERATION_NOTE_MAX);

  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (!reason) return focusRadioGroup(group.current);
    if (explanationProblem || noteProblem) return;
    onSubmit({ reason, explanation, note });
  }

  return (
    <form className="comment-panel moderation-form" onSubmit={submit} ref={form} aria-label={words.label} aria-busy={pending || undefined}>
      <ReasonChoice
        ref={group}
        legend={words.legend}
        name={`${id}-reason`}
        value={reason}
        onChange={setReason}
        error={tried && !reason ? 'Choose a reason.' : null}
        disabled={pending}
      />
      {kind === 'hide' && (
        <CountedTextField
          id={`${id}-explanation`}
          label="Public explanation (shown to readers, optional)"
          value={explanation}
          onChange={setExplanation}
          max={HIDE_EXPLANATION_MAX}
          disabled={pending}
          error={tried ? explanationProblem : null}
        />
      )}
      <CountedTextField
        id={`${id}-note`}
        label="Internal note (moderators only, optional)"
        value={note}
        onChange={setNote}
        max={MODERATION_NOTE_MAX}
        disabled={pending}
        error={tried ? noteProblem : null}
      />
      <p className="field-hint">Enter in the reasons or Ctrl+Enter in a note {words.verb}; Escape cancels.</p>
      {error && <p className="form-message error" role="alert">{error}</p>}
      <div className="form-buttons">
        <button type="submit" disabled={pending}>{pending ? words.pending : words.submit}</button>
        <button type="button" className="secondary" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}

export function HideCommentForm(props: ModerationFormProps<HideCommentValues>) {
  return <ReasonedActionForm kind="hide" {...props} />;
}

export function FlagCommentForm({ onSubmit, ...props }: ModerationFormProps<FlagCommentValues>) {
  return <ReasonedActionForm kind="flag" {...props} onSubmit={({ reason, note }) => onSubmit({ reason, note })} />;
}
