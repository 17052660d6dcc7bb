// Checks an email and password for sign-in, behind the rate limiter, with the same answer and cost for every kind of wrong.
import 'server-only';
import type { Db } from '@/db/client';
import { prepared } from '@/db/prepared';
import { minutesLabel } from '@/lib/shared/format/minutes';
import { fail, type Failure } from '@/lib/shared/result';
import { normalizeEmail } from '@/lib/shared/validation/account-fields';
import { verifyAgainstDummyHash, verifyPassword } from './password';
import { beginSignInAttempt, succeedSignInAttempt } from './sign-in-limiter';

export type AuthenticateInput = { email: string; password: string; clientAddress: string };

export const WRONG_CREDENTIALS = 'Wrong email or password.';

/**
 * Who: anyone. Refuses with RATE_LIMITED before any password work when the account or the address
 * has 10 failures in the last 10 minutes; otherwise an unknown email and a wrong password both give
 * WRONG_CREDENTIALS after one full scrypt check. Banned users may sign in: they keep reading.
 */
export async function authenticate(
  db: Db,
  input: AuthenticateInput,
  now: number = Date.now(),
): Promise<{ ok: true; userId: number; sessionVersion: number } | Failure> {
  const email = normalizeEmail(input.email);
  const attempt = beginSignInAttempt(db, { email, clientAddress: input.clientAddress }, now);
  if ('retryAfterMinutes' in attempt) {
    return fail('RATE_LIMITED', `Too many attempts; try again in ${minutesLabel(attempt.retryAfterMinutes)}.`);
  }
  const user = prepared(db, 'SELECT id, password_hash, session_version FROM users WHERE email = ?').get(email) as
    | { id: number; password_hash: string; session_version: number }
    | undefined;
  const valid = user ? await verifyPassword(input.password, user.password_hash) : await verifyAgainstDummyHash(input.password);
  if (!user || !valid) return fail('UNAUTHENTICATED', WRONG_CREDENTIALS);
  succeedSignInAttempt(db, attempt.attemptId, email);
  return { ok: true, userId: user.id, sessionVersion: user.session_version };
}
