// Bans a user with a reason and logs `user_banned` in the same transaction.
import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import type { Actor } from '@/lib/shared/auth/actor';
import { appendLogEntry } from '@/lib/log/append-log-entry';
import { fail, type Result } from '@/lib/shared/result';
import { isLastActiveOwner, withManagedUser } from './with-managed-user';

/**
 * Who: owners (and the command line). Refuses: anyone else, an unknown user, a user already banned
 * (NO_CHANGE, nothing logged), and the last owner who is not banned. A banned user keeps reading
 * but loses every permission on their next request; the reason is shown to them.
 * Logs: one `user_banned` row whose public note is the reason.
 */
export function banUser(db: Db, actor: Actor, input: { userId: number; reason: string }): Result {
  return withManagedUser(db, actor, input.userId, (tx, caller, target) => {
    if (target.bannedAt !== null) return fail('NO_CHANGE', `${target.email} is already banned.`);
    if (isLastActiveOwner(tx, target)) return fail('LAST_OWNER', `${target.email} is the last owner and cannot be banned.`);
    tx.update(users).set({ bannedAt: new Date().toISOString(), banReason: input.reason }).where(eq(users.id, target.id)).run();
    appendLogEntry(tx, {
      actor: caller.logActor,
      action: 'user_banned',
      target: { type: 'user', id: target.id },
      publicNote: input.reason,
      previousState: { banned: false },
      newState: { banned: true },
      requestId: actor.requestId,
    });
    return { ok: true };
  });
}
