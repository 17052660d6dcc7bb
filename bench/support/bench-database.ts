// The benches' database: migrated, one synthetic thread, and accounts made by the app's own createUser.
import type { Db } from '@/db/client';
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import type { Role } from '@/db/schema';
import { insertArticleWithThread } from '@/lib/ops/seed/insert-article-with-thread';
import { generateSyntheticThread } from '@/lib/ops/synthetic/generate-thread';
import { createUser } from '@/lib/users/create-user';

export type BenchAccount = { email: string; password: string; role: Role };

export type BenchDatabaseOptions = {
  file: string;
  slug: string;
  comments: number;
  accounts: { prefix: string; count: number; role: Role; password: string }[];
};

const SETUP_ACTOR = { kind: 'system', name: 'bench setup', requestId: 'bench-setup' } as const;

/** Creates the file; returns the accounts made (all with their group's password) and the article's id. */
export async function createBenchDatabase(options: BenchDatabaseOptions): Promise<{ articleId: number; accounts: BenchAccount[] }> {
  const db = openDatabase(options.file);
  try {
    migrateDatabase(db);
    const { article, thread } = generateSyntheticThread({ comments: options.comments, slug: options.slug });
    const { articleId } = insertArticleWithThread(db, article, thread, 'synthetic');
    const accounts: BenchAccount[] = [];
    for (const group of options.accounts) {
      accounts.push(...(await createAccounts(db, group)));
    }
    return { articleId, accounts };
  } finally {
    db.$client.close();
  }
}

/** Hashes run on libuv's thread pool, so a few at a time use both cores. */
async function createAccounts(db: Db, group: BenchDatabaseOptions['accounts'][number]): Promise<BenchAccount[]> {
  const accounts = Array.from({ length: group.count }, (_, index) => ({
    email: `${group.prefix}-${index + 1}@example.test`,
    password: group.password,
    role: group.role,
  }));
  const CONCURRENT_HASHES = 4;
  for (let start = 0; start < accounts.length; start += CONCURRENT_HASHES) {
    await Promise.all(accounts.slice(start, start + CONCURRENT_HASHES).map(async (account, offset) => {
      const result = await createUser(db, SETUP_ACTOR, {
        email: account.email,
        displayName: `${group.prefix} ${start + offset + 1}`,
        role: account.role,
        password: account.password,
      });
      if (!result.ok) throw new Error(`could not create ${account.email}: ${result.message}`);
    }));
  }
  return accounts;
}
