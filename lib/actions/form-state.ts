// What a form's server action hands back to the form: nothing yet, a success message, or a typed failure.
import type { Failure } from '@/lib/result';

/** `values` refills what the person typed (never a password) after the form resets. */
export type FormState = ({ ok: null } | { ok: true; message: string } | Failure) & { values?: Record<string, string> };

export const INITIAL_FORM_STATE: FormState = { ok: null };

/** The text a field of a submitted form held, or '' when it was missing or a file. */
export function textOf(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}
