'use client';
import { useActionState } from 'react';
import { INITIAL_FORM_STATE } from '@/lib/shared/forms/form-state';
import { signUpAction } from '@/lib/actions/accounts';
import { DISPLAY_NAME_MAX, PASSWORD_MAX, PASSWORD_MIN } from '@/lib/shared/validation/account-limits';
import { FormMessage } from './form-message';
import { SubmitButton } from './submit-button';
import { TextField } from './text-field';

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, formAction] = useActionState(signUpAction, INITIAL_FORM_STATE);
  const fieldErrors = state.ok === false ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="account-form" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField label="Email" name="email" type="email" autoComplete="email" required
        defaultValue={state.values?.email} errors={fieldErrors?.email} />
      <TextField label="Display name" name="displayName" autoComplete="nickname" required maxLength={DISPLAY_NAME_MAX}
        defaultValue={state.values?.displayName} errors={fieldErrors?.displayName} />
      <TextField label="Password" name="password" type="password" autoComplete="new-password" required
        minLength={PASSWORD_MIN} maxLength={PASSWORD_MAX} errors={fieldErrors?.password}
        hint={`${PASSWORD_MIN} to ${PASSWORD_MAX} characters. A few unrelated words make a strong one.`} />
      <FormMessage state={state.ok === false && fieldErrors ? INITIAL_FORM_STATE : state} />
      <SubmitButton pendingLabel="Creating account…">Create account</SubmitButton>
    </form>
  );
}
