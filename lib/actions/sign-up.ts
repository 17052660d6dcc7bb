'use server';
// Sign-up form → registerReader; then on to sign-in, whether or not the email was new.
import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { clientAddressOf } from '@/lib/shared/http/client-address';
import { safeReturnPath } from '@/lib/shared/http/safe-return-path';
import { registerReader } from '@/lib/users/register-reader';
import { signUpSchema } from '@/lib/shared/validation/account-fields';
import { parseInput } from '@/lib/shared/validation/parse-input';
import { fieldOf, textOf, type FormState } from '../shared/forms/form-state';

export async function signUpAction(_previous: FormState, form: FormData): Promise<FormState> {
  const values = { email: textOf(form, 'email'), displayName: textOf(form, 'displayName') };
  const input = parseInput(signUpSchema, { ...values, password: textOf(form, 'password') });
  if (!input.ok) return { ...input, values };
  const result = await registerReader(getDb(), input.data, clientAddressOf(await headers()));
  if (!result.ok) return { ...result, values };
  // Signing in here would tell whoever typed the email whether it was already taken.
  redirect(`/signin?${new URLSearchParams({ created: '1', callbackUrl: safeReturnPath(fieldOf(form, 'callbackUrl')) })}`);
}
