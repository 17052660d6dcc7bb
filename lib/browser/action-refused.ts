// Carries a typed refusal through TanStack Query's error path, so a mutation rolls back and the form shows its words.
import type { Failure } from '@/lib/shared/result';

export class ActionRefused extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
    this.name = 'ActionRefused';
  }
}

/** The result's value when it succeeded; a refusal is thrown as ActionRefused. */
export function unlessRefused<T extends object>(result: ({ ok: true } & T) | Failure): T {
  if (!result.ok) throw new ActionRefused(result);
  return result;
}

/** Words for any error a mutation ends with: the server's own for a refusal, a plain one otherwise. */
export function errorMessageOf(error: unknown): string {
  if (error instanceof ActionRefused) return error.failure.message;
  return 'Something went wrong on the way to the server. Reload the page to see whether it went through, then try again.';
}
