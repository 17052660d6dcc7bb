// Lifts a ban and logs `user_unbanned` in the same transaction.
import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import type { Actor } from '@/lib/shared/auth/actor';
import { appendLogEntry } from '@/lib/log/append-log-entry';
import { fail, type Result } from '@/lib/shared/result';
import { withManagedUser } from './with-managed-user';

/**
 * Who: owners (and the command line). Refuses: anyone else, an unknown user, and a user who is not
 * banned (NO_CHANGE, nothing logged). Logs: one `user_unbanned` row.
 */
export function unbanUser(db: Db, actor: Actor, input: { userId: number }): Result {
  return withManagedUser(db, actor, input.userId, (tx, caller, target) => {
    if (target.bannedAt === null) return fail('NO_CHANGE', `${target.email} is not banned.`);
    tx.update(users).set({ bannedAt: null, banReason: null }).where(eq(users.id, target.id)).run();
    appendLogEntry(tx, {
      actor: caller.logActor,
      action: 'user_unbanned',
      target: { type: 'user', id: target.id },
      previousState: { banned: true },
      newState: { banned: false },
      requestId: actor.requestId,
    });
    return { ok: true };
  });
}
