'use server';
// Sign-in form → Auth.js credentials sign-in; a refusal comes back as words for the form.
import 'server-only';
import { redirect } from 'next/navigation';
import { signIn, SignInRefused } from '@/lib/auth/auth';
import { safeReturnPath } from '@/lib/shared/http/safe-return-path';
import { fail } from '@/lib/shared/result';
import { fieldOf, textOf, type FormState } from '../shared/forms/form-state';

export async function signInAction(_previous: FormState, form: FormData): Promise<FormState> {
  const email = textOf(form, 'email');
  const password = textOf(form, 'password');
  const values = { email };
  if (email.trim() === '') return { ...fail('INVALID_INPUT', 'Enter your email address.', { email: ['Enter your email address.'] }), values };
  if (password === '') return { ...fail('INVALID_INPUT', 'Enter your password.', { password: ['Enter your password.'] }), values };
  try {
    await signIn('credentials', { email, password, redirect: false });
  } catch (error) {
    if (error instanceof SignInRefused) return { ...error.failure, values };
    throw error;
  }
  redirect(safeReturnPath(fieldOf(form, 'callbackUrl')));
}
