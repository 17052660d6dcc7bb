// The typed outcome of every mutation: expected failures are values, never thrown errors.

/**
 * Why a mutation was refused. Each line says when it is returned and what the caller should do; the
 * message is always words for a person. Route handlers answer with the status in lib/http/error-status.ts.
 */
export type ErrorCode =
  /** Nobody is signed in (or the session ended). Send them to sign in, then let them try again. */
  | 'UNAUTHENTICATED'
  /** Signed in but not allowed: the role (re-read from the database) lacks the right, the account is banned, or it is someone else's comment. Show the message; retrying will not help. */
  | 'FORBIDDEN'
  /** The comment, note, article or user does not exist (any more). Show the message and refresh what is shown. */
  | 'NOT_FOUND'
  /** The input failed its schema; `fieldErrors` names the fields. Show the words next to the fields and let the person correct them. */
  | 'INVALID_INPUT'
  /** The thing is already so (already hidden, not flagged, already banned…); nothing was written. Show the current state. */
  | 'NO_CHANGE'
  /** It changed since the caller loaded it (another version), or its state rules the action out; the message says what happened. Reload it and decide again. */
  | 'CONFLICT'
  /** The change would leave no active owner. Make someone else an owner first. */
  | 'LAST_OWNER'
  /** Too many posts, reports, edits, sign-ups or sign-in attempts; the message says when to try again. Wait, then retry. */
  | 'RATE_LIMITED'
  /** The article no longer takes new comments or replies. Show the message; reading and reporting go on. */
  | 'COMMENTS_CLOSED'
  /** The same text was just posted by this person; the message says when it may be posted again. Do not retry at once. */
  | 'DUPLICATE'
  /** This person already has an open report on the comment. Nothing to do: moderators will look at it. */
  | 'ALREADY_REPORTED'
  /** The author's 15 minutes to edit have passed. Nothing to retry: the comment stays as it is (it can still be deleted). */
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
