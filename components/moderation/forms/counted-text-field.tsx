'use client';
// A labelled textarea with its "n / max characters" counter, as in every form that takes a note.
import { codePointLength } from '@/lib/shared/validation/unicode';

type Props = {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  max: number;
  rows?: number;
  disabled: boolean;
  /** What is wrong with this field, shown under it and announced. */
  error?: string | null;
};

export function CountedTextField({ id, label, value, onChange, max, rows = 2, disabled, error = null }: Props) {
  const length = codePointLength(value);
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={rows}
        value={value}
        readOnly={disabled}
        aria-invalid={error || length > max ? true : undefined}
        aria-describedby={`${id}-count${error ? ` ${id}-error` : ''}`}
        onChange={(event) => onChange(event.target.value)}
      />
      <p id={`${id}-count`} className={`field-hint${length > max ? ' error' : ''}`}>
        {length.toLocaleString('en-US')} / {max.toLocaleString('en-US')} characters
      </p>
      {error && <p id={`${id}-error`} className="form-message error" role="alert">{error}</p>}
    </>
  );
}

/** Why an optional note cannot be sent (too long), or null. */
export function noteLengthProblem(value: string, max: number): string | null {
  const length = codePointLength(value.trim());
  return length > max ? `Use at most ${max.toLocaleString('en-US')} characters; this has ${length.toLocaleString('en-US')}.` : null;
}
