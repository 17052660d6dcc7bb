// The demo's three accounts (owner, moderator, reader), created by `npm run demo` when missing; `npm start` never creates them.
import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Db } from '@/db/client';
import type { Role } from '@/db/roles';
import { findUserIdByEmail } from '@/lib/queries/users';
import { createUser } from './create-user';

export const DEMO_PASSWORD = 'threadkeeper-demo';

export const DEMO_ACCOUNTS: readonly { email: string; displayName: string; role: Role }[] = [
  { email: 'owner@example.com', displayName: 'Demo Owner', role: 'owner' },
  { email: 'moderator@example.com', displayName: 'Demo Moderator', role: 'moderator' },
  { email: 'reader@example.com', displayName: 'Demo Reader', role: 'reader' },
];

/** Creates whichever demo accounts are missing; an existing account is left exactly as it is. */
export async function ensureDemoAccounts(db: Db): Promise<{ email: string; role: Role; created: boolean }[]> {
  const actor = { kind: 'system', name: 'demo setup', requestId: `demo-${randomUUID()}` } as const;
  const outcomes = [];
  for (const account of DEMO_ACCOUNTS) {
    const exists = findUserIdByEmail(db, account.email) !== undefined;
    if (!exists) {
      const result = await createUser(db, actor, { ...account, password: DEMO_PASSWORD });
      if (!result.ok) throw new Error(`Could not create the demo account ${account.email}: ${result.message}`);
    }
    outcomes.push({ email: account.email, role: account.role, created: !exists });
  }
  return outcomes;
}
