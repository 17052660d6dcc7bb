// npm run demo: builds if needed, migrates, seeds the demo article, accounts and first moderation decisions, and serves http://localhost:3000.
// package.json runs it with --conditions=react-server: every lib/ and db/ server module imports 'server-only', a
// marker that is an empty module under that condition, as in React's server build.
import fs from 'node:fs';
import path from 'node:path';
import { databasePath, openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { seedDemoArticleFromCaptures } from '@/lib/ops/seed/demo-captures';
import { seedDemoModeration } from '@/lib/ops/seed/seed-demo-moderation';
import { DEMO_ARTICLE_SLUG } from '@/lib/ops/seed/seed-demo-article';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, ensureDemoAccounts } from '@/lib/users/ensure-demo-accounts';
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
  const emailOf = (role: string) => DEMO_ACCOUNTS.find((account) => account.role === role)!.email;
  const moderation = seedDemoModeration(db, seeded.articleId, { moderator: emailOf('moderator'), reader: emailOf('reader') });
  db.$client.close();

  console.log(`
Threadkeeper demo
  database: ${databasePath()} (${applied} migration(s) applied; demo article ${seeded.created ? 'imported' : 'already there'})
  moderation: ${moderation.seeded ? 'three reports and four decisions seeded, one report left open' : 'left as it was'}
  open:     http://localhost:${port}/
  article:  http://localhost:${port}/articles/${DEMO_ARTICLE_SLUG}

Demo accounts (the password of all three is ${DEMO_PASSWORD})
${accounts.map((account) => `  ${account.role.padEnd(9)} ${account.email}${account.created ? ' (created now)' : ''}`).join('\n')}
`);

  startServer(['-p', port]);
}

void main();
