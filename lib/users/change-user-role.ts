// Changes a user's role and logs `role_changed` in the same transaction.
import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users, type Role } from '@/db/schema';
import type { Actor } from '@/lib/shared/auth/actor';
import { ROLE_IN_A_SENTENCE } from '@/lib/shared/vocabulary';
import { appendLogEntry } from '@/lib/log/append-log-entry';
import { fail, type Result } from '@/lib/shared/result';
import { isLastActiveOwner, withManagedUser } from './with-managed-user';

/**
 * Who: owners (and the command line). Refuses: anyone else, an unknown user, the role the user
 * already has (NO_CHANGE, nothing logged), and demoting the last owner who is not banned.
 * Logs: one `role_changed` row with the old and new role.
 */
export function changeUserRole(db: Db, actor: Actor, input: { userId: number; role: Role }): Result<{ role: Role }> {
  return withManagedUser(db, actor, input.userId, (tx, caller, target) => {
    if (target.role === input.role) return fail('NO_CHANGE', `${target.email} is already ${ROLE_IN_A_SENTENCE[input.role]}.`);
    if (isLastActiveOwner(tx, target)) {
      return fail('LAST_OWNER', `${target.email} is the last owner. Make someone else an owner first.`);
    }
    tx.update(users).set({ role: input.role }).where(eq(users.id, target.id)).run();
    appendLogEntry(tx, {
      actor: caller.logActor,
      action: 'role_changed',
      target: { type: 'user', id: target.id },
      previousState: { role: target.role },
      newState: { role: input.role },
      requestId: actor.requestId,
    });
    return { ok: true, role: input.role };
  });
}
