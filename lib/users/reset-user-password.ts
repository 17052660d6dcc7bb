// Sets a new password for a user, ends their sessions, and logs `password_reset` in the same transaction.
import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import type { Actor } from '@/lib/shared/auth/actor';
import { hashPassword } from '@/lib/auth/password';
import { appendLogEntry } from '@/lib/log/append-log-entry';
import type { Result } from '@/lib/shared/result';
import { withManagedUser } from './with-managed-user';

/**
 * Who: owners and the command line. Refuses: anyone else and an unknown user. Every session of the
 * user ends on its next request. Logs: one `password_reset` row (never the password or its hash).
 */
export async function resetUserPassword(db: Db, actor: Actor, input: { userId: number; password: string }): Promise<Result> {
  const passwordHash = await hashPassword(input.password);
  return withManagedUser(db, actor, input.userId, (tx, caller, target) => {
    const sessionVersion = target.sessionVersion + 1;
    tx.update(users).set({ passwordHash, sessionVersion }).where(eq(users.id, target.id)).run();
    appendLogEntry(tx, {
      actor: caller.logActor,
      action: 'password_reset',
      target: { type: 'user', id: target.id },
      previousState: { sessionVersion: target.sessionVersion },
      newState: { sessionVersion },
      requestId: actor.requestId,
    });
    return { ok: true };
  });
}
