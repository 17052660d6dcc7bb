'use client';
import { useActionState } from 'react';
import { INITIAL_FORM_STATE } from '@/lib/shared/forms/form-state';
import { signInAction } from '@/lib/actions/accounts';
import { FormMessage } from './form-message';
import { SubmitButton } from './submit-button';
import { TextField } from './text-field';

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, formAction] = useActionState(signInAction, INITIAL_FORM_STATE);
  const fieldErrors = state.ok === false ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="account-form" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField label="Email" name="email" type="email" autoComplete="email" required
        defaultValue={state.values?.email} errors={fieldErrors?.email} />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required
        errors={fieldErrors?.password} />
      <FormMessage state={state.ok === false && fieldErrors ? INITIAL_FORM_STATE : state} />
      <SubmitButton pendingLabel="Signing in…">Sign in</SubmitButton>
    </form>
  );
}
