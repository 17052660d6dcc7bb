// The one table from ErrorCode to HTTP status, for every route handler: a refusal answers with its
// code's status and `{ error: { code, message } }`. (Server actions answer 200 with the typed result.)
import 'server-only';
import type { ErrorCode, Failure } from '@/lib/shared/result';
import { jsonError } from './json-error';

export const ERROR_STATUS = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  NO_CHANGE: 409,
  CONFLICT: 409,
  LAST_OWNER: 409,
  RATE_LIMITED: 429,
  COMMENTS_CLOSED: 403,
  DUPLICATE: 409,
  ALREADY_REPORTED: 409,
  EDIT_WINDOW_PASSED: 403,
} as const satisfies Record<ErrorCode, number>;

/** A lib function's refusal as a route handler's answer: its status from the table, its code in lower case. */
export function failureResponse(failure: Failure): Response {
  return jsonError(ERROR_STATUS[failure.code], failure.code.toLowerCase(), failure.message);
}
