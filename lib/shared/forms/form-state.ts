// What a form's server action hands back to the form: nothing yet, a success message, or a typed failure.
import type { Failure } from '@/lib/shared/result';

/** `values` refills what the person typed (never a password) after the form resets. */
export type FormState = ({ ok: null } | { ok: true; message: string } | Failure) & { values?: Record<string, string> };

export const INITIAL_FORM_STATE: FormState = { ok: null };

/**
 * A field of a submitted form, or null. The argument is whatever the request decoded to, not
 * necessarily a form: a hand-made request can send any value, and reading it must not throw (a 500).
 */
export function fieldOf(form: unknown, name: string): FormDataEntryValue | null {
  return form instanceof FormData ? form.get(name) : null;
}

/** The text a field of a submitted form held, or '' when it was missing or a file. */
export function textOf(form: unknown, name: string): string {
  const value = fieldOf(form, name);
  return typeof value === 'string' ? value : '';
}
