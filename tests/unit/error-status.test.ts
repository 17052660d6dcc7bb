// The one table from ErrorCode to HTTP status that every route handler answers a refusal with.
import { describe, expect, it } from 'vitest';
import { ERROR_STATUS, failureResponse } from '@/lib/http/error-status';
import { fail } from '@/lib/shared/result';

describe('a refusal as a route handler answers it', () => {
  it('keeps the statuses clients rely on: 401 to sign in, 403 refused, 404 gone, 400 bad input', () => {
    expect(ERROR_STATUS).toMatchObject({ UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, INVALID_INPUT: 400, RATE_LIMITED: 429 });
  });

  it('is the code’s status with `{ error: { code, message } }`, the code in lower case, never cached', async () => {
    const response = failureResponse(fail('FORBIDDEN', 'Only owners can export the log.'));
    expect(response.status).toBe(403);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ error: { code: 'forbidden', message: 'Only owners can export the log.' } });
  });
});
