// The shared frame of every owner action on an account: one immediate transaction, the caller re-checked, the target loaded.
import 'server-only';
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { users, type User } from '@/db/schema';
import type { Actor } from '@/lib/shared/auth/actor';
import { authorizeActor, type AuthorizedActor } from '@/lib/auth/authorize-actor';
import { fail, type Result, isFailure } from '@/lib/shared/result';

export type ManagedUserChange<T extends object> = (tx: Tx, caller: AuthorizedActor, target: User) => Result<T>;

/**
 * Runs `change` for an owner (or the system) on an existing user, all inside ONE immediate
 * transaction: a failure returned or thrown by `change` leaves nothing written.
 */
export function withManagedUser<T extends object>(db: Db, actor: Actor, userId: number, change: ManagedUserChange<T>): Result<T> {
  return db.transaction((tx) => {
    const caller = authorizeActor(tx, actor, 'users.manage');
    if (isFailure(caller)) return caller;
    const target = tx.select().from(users).where(eq(users.id, userId)).get();
    if (!target) return fail('NOT_FOUND', 'That user does not exist.');
    return change(tx, caller, target);
  }, { behavior: 'immediate' });
}

/** True when `user` is the only owner who is not banned: demoting or banning them would leave no one in charge. */
export function isLastActiveOwner(tx: Tx, user: User): boolean {
  if (user.role !== 'owner' || user.bannedAt !== null) return false;
  const other = tx.select({ id: users.id }).from(users)
    .where(and(eq(users.role, 'owner'), isNull(users.bannedAt), ne(users.id, user.id))).limit(1).get();
  return other === undefined;
}
