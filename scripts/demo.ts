// npm run demo: builds if needed, migrates, seeds the demo article and accounts, and serves http://localhost:3000.
import fs from 'node:fs';
import path from 'node:path';
import { databasePath, openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { seedDemoArticleFromCaptures } from '@/lib/import/demo-captures';
import { DEMO_ARTICLE_SLUG } from '@/lib/import/seed-demo-article';
import { DEMO_PASSWORD, ensureDemoAccounts } from '@/lib/users/ensure-demo-accounts';
import { buildNext, startServer } from './next-server';

const port = process.env.PORT || '3000';

const BUILD_INPUTS = ['app', 'components', 'lib', 'db', 'next.config.ts', 'package.json', 'package-lock.json'];

/** The newest modification time under the given paths, so an edited source triggers a rebuild. */
function newestChange(entries: string[]): number {
  let newest = 0;
  for (const entry of entries) {
    if (!fs.existsSync(entry)) continue;
    const stat = fs.statSync(entry);
    newest = Math.max(newest, stat.mtimeMs);
    if (stat.isDirectory()) newest = Math.max(newest, newestChange(fs.readdirSync(entry).map((name) => path.join(entry, name))));
  }
  return newest;
}

const buildId = path.join(process.cwd(), '.next', 'BUILD_ID');
if (!fs.existsSync(buildId) || newestChange(BUILD_INPUTS) > fs.statSync(buildId).mtimeMs) {
  console.log('The production build is missing or older than the sources: running next build…');
  if (!buildNext()) process.exit(1);
}

async function main(): Promise<void> {
  const db = openDatabase();
  const applied = migrateDatabase(db);
  const seeded = seedDemoArticleFromCaptures(db);
  const accounts = await ensureDemoAccounts(db);
  db.$client.close();

  console.log(`
Threadkeeper demo
  database: ${databasePath()} (${applied} migration(s) applied; demo article ${seeded.created ? 'imported' : 'already there'})
  open:     http://localhost:${port}/
  article:  http://localhost:${port}/articles/${DEMO_ARTICLE_SLUG}

Demo accounts (the password of all three is ${DEMO_PASSWORD})
${accounts.map((account) => `  ${account.role.padEnd(9)} ${account.email}${account.created ? ' (created now)' : ''}`).join('\n')}
`);

  startServer(['-p', port]);
}

void main();
