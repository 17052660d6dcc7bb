// Serves the production build on a throw-away database for the browser tests, and removes it on exit.
import './lib/allow-server-only';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { insertArticleWithThread } from '@/lib/ops/seed/insert-article-with-thread';
import { seedDemoArticleFromCaptures } from '@/lib/ops/seed/demo-captures';
import { generateSyntheticThread } from '@/lib/ops/synthetic/generate-thread';
import { ensureDemoAccounts } from '@/lib/users/ensure-demo-accounts';
import { startServer } from './next-server';
import { E2E_DEEP_CHAIN, E2E_DEEP_SLUG, E2E_SYNTHETIC_COMMENTS, E2E_SYNTHETIC_SEED, E2E_SYNTHETIC_SLUG } from './e2e-data';

const { values } = parseArgs({ options: { port: { type: 'string', default: '3100' }, database: { type: 'string' } } });
if (!values.database) throw new Error('--database <file> is required: the tests read the same file');
const databaseFile = values.database;
const dir = path.dirname(databaseFile);
// The folder is deleted at start and exit, so it must be one of ours, never data/.
if (!path.basename(dir).startsWith('threadkeeper-e2e-')) throw new Error(`${dir} is not a threadkeeper-e2e-* folder`);
// A folder left by an interrupted run would carry its accounts and log into this one.
fs.rmSync(dir, { recursive: true, force: true });

const db = openDatabase(databaseFile);
migrateDatabase(db);
seedDemoArticleFromCaptures(db);
const synthetic = generateSyntheticThread({
  comments: E2E_SYNTHETIC_COMMENTS,
  slug: E2E_SYNTHETIC_SLUG,
  seed: E2E_SYNTHETIC_SEED,
});
insertArticleWithThread(db, synthetic.article, synthetic.thread, 'synthetic');
insertArticleWithThread(
  db,
  { ...synthetic.article, slug: E2E_DEEP_SLUG, title: 'A deep conversation' },
  Array.from({ length: E2E_DEEP_CHAIN + 1 }, (_, index) => ({
    parentIndex: index === 0 ? null : index - 1,
    authorName: `Level ${index} author`,
    body: `Level ${index} of the chain.`,
    status: 'visible' as const,
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, index)).toISOString(),
  })),
  'synthetic',
);

async function main(): Promise<void> {
  await ensureDemoAccounts(db);
  db.$client.close();
  startServer(['-p', values.port!, '-H', '127.0.0.1'], { DATABASE_PATH: databaseFile }, () =>
    fs.rmSync(dir, { recursive: true, force: true }),
  );
}

void main();
