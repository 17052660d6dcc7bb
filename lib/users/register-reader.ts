// Sign-up: creates a reader account without revealing whether the email was already registered.
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';

export type RegisterReaderInput = { email: string; displayName: string; password: string };

/**
 * Who: anyone. The answer is the same, and costs the same password hash, whether the email is new
 * or taken: a taken email is left untouched. Logs nothing (an account's creation is not moderation).
 */
export async function registerReader(db: Db, input: RegisterReaderInput): Promise<{ ok: true }> {
  const passwordHash = await hashPassword(input.password);
  db.insert(users)
    .values({ email: input.email, displayName: input.displayName, passwordHash, role: 'reader' })
    .onConflictDoNothing({ target: users.email })
    .run();
  return { ok: true };
}
