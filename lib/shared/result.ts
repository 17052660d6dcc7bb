// The typed outcome of every mutation: expected failures are values, never thrown errors.

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'INVALID_INPUT'
  | 'NO_CHANGE'
  | 'CONFLICT'
  | 'LAST_OWNER'
  | 'RATE_LIMITED'
  | 'COMMENTS_CLOSED'
  | 'DUPLICATE'
  | 'ALREADY_REPORTED'
  | 'EDIT_WINDOW_PASSED';

export type FieldErrors = Record<string, string[]>;

export type Failure = { ok: false; code: ErrorCode; message: string; fieldErrors?: FieldErrors };

export type Result<T extends object = object> = ({ ok: true } & T) | Failure;

export function fail(code: ErrorCode, message: string, fieldErrors?: FieldErrors): Failure {
  return fieldErrors ? { ok: false, code, message, fieldErrors } : { ok: false, code, message };
}

/**
 * Whether a step answered a refusal instead of its value. Steps return `T | Failure` where T has no
 * `ok` of its own, so a Failure is told apart by its `ok: false`.
 */
export function isFailure<T>(value: T | Failure): value is Failure {
  return typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false;
}
