'use client';
// A small form bound to one server action, with the action's outcome shown beside its button.
import { useActionState, type ReactNode } from 'react';
import { INITIAL_FORM_STATE, type FormState } from '@/lib/shared/forms/form-state';
import { FormMessage } from './form-message';
import { SubmitButton } from './submit-button';

type ServerFormAction = (previous: FormState, form: FormData) => Promise<FormState>;

export function ActionForm({ action, submitLabel, pendingLabel, className, children }: {
  action: ServerFormAction;
  submitLabel: string;
  pendingLabel: string;
  className?: string;
  children?: ReactNode;
}) {
  const [state, formAction] = useActionState(action, INITIAL_FORM_STATE);
  return (
    <form action={formAction} className={className ?? 'action-form'}>
      {children}
      <SubmitButton pendingLabel={pendingLabel}>{submitLabel}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
