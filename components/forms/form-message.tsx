// The outcome of a form's last submission, in words, where screen readers hear it.
import type { FormState } from '@/lib/shared/forms/form-state';

export function FormMessage({ state }: { state: FormState }) {
  if (state.ok === null) return <p className="form-message" role="status" />;
  if (state.ok) return <p className="form-message success" role="status">{state.message}</p>;
  return <p className="form-message error" role="alert">{state.message}</p>;
}
