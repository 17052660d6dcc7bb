// npm run db:backup and db:restore on real database files: an online backup while another process
// keeps moderating and posting, restores refused while a server holds the database or when the file
// is not a sound Threadkeeper database, and the replaced database kept whole, its -wal included.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '@/db/client';
import { backupDatabase } from '@/lib/ops/backup/backup-database';
import { claimDatabase, claimFileOf } from '@/lib/ops/backup/server-claim';
import { insertArticleWithThread } from '@/lib/ops/seed/insert-article-with-thread';
import { verifyLogChain } from '@/lib/ops/log-verify/verify-log-chain';
import { hideComment } from '@/lib/moderation/hide-comment';
import { unhideComment } from '@/lib/moderation/unhide-comment';
import { generateSyntheticThread } from '@/lib/ops/synthetic/generate-thread';
import { userActor } from '@/tests/support/accounts';
import { sha256 } from '@/tests/support/comments';
import { insertModerationScene } from '@/tests/support/moderation';
import { createTempDb, type TempDb } from '@/tests/support/temp-db';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LOAD_CHILD = path.join(ROOT, 'tests', 'support', 'backup-load-child.ts');

let temp: TempDb;
let dir: string;

beforeEach(() => {
  temp = createTempDb();
  dir = path.dirname(temp.file);
  const scene = insertModerationScene(temp.db, 20);
  // Two decisions, so that every copy carries a chain to verify.
  const moderator = userActor(temp.db, scene.ids.moderator);
  expect(hideComment(temp.db, moderator, { commentId: scene.reply, version: 1, reason: 'spam' }).ok).toBe(true);
  expect(unhideComment(temp.db, moderator, { commentId: scene.reply, version: 2 }).ok).toBe(true);
  // A few megabytes, so that the copy takes long enough for the load to write meanwhile.
  const bulk = generateSyntheticThread({ comments: 3000, slug: 'bulk-thread', seed: 11 });
  insertArticleWithThread(temp.db, bulk.article, bulk.thread, 'synthetic');
});
afterEach(() => temp.cleanup());

type Output = { code: number | null; stdout: string; stderr: string };

function collect(child: ChildProcessWithoutNullStreams): { output: Output; closed: Promise<Output> } {
  const output: Output = { code: null, stdout: '', stderr: '' };
  child.stdout.on('data', (chunk) => (output.stdout += chunk));
  child.stderr.on('data', (chunk) => (output.stderr += chunk));
  const closed = new Promise<Output>((resolve) => child.on('close', (code) => resolve({ ...output, code })));
  return { output, closed };
}

/** Runs scripts/db-backup.ts or db-restore.ts on DATABASE_PATH=`database`, as npm run would. */
function runScript(script: 'db-backup' | 'db-restore', args: string[], database = temp.file): Promise<Output> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', `${script}.ts`), ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_PATH: database },
  });
  return collect(child).closed;
}

type Load = { pid: number; stop: () => Promise<{ succeeded: number; refused: number }>; kill: () => Promise<void> };

/** Starts backup-load-child on the database and resolves once it is writing. */
async function startLoad(options: { claim?: boolean } = {}): Promise<Load> {
  const child = spawn(process.execPath, ['--import', 'tsx', LOAD_CHILD, temp.file, ...(options.claim ? ['--claim'] : [])], { cwd: ROOT });
  const { output, closed } = collect(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', () => (output.stdout.includes('ready\n') ? resolve() : undefined));
    child.on('close', () => reject(new Error(`the load exited before it was ready: ${output.stderr}`)));
  });
  return {
    pid: child.pid!,
    stop: async () => {
      child.stdin.end('stop\n');
      const result = await closed;
      expect(result, result.stderr).toMatchObject({ code: 0 });
      return JSON.parse(result.stdout.split('\n')[1]!) as { succeeded: number; refused: number };
    },
    kill: async () => {
      child.kill('SIGKILL');
      await closed;
    },
  };
}

const count = (db: Db, table: string) => Number(db.$client.prepare(`SELECT count(*) FROM ${table}`).pluck().get());

