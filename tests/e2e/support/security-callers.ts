// The five kinds of caller the security suite sends every request as, signed in through Auth.js's own endpoints, and what the permission table expects of each.
import { can, type Permission } from '@/lib/shared/auth/permissions';
import type { Actor } from '@/lib/shared/auth/actor';
import { banUser } from '@/lib/users/ban-user';
import { signInOverHttp } from '@/lib/ops/http-client/sign-in-over-http';
import { clearRateLimits, createAccount, e2eDb, systemActor, type Account } from './e2e-db';

export const CALLERS = ['anonymous', 'reader', 'banned', 'moderator', 'owner'] as const;
export type Caller = (typeof CALLERS)[number];

/** A caller with their account and Cookie header (both null for anonymous). */
export type Session = { caller: Caller; account: Account | null; cookie: string | null };

/** What a request should meet: success, or the typed refusal the permission check gives. */
export type Expectation = 'allowed' | 'UNAUTHENTICATED' | 'FORBIDDEN';

/**
 * One fresh account per role, each signed in over HTTP; the banned reader is banned after signing
 * in, the way `npm run user -- ban` does it (banUser as the system), so their cookie stays valid.
 */
export async function signInCallers(baseUrl: string): Promise<Record<Caller, Session>> {
  const db = e2eDb();
  clearRateLimits(db);
  const sessions = { anonymous: { caller: 'anonymous', account: null, cookie: null } } as Record<Caller, Session>;
  for (const caller of ['reader', 'banned', 'moderator', 'owner'] as const) {
    const account = await createAccount(caller === 'banned' ? 'reader' : caller);
    sessions[caller] = { caller, account, cookie: await signInOverHttp(baseUrl, account.email, account.password) };
  }
  const banned = banUser(db, systemActor('e2e security suite'), { userId: sessions.banned.account!.id, reason: 'Security suite ban' });
  if (!banned.ok) throw new Error(`could not ban the banned caller: ${banned.message}`);
  return sessions;
}

/** The actor lib/auth/permissions.ts judges for this kind of caller. */
function actorOf(caller: Caller): Actor {
  const requestId = 'expectation';
  if (caller === 'anonymous') return { kind: 'anonymous', requestId };
  const role = caller === 'banned' ? 'reader' : caller;
  return { kind: 'user', id: 0, email: '', displayName: '', role, banned: caller === 'banned', banReason: null, requestId };
}

/**
 * The table's verdict: anyone when no permission is needed; otherwise `can` decides, and a refusal
 * is UNAUTHENTICATED for anonymous callers and FORBIDDEN for the rest.
 */
export function expectationFor(caller: Caller, permission: Permission | null): Expectation {
  if (permission === null || can(actorOf(caller), permission)) return 'allowed';
  return caller === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
}

/** The HTTP status a route handler refuses with (lib/http/error-status.ts). */
export function refusalStatus(expectation: Exclude<Expectation, 'allowed'>): 401 | 403 {
  return expectation === 'UNAUTHENTICATED' ? 401 : 403;
}
