'use client';
// The moderation reasons as a radio group: digits 1–7 pick a reason while focus is in it, Enter submits the form.
import { forwardRef, useRef, type KeyboardEvent } from 'react';
import { MODERATION_REASONS, type ModerationReason } from '@/db/moderation-reasons';
import { MODERATION_REASON_WORDS } from '@/lib/shared/vocabulary';

type Props = {
  legend: string;
  name: string;
  value: ModerationReason | null;
  onChange: (reason: ModerationReason) => void;
  /** "Choose a reason." until one is chosen, after a submit without one. */
  error: string | null;
  disabled: boolean;
};

export const ReasonChoice = forwardRef<HTMLFieldSetElement, Props>(function ReasonChoice({ legend, name, value, onChange, error, disabled }, ref) {
  const radios = useRef<(HTMLInputElement | null)[]>([]);
  const errorId = `${name}-error`;

  function keys(event: KeyboardEvent<HTMLInputElement>) {
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    const index = Number(event.key) - 1;
    if (Number.isInteger(index) && index >= 0 && index < MODERATION_REASONS.length) {
      event.preventDefault();
      onChange(MODERATION_REASONS[index]!);
      radios.current[index]?.focus();
    } else if (event.key === 'Enter') {
      // Browsers differ on whether Enter in a radio group submits; here it always does.
      event.preventDefault();
      event.currentTarget.form?.requestSubmit();
    }
  }

  return (
    <fieldset ref={ref} aria-describedby={error ? errorId : undefined} disabled={disabled}>
      <legend>{legend} <span className="field-hint">(keys 1–{MODERATION_REASONS.length})</span></legend>
      {MODERATION_REASONS.map((reason, index) => (
        <label key={reason} className="choice">
          <input
            ref={(element) => {
              radios.current[index] = element;
            }}
            type="radio"
            name={name}
            value={reason}
            checked={value === reason}
            onChange={() => onChange(reason)}
            onKeyDown={keys}
          />
          <kbd className="choice-key" aria-hidden="true">{index + 1}</kbd> {MODERATION_REASON_WORDS[reason]}
        </label>
      ))}
      {error && <p id={errorId} className="form-message error" role="alert">{error}</p>}
    </fieldset>
  );
});

/** Focuses the chosen radio of a group, or its first: where a keyboard user expects to land in it. */
export function focusRadioGroup(group: HTMLFieldSetElement | null) {
  const target = group?.querySelector<HTMLInputElement>('input[type=radio]:checked') ?? group?.querySelector<HTMLInputElement>('input[type=radio]');
  target?.focus();
}