async function waitForLogRows(db: Db, rows: number): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (count(db, 'moderation_log') < rows) {
    if (Date.now() > deadline) throw new Error(`the load never reached ${rows} log rows`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Opens a database file on its own, checks it the way a restore would, and closes it. */
function readBack(file: string) {
  const db = openDatabase(file);
  try {
    return {
      integrity: db.$client.pragma('integrity_check', { simple: true }),
      chain: verifyLogChain(db),
      comments: count(db, 'comments'),
    };
  } finally {
    db.$client.close();
  }
}

const filesIn = (folder: string) => fs.readdirSync(folder).sort();

describe('backupDatabase under load', () => {
  it('copies a consistent snapshot holding at least every row committed before it began, as one file', async () => {
    const load = await startLoad();
    await waitForLogRows(temp.db, 30);
    const before = { logRows: count(temp.db, 'moderation_log'), comments: count(temp.db, 'comments') };
    const copy = path.join(dir, 'copy.db');

    const inspection = await backupDatabase(temp.file, copy);
    const { succeeded } = await load.stop();

    expect(inspection.counts.logRows).toBeGreaterThanOrEqual(before.logRows);
    expect(inspection.counts.comments).toBeGreaterThanOrEqual(before.comments);
    // The load went on writing after the backup began, and the copy's log is a prefix of the live one.
    expect(count(temp.db, 'moderation_log')).toBeGreaterThan(before.logRows);
    expect(succeeded).toBeGreaterThan(before.logRows - 1);
    const liveHash = temp.db.$client.prepare('SELECT hash FROM moderation_log WHERE id = ?').pluck().get(inspection.counts.logRows);
    expect(liveHash).toBe(inspection.counts.head);
    // One file: nothing beside it, no temporary file left, and it opens and verifies on its own.
    expect(filesIn(dir).filter((name) => name.startsWith('copy.db'))).toEqual(['copy.db']);
    expect(readBack(copy)).toEqual({
      integrity: 'ok',
      chain: { ok: true, rows: inspection.counts.logRows, head: inspection.counts.head },
      comments: inspection.counts.comments,
    });
  });
});

describe('npm run db:backup', () => {
  it('writes a verified copy, prints its counts, refuses to overwrite it, and replaces it with --force', async () => {
    const copy = path.join(dir, 'nightly.db');
    const first = await runScript('db-backup', [copy]);
    expect(first, first.stderr).toMatchObject({ code: 0 });
    expect(first.stdout).toContain(`Backup written to ${copy} and verified.`);
    expect(first.stdout).toContain('Checks: integrity_check ok, foreign_key_check clean, moderation log chain verified, schema at 0008_reports_resolved.');
    expect(first.stdout).toContain('Rows: 2 articles, 3,021 comments, 7 users, 3 reports, 2 moderation log rows.');
    expect(first.stdout).toMatch(/Log head hash: [0-9a-f]{64}/);
    // A rollback-journal file (header bytes 18 and 19 are 1): it never looks for a -wal.
    const header = fs.readFileSync(copy).subarray(18, 20);
    expect([...header]).toEqual([1, 1]);

    const bytes = sha256(fs.readFileSync(copy, 'latin1'));
    const again = await runScript('db-backup', [copy]);
    expect(again).toMatchObject({ code: 3, stdout: '' });
    expect(again.stderr).toBe(`Refused: ${copy} already exists: choose a new name, or add --force to replace it.\n`);
    expect(sha256(fs.readFileSync(copy, 'latin1'))).toBe(bytes);

    const forced = await runScript('db-backup', [copy, '--force']);
    expect(forced, forced.stderr).toMatchObject({ code: 0 });
    expect(filesIn(dir).filter((name) => name.startsWith('nightly'))).toEqual(['nightly.db']);
  });

  it('refuses to write over the live database, and explains its usage', async () => {
    const itself = await runScript('db-backup', [temp.file]);
    expect(itself).toMatchObject({ code: 3, stderr: `Refused: ${temp.file} is the live database itself: choose another file.\n` });
    const none = await runScript('db-backup', []);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('error: Give the file.');
    expect(none.stderr).toContain('Usage: npm run db:backup -- <file> [--force]');
  });
});

describe('npm run db:restore', () => {
  it('refuses while a server holds the database, then swaps the backup in and keeps the database it replaced, -wal included', async () => {
    const backup = path.join(dir, 'backup.db');
    const backedUp = (await backupDatabase(temp.file, backup)).counts;

    const server = await startLoad({ claim: true });
    await waitForLogRows(temp.db, backedUp.logRows + 20);
    const refused = await runScript('db-restore', [backup]);
    expect(refused).toMatchObject({ code: 3, stdout: '' });
    expect(refused.stderr).toContain(`Refused: A Threadkeeper server (pid ${server.pid}) is running on ${temp.file}: stop it first.`);

    // Killed outright: its claim stays behind, and its last transactions live only in the -wal.
    await server.kill();
    expect(fs.existsSync(claimFileOf(temp.file))).toBe(true);
    expect(fs.statSync(`${temp.file}-wal`).size).toBeGreaterThan(0);
    const live = { logRows: count(temp.db, 'moderation_log'), comments: count(temp.db, 'comments') };

    // This test's own connection is still open: SQLite tells the restore that the file is in use.
    const inUse = await runScript('db-restore', [backup]);
    expect(inUse).toMatchObject({ code: 3, stderr: `Refused: Another process has ${temp.file} open: stop it first.\n` });
    expect(count(temp.db, 'moderation_log')).toBe(live.logRows);

    temp.db.$client.close();
    const restored = await runScript('db-restore', [backup]);
    expect(restored, restored.stderr).toMatchObject({ code: 0 });
    const keptAs = /The database it replaced is kept as (.+)\.\n/.exec(restored.stdout)![1]!;
    expect(path.basename(keptAs)).toMatch(/^test\.db\.before-restore-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z$/);
    expect(restored.stdout).toContain(`Restored ${temp.file} from ${backup}.`);
    // Nothing of the old database is left under its name: no -wal to replay over the restored file, no claim.
    expect(filesIn(dir)).toEqual(['backup.db', 'test.db', path.basename(keptAs)]);

    expect(readBack(temp.file)).toEqual({
      integrity: 'ok',
      chain: { ok: true, rows: backedUp.logRows, head: backedUp.head },
      comments: backedUp.comments,
    });
    // The replaced database holds every transaction the killed server committed.
    expect(readBack(keptAs)).toMatchObject({ integrity: 'ok', chain: { ok: true, rows: live.logRows }, comments: live.comments });
  });

  const badFiles: [string, (file: string) => void, string | RegExp][] = [
    ['a text file', (file) => fs.writeFileSync(file, 'not a database at all\n'.repeat(100)), 'is not a SQLite database.'],
    ['another application\'s database', (file) => {
      const db = openDatabase(file);
      db.$client.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)');
      db.$client.close();
    }, 'is not a Threadkeeper database: it has no articles, comments, users, reports, moderation_log, __drizzle_migrations table.'],
    ['a copy whose log was altered', (file) => {
      const db = openDatabase(file);
      db.$client.exec("DROP TRIGGER moderation_log_no_update; UPDATE moderation_log SET internal_note = 'rewritten' WHERE id = 1");
      db.$client.close();
    }, "the moderation log's hash chain breaks at row 1: the row was altered: its hash does not recompute"],
    ['a copy from a newer Threadkeeper', (file) => {
      const db = openDatabase(file);
      db.$client.prepare('INSERT INTO "__drizzle_migrations" (hash, created_at) VALUES (?, ?)').run('future', Date.UTC(2031, 0, 1));
      db.$client.close();
    }, "its schema (an unknown migration of 2031-01-01T00:00:00.000Z) is newer than this app's (0008_reports_resolved)"],
    ['a copy with a damaged page', (file) => {
      const bytes = fs.readFileSync(file);
      // Overwrites the middle of the file, where the comments' pages are, with a run of noise.
      bytes.fill(0x5a, Math.floor(bytes.length / 2), Math.floor(bytes.length / 2) + 8192);
      fs.writeFileSync(file, bytes);
    }, /did not verify|database disk image is malformed/],
  ];

  it.each(badFiles)('refuses %s and leaves the database as it was', async (_, spoil, message) => {
    const file = path.join(dir, 'suspect.db');
    if (typeof message !== 'string' || !message.startsWith('is not a')) await backupDatabase(temp.file, file);
    spoil(file);
    temp.db.$client.close();
    const before = sha256(fs.readFileSync(temp.file, 'latin1'));
    const listing = filesIn(dir);

    const result = await runScript('db-restore', [file]);
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toMatch(/^Failed: /);
    expect(result.stderr).toContain(file);
    expect(result.stderr).toMatch(message);
    expect(sha256(fs.readFileSync(temp.file, 'latin1'))).toBe(before);
    expect(filesIn(dir)).toEqual(listing);
  });
});

describe('the server claim', () => {
  it('keeps a second server off a database a live one holds, and replaces a claim whose process is gone', async () => {
    const release = claimDatabase(temp.file, 'server');
    const second = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'serve.ts'), '--port', '3211'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_PATH: temp.file },
    });
    const refused = await collect(second).closed;
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`Cannot start: A Threadkeeper server (pid ${process.pid}) is running on ${temp.file}: stop it first.`);
    release();
    expect(fs.existsSync(claimFileOf(temp.file))).toBe(false);

    // A pid that ran and ended: the claim it left is stale.
    const ended = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => ended.on('close', resolve));
    fs.writeFileSync(claimFileOf(temp.file), `${ended.pid} server\n`);
    const again = claimDatabase(temp.file, 'server');
    expect(fs.readFileSync(claimFileOf(temp.file), 'utf8')).toBe(`${process.pid} server\n`);
    again();
  });
});
