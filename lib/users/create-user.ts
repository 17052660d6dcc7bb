// Creates an account with any role (command line, demo accounts), logging the role it starts with.
import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users, type Role } from '@/db/schema';
import type { Actor } from '@/lib/shared/auth/actor';
import { authorizeActor } from '@/lib/auth/authorize-actor';
import { hashPassword } from '@/lib/auth/password';
import { appendLogEntry } from '@/lib/log/append-log-entry';
import { fail, type Result, isFailure } from '@/lib/shared/result';

export type CreateUserInput = { email: string; displayName: string; role: Role; password: string };

/**
 * Who: owners and the command line. Refuses: anyone else and an email already registered (CONFLICT).
 * Logs: a `role_changed` row (from no account) when the account starts above reader.
 */
export async function createUser(db: Db, actor: Actor, input: CreateUserInput): Promise<Result<{ userId: number }>> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction((tx) => {
    const caller = authorizeActor(tx, actor, 'users.manage');
    if (isFailure(caller)) return caller;
    if (tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get()) {
      return fail('CONFLICT', `A user with the email ${input.email} already exists.`);
    }
    const { id } = tx.insert(users)
      .values({ email: input.email, displayName: input.displayName, passwordHash, role: input.role })
      .returning({ id: users.id }).get();
    if (input.role !== 'reader') {
      appendLogEntry(tx, {
        actor: caller.logActor,
        action: 'role_changed',
        target: { type: 'user', id },
        previousState: null,
        newState: { role: input.role },
        requestId: actor.requestId,
      });
    }
    return { ok: true, userId: id };
  }, { behavior: 'immediate' });
}
