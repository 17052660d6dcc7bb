'use client';
// One textarea form for a new comment, a reply and an edit: checks the text as the server will, keeps it on failure, says why.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { codePointLength } from '@/lib/shared/validation/unicode';
import { commentTextProblem, normalizeCommentText } from '@/lib/shared/validation/comment-text';

type Props = {
  label: string;
  submitLabel: string;
  busyLabel: string;
  maxLength: number;
  initialText?: string;
  busy: boolean;
  /** False until the page is interactive: before that a submit would go nowhere. */
  ready?: boolean;
  /** The last refusal or failure, in words. */
  error: string | null;
  /** Called with the normalised text once it passes the same checks as the server. */
  onSubmit: (text: string) => void;
  onCancel?: () => void;
  /** Moves focus to the field when the form opens: a reply or an edit someone just asked for. */
  focusOnOpen?: boolean;
};

export function CommentTextForm({ label, submitLabel, busyLabel, maxLength, initialText = '', busy, ready = true, error, onSubmit, onCancel, focusOnOpen = false }: Props) {
  const id = useId();
  const [text, setText] = useState(initialText);
  const [problem, setProblem] = useState<string | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (focusOnOpen) field.current?.focus();
  }, [focusOnOpen]);
  const length = codePointLength(text);
  const shown = problem ?? error;

  function submit(event: FormEvent) {
    event.preventDefault();
    const normalised = normalizeCommentText(text);
    const found = commentTextProblem(normalised, maxLength);
    setProblem(found);
    if (!found) onSubmit(normalised);
  }

  return (
    <form className="comment-form" onSubmit={submit} aria-busy={busy || undefined}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        ref={field}
        value={text}
        rows={4}
        readOnly={busy}
        aria-invalid={shown ? true : undefined}
        aria-describedby={`${id}-count${shown ? ` ${id}-error` : ''}`}
        onChange={(event) => {
          setText(event.target.value);
          setProblem(null);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && onCancel) onCancel();
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            event.currentTarget.form?.requestSubmit();
          }
        }}
      />
      <p id={`${id}-count`} className={`field-hint${length > maxLength ? ' error' : ''}`}>
        {length.toLocaleString('en-US')} / {maxLength.toLocaleString('en-US')} characters · Ctrl+Enter to send
        {onCancel && ', Escape to cancel'}
      </p>
      {shown && (
        <p id={`${id}-error`} className="form-message error" role="alert">
          {shown}
        </p>
      )}
      <div className="form-buttons">
        <button type="submit" disabled={busy || !ready}>{busy ? busyLabel : submitLabel}</button>
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
