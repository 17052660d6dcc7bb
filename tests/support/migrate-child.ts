// Child process for the concurrent-migration test: opens and migrates argv[2] once the parent says "go"
// on stdin, then prints {"applied": N}. Used by tests/integration/migrate.test.ts.
import '@/scripts/lib/allow-server-only';
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';

const file = process.argv[2];
if (!file) throw new Error('usage: migrate-child.ts <database file>');

process.stdout.write('ready\n');
process.stdin.once('data', () => {
  process.stdin.destroy();
  const db = openDatabase(file);
  const applied = migrateDatabase(db);
  db.$client.close();
  process.stdout.write(`${JSON.stringify({ applied })}\n`);
});
