// The e2e server's database, opened by the tests to set up accounts and to check what an action wrote.
import { randomUUID } from 'node:crypto';
import { openDatabase, type Db } from '@/db/client';
import type { Role } from '@/db/schema';
import type { SystemActor } from '@/lib/shared/auth/actor';
import { createUser } from '@/lib/users/create-user';
import { E2E_DATABASE_PATH } from '@/playwright.config';

export {
  lastLogId, logRows, snapshot, stateOf, userRow, userRowByEmail, userRows, type LogRow, type UserRow,
} from '@/tests/support/accounts';

let connection: Db | undefined;

/**
 * The connection to the server's database, opened on first use: Playwright loads spec files before
 * the web server starts, and the server deletes its folder at start, so nothing may open it at import.
 */
export function e2eDb(): Db {
  connection ??= openDatabase(E2E_DATABASE_PATH);
  return connection;
}

/** The command line's kind of caller, for setting up and changing accounts behind the server's back. */
export function systemActor(name = 'e2e setup'): SystemActor {
  return { kind: 'system', name, requestId: `e2e-${randomUUID()}` };
}

export const ACCOUNT_PASSWORD = 'correct horse battery';

export type Account = { id: number; email: string; password: string; displayName: string; role: Role };

/** A new account no other test knows, created as the command line would create it. */
export async function createAccount(role: Role, options: { displayName?: string; password?: string } = {}): Promise<Account> {
  const tag = randomUUID().slice(0, 8);
  const account = {
    email: `${role}-${tag}@example.test`,
    password: options.password ?? ACCOUNT_PASSWORD,
    displayName: options.displayName ?? `E2E ${role} ${tag}`,
    role,
  };
  const result = await createUser(e2eDb(), systemActor(), account);
  if (!result.ok) throw new Error(`could not create ${account.email}: ${result.message}`);
  return { id: result.userId, ...account };
}

export type SignInFailureRow = { id: number; email: string; client_address: string; failed_at: number };

export function signInFailures(db: Db): SignInFailureRow[] {
  return db.$client.prepare('SELECT * FROM sign_in_failures ORDER BY id').all() as SignInFailureRow[];
}

/**
 * Forgets every failed sign-in and every counted sign-up. All tests reach the server from 127.0.0.1:
 * 10 failures from one address in 10 minutes block that address for every account, and 10 sign-ups
 * an hour are all one address may make, so no test may leave its count to the tests after it.
 */
export function clearRateLimits(db: Db): void {
  db.$client.exec('DELETE FROM sign_in_failures; DELETE FROM rate_limit_hits;');
}
