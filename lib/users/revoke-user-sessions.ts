// "Sign out everywhere": ends every session of a user and logs `sessions_revoked` in the same transaction.
import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import type { Actor } from '@/lib/shared/auth/actor';
import { appendLogEntry } from '@/lib/log/append-log-entry';
import type { Result } from '@/lib/shared/result';
import { withManagedUser } from './with-managed-user';

/**
 * Who: owners (and the command line). Refuses: anyone else and an unknown user. Bumping the session
 * version makes every existing cookie of the user stale on its next request.
 * Logs: one `sessions_revoked` row with the old and new session version.
 */
export function revokeUserSessions(db: Db, actor: Actor, input: { userId: number }): Result {
  return withManagedUser(db, actor, input.userId, (tx, caller, target) => {
    const sessionVersion = target.sessionVersion + 1;
    tx.update(users).set({ sessionVersion }).where(eq(users.id, target.id)).run();
    appendLogEntry(tx, {
      actor: caller.logActor,
      action: 'sessions_revoked',
      target: { type: 'user', id: target.id },
      previousState: { sessionVersion: target.sessionVersion },
      newState: { sessionVersion },
      requestId: actor.requestId,
    });
    return { ok: true };
  });
}
