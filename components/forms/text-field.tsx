// A labelled input with its hint and errors tied to it, so screen readers announce them with the field.
import { useId, type InputHTMLAttributes } from 'react';

type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  name: string;
  hint?: string;
  errors?: string[];
};

export function TextField({ label, name, hint, errors, ...input }: TextFieldProps) {
  const id = useId();
  const invalid = errors !== undefined && errors.length > 0;
  const describedBy = [hint && `${id}-hint`, invalid && `${id}-errors`].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} aria-invalid={invalid || undefined} aria-describedby={describedBy || undefined} {...input} />
      {hint && <p id={`${id}-hint`} className="field-hint">{hint}</p>}
      {invalid && (
        <ul id={`${id}-errors`} className="field-errors error">
          {errors.map((error) => <li key={error}>{error}</li>)}
        </ul>
      )}
    </div>
  );
}
