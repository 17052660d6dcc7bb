// Child process for the backup tests: a busy site. Opens the database argv[2] (claiming it as a
// server would when argv[3] is --claim), says "ready", then hides and unhides the article's replies
// as the moderator and posts new replies as the readers, one action per turn of the event loop,
// until the parent writes "stop" on stdin; then prints {"succeeded": n, "refused": m}.
// Used by tests/integration/db-backup.test.ts.
import '@/scripts/lib/allow-server-only';
import { openDatabase } from '@/db/client';
import { claimDatabase } from '@/lib/ops/backup/server-claim';
import { postComment } from '@/lib/comments/post-comment';
import { hideComment } from '@/lib/moderation/hide-comment';
import { unhideComment } from '@/lib/moderation/unhide-comment';
import { userActor } from './accounts';

const [file, claim] = process.argv.slice(2);
if (!file) throw new Error('usage: backup-load-child.ts <database file> [--claim]');

const db = openDatabase(file);
if (claim === '--claim') claimDatabase(file, 'server');
const ids = (sql: string) => db.$client.prepare(sql).pluck().all() as number[];
const moderator = userActor(db, ids("SELECT id FROM users WHERE role = 'moderator' AND banned_at IS NULL LIMIT 1")[0]!, 'req-load-moderator');
const readers = ids("SELECT id FROM users WHERE role = 'reader' AND banned_at IS NULL").map((id) => userActor(db, id, `req-load-${id}`));
const articleId = ids('SELECT id FROM articles ORDER BY id LIMIT 1')[0]!;
const replies = ids(`SELECT id FROM comments WHERE article_id = ${articleId} AND status IN ('visible', 'hidden') ORDER BY id`);
const stateOf = db.$client.prepare('SELECT status, version FROM comments WHERE id = ?');

let turn = 0;
let succeeded = 0;
let refused = 0;
let stopping = false;

/** One action: every third turn a post (which the posting limits may refuse), otherwise a hide or an unhide. */
function act(): { ok: boolean } {
  turn += 1;
  if (turn % 3 === 0) {
    const reader = readers[turn % readers.length]!;
    return postComment(db, reader, { articleId, body: `Load reply ${turn} from process ${process.pid}` });
  }
  const commentId = replies[turn % replies.length]!;
  const { status, version } = stateOf.get(commentId) as { status: string; version: number };
  return status === 'hidden'
    ? unhideComment(db, moderator, { commentId, version })
    : hideComment(db, moderator, { commentId, version, reason: 'spam' });
}

function loop(): void {
  if (stopping) return;
  if (act().ok) succeeded += 1;
  else refused += 1;
  setImmediate(loop);
}

process.stdin.once('data', () => {
  stopping = true;
  process.stdin.destroy();
  db.$client.close();
  process.stdout.write(`${JSON.stringify({ succeeded, refused })}\n`);
});
process.stdout.write('ready\n');
loop();
