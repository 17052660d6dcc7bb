// What a form's server action hands back to the form: nothing yet, a success message, or a typed failure.
import type { Failure } from '@/lib/result';

export type FormState = { ok: null } | { ok: true; message: string } | Failure;

export const INITIAL_FORM_STATE: FormState = { ok: null };
