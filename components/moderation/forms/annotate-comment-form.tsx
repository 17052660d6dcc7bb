'use client';
// A moderator's note on a reply: internal (moderators only) or public (shown under the reply as "Moderator note").
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { MODERATION_NOTE_MAX, type AnnotationVisibility } from '@/db/moderation-reasons';
import { commentTextProblem, normalizeCommentText } from '@/lib/shared/validation/comment-text';
import { CountedTextField } from './counted-text-field';
import { useModerationFormKeys } from './form-keys';
import './moderation-forms.css';
import type { ModerationFormProps } from './types';

export type AnnotateCommentValues = { visibility: AnnotationVisibility; body: string };

const VISIBILITY_LABELS: Readonly<Record<AnnotationVisibility, string>> = {
  internal: 'Internal — moderators only',
  public: 'Public — shown under the reply as “Moderator note”',
};

export function AnnotateCommentForm({ onSubmit, onCancel, pending, error }: ModerationFormProps<AnnotateCommentValues>) {
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  useModerationFormKeys(form, onCancel);
  const first = useRef<HTMLInputElement>(null);
  const [visibility, setVisibility] = useState<AnnotationVisibility>('internal');
  const [body, setBody] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => first.current?.focus(), []);

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = commentTextProblem(normalizeCommentText(body), MODERATION_NOTE_MAX);
    setProblem(found);
    if (!found) onSubmit({ visibility, body });
  }

  return (
    <form className="comment-panel moderation-form" onSubmit={submit} ref={form} aria-label="Annotate this reply" aria-busy={pending || undefined}>
      <fieldset disabled={pending}>
        <legend>Who may read the note?</legend>
        {(['internal', 'public'] as const).map((value) => (
          <label key={value} className="choice">
            <input
              ref={value === 'internal' ? first : undefined}
              type="radio"
              name={`${id}-visibility`}
              value={value}
              checked={visibility === value}
              onChange={() => setVisibility(value)}
            />
            {VISIBILITY_LABELS[value]}
          </label>
        ))}
      </fieldset>
      <CountedTextField
        id={`${id}-body`}
        label="Note"
        value={body}
        onChange={(value) => {
          setBody(value);
          setProblem(null);
        }}
        max={MODERATION_NOTE_MAX}
        rows={3}
        disabled={pending}
        error={problem}
      />
      <p className="field-hint">Ctrl+Enter in the note adds it; Escape cancels.</p>
      {error && <p className="form-message error" role="alert">{error}</p>}
      <div className="form-buttons">
        <button type="submit" disabled={pending}>{pending ? 'Adding…' : 'Add note'}</button>
        <button type="button" className="secondary" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
