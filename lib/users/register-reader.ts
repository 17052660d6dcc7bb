// Sign-up: creates a reader account without revealing whether the email was already registered.
import 'server-only';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { minutesLabel, minutesUntil } from '@/lib/shared/format/minutes';
import { clientAddressKey } from '@/lib/rate-limit/client-address-key';
import { takeRateLimitSlot, type RateLimitRule } from '@/lib/rate-limit/take-rate-limit-slot';
import { fail, type Result } from '@/lib/shared/result';

export type RegisterReaderInput = { email: string; displayName: string; password: string };

/** Each sign-up costs a full scrypt hash, so one address may not make the server hash without end. */
export const SIGN_UP_LIMIT: RateLimitRule = { bucket: 'sign_up', limit: 10, windowMs: 60 * 60 * 1000 };

/**
 * Who: anyone, at most 10 sign-ups an hour from one client address, an IPv6 address counting as its
 * /64 (RATE_LIMITED beyond, before any hashing). Otherwise the answer is the same, and costs the
 * same password hash, whether the email is new or taken: a taken email is left untouched. Logs
 * nothing (an account's creation is not moderation).
 */
export async function registerReader(
  db: Db,
  input: RegisterReaderInput,
  clientAddress: string,
  now: number = Date.now(),
): Promise<Result> {
  const slot = takeRateLimitSlot(db, SIGN_UP_LIMIT, clientAddressKey(clientAddress), now);
  if (!slot.ok) {
    return fail('RATE_LIMITED', `Too many sign-ups from your network; try again in ${minutesLabel(minutesUntil(slot.retryAt, now))}.`);
  }
  const passwordHash = await hashPassword(input.password);
  db.insert(users)
    .values({ email: input.email, displayName: input.displayName, passwordHash, role: 'reader' })
    .onConflictDoNothing({ target: users.email })
    .run();
  return { ok: true };
}
