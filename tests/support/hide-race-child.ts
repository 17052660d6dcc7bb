// Child process for the racing-hides test: once the parent says "go" on stdin, hides each comment of
// argv[5…] in turn at version argv[4], in the database argv[2], as user argv[3]; then prints the
// results as one JSON array. Used by tests/integration/moderation-race.test.ts.
import '@/scripts/lib/allow-server-only';
import { openDatabase } from '@/db/client';
import { hideComment } from '@/lib/moderation/hide-comment';
import { userActor } from './accounts';

const [file, userId, version, ...commentIds] = process.argv.slice(2);
if (!file || !userId || !version || commentIds.length === 0) {
  throw new Error('usage: hide-race-child.ts <database file> <user id> <version> <comment id>...');
}

// Open the database before saying ready, so that both children reach the hides themselves at once.
const db = openDatabase(file);
const actor = userActor(db, Number(userId), `req-race-${userId}`);
process.stdout.write('ready\n');
process.stdin.once('data', () => {
  process.stdin.destroy();
  const results = commentIds.map((commentId) => hideComment(db, actor, { commentId: Number(commentId), version: Number(version), reason: 'spam' }));
  db.$client.close();
  process.stdout.write(`${JSON.stringify(results)}\n`);
});
