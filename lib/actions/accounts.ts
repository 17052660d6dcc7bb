'use server';
// Signing in, signing up and the header's "Sign out". A refusal comes back as words for the form.
import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { signIn, SignInRefused, signOut } from '@/lib/auth/auth';
import { fieldOf, textOf, type FormState } from '@/lib/shared/forms/form-state';
import { clientAddressOf } from '@/lib/shared/http/client-address';
import { safeReturnPath } from '@/lib/shared/http/safe-return-path';
import { fail } from '@/lib/shared/result';
import { signUpSchema } from '@/lib/shared/validation/account-fields';
import { parseInput } from '@/lib/shared/validation/parse-input';
import { registerReader } from '@/lib/users/register-reader';

/** The sign-in form → Auth.js credentials sign-in. */
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

/** The sign-up form → registerReader; then on to sign-in, whether or not the email was new. */
export async function signUpAction(_previous: FormState, form: FormData): Promise<FormState> {
  const values = { email: textOf(form, 'email'), displayName: textOf(form, 'displayName') };
  const input = parseInput(signUpSchema, { ...values, password: textOf(form, 'password') });
  if (!input.ok) return { ...input, values };
  const result = await registerReader(getDb(), input.data, clientAddressOf(await headers()));
  if (!result.ok) return { ...result, values };
  // Signing in here would tell whoever typed the email whether it was already taken.
  redirect(`/signin?${new URLSearchParams({ created: '1', callbackUrl: safeReturnPath(fieldOf(form, 'callbackUrl')) })}`);
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/' });
}
