// migrateDatabase and what the migrated schema refuses: moved or misplaced comments, unknown statuses.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { createTempDb, type TempDb } from '@/tests/support/temp-db';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHILD = path.join(ROOT, 'tests', 'support', 'migrate-child.ts');
const JOURNAL = JSON.parse(fs.readFileSync(path.join(ROOT, 'db', 'migrations', 'meta', '_journal.json'), 'utf8')) as {
  entries: { when: number; tag: string }[];
};

const schemaOf = (db: Db) => db.$client.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name').all();
const appliedMigrations = (db: Db) =>
  db.$client.prepare('SELECT created_at AS createdAt FROM "__drizzle_migrations" ORDER BY id').pluck().all().map(Number);

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'threadkeeper-migrate-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

type ChildResult = { code: number | null; stdout: string; stderr: string };

/** Starts two migrate-child processes on `file`, waits until both have loaded, then lets them go at once. */
async function migrateFromTwoProcesses(file: string): Promise<ChildResult[]> {
  const children = [0, 1].map(() => spawn(process.execPath, ['--import', 'tsx', CHILD, file], { cwd: ROOT }));
  const results = children.map((child) => {
    const result: ChildResult = { code: null, stdout: '', stderr: '' };
    child.stdout.on('data', (chunk) => (result.stdout += chunk));
    child.stderr.on('data', (chunk) => (result.stderr += chunk));
    return { result, closed: new Promise<void>((resolve) => child.on('close', (code) => ((result.code = code), resolve()))) };
  });
  const ready = (index: number) =>
    new Promise<void>((resolve, reject) => {
      const check = () => (results[index]!.result.stdout.includes('ready\n') ? resolve() : undefined);
      children[index]!.stdout.on('data', check);
      children[index]!.on('close', () => reject(new Error(`child ${index} exited early: ${results[index]!.result.stderr}`)));
    });
  await Promise.all([ready(0), ready(1)]);
  for (const child of children) child.stdin.end('go\n');
  await Promise.all(results.map((r) => r.closed));
  return results.map((r) => r.result);
}

describe('migrateDatabase', () => {
  it('applies every migration once, then nothing, leaving the schema as it was', () => {
    const db = openDatabase(path.join(dir, 'app.db'));
    try {
      expect(migrateDatabase(db)).toBe(JOURNAL.entries.length);
      const schema = schemaOf(db);
      expect(schema.map((row) => (row as { name: string }).name)).toEqual(
        expect.arrayContaining([
          'articles', 'comments', 'comments_tree_consistent_on_insert', 'comments_reply_consistent_on_insert',
          'comments_tree_immutable', 'comments_count_on_insert', 'comments_count_on_status_change', 'comments_count_on_delete',
        ]),
      );
      expect(migrateDatabase(db)).toBe(0);
      expect(schemaOf(db)).toEqual(schema);
      expect(appliedMigrations(db)).toEqual(JOURNAL.entries.map((entry) => entry.when));
    } finally {
      db.$client.close();
    }
  });

  it('lets two processes migrate the same unmigrated file at once', async () => {
    // The file exists (an earlier start opened it) but holds no schema yet.
    const file = path.join(dir, 'shared.db');
    openDatabase(file).$client.close();

    const results = await migrateFromTwoProcesses(file);
    for (const result of results) expect(result, result.stderr).toMatchObject({ code: 0 });
    const applied = results.map((r) => (JSON.parse(r.stdout.split('\n')[1]!) as { applied: number }).applied).sort();
    expect(applied).toEqual([0, JOURNAL.entries.length]);

    const db = openDatabase(file);
    try {
      expect(appliedMigrations(db)).toEqual(JOURNAL.entries.map((entry) => entry.when));
    } finally {
      db.$client.close();
    }
  });

  // Turning a new file to WAL takes a lock the busy timeout does not wait for; openDatabase retries.
  it('lets two processes open and migrate a file that does not exist yet, at once', async () => {
    for (let round = 0; round < 10; round++) {
      const results = await migrateFromTwoProcesses(path.join(dir, `fresh-${round}.db`));
      for (const result of results) expect(result, `round ${round}: ${result.stderr}`).toMatchObject({ code: 0 });
    }
  });
});

describe('the migrated schema', () => {
  let temp: TempDb;
  const run = (sql: string, ...params: unknown[]) => temp.db.$client.prepare(sql).run(...params);
  const row = (id: number) => temp.db.$client.prepare('SELECT * FROM comments WHERE id = ?').get(id);
  const count = () => temp.db.$client.prepare('SELECT count(*) FROM comments').pluck().get();
  const insertComment = (id: number, articleId: number, parentId: number | null, depth: number, path: string, status = 'visible') =>
    run(
      `INSERT INTO comments (id, article_id, parent_id, depth, path, author_name, body, status)
       VALUES (?, ?, ?, ?, ?, 'Reader', 'Text', ?)`,
      id, articleId, parentId, depth, path, status,
    );

  // Article 1: comment 1 with reply 2; comment 3 another root. Article 2: comment 4.
  beforeEach(() => {
    temp = createTempDb();
    run(`INSERT INTO articles (id, slug, title, body, published_on) VALUES (1, 'one', 'One', 'Body', '2026-01'), (2, 'two', 'Two', 'Body', '2026-01')`);
    insertComment(1, 1, null, 0, '000000000001');
    insertComment(2, 1, 1, 1, '000000000001000000000002');
    insertComment(3, 1, null, 0, '000000000003');
    insertComment(4, 2, null, 0, '000000000004');
  });
  afterEach(() => temp.cleanup());

  const MISPLACED = /a reply must sit one level under a parent of the same article, inside its path/;
  const MOVED = /a comment cannot move within or between threads/;

  it('accepts a reply placed one level under its parent, inside its path', () => {
    insertComment(5, 1, 2, 2, '000000000001000000000002000000000005');
    expect(row(5)).toMatchObject({ parent_id: 2, depth: 2, path: '000000000001000000000002000000000005' });
  });

  it('refuses a reply whose path is not inside its parent\'s path', () => {
    expect(() => insertComment(5, 1, 1, 1, '000000000003000000000005')).toThrow(MISPLACED);
    expect(count()).toBe(4);
  });

  it('refuses a reply at the wrong depth for its parent', () => {
    // Path length matches depth 2 and starts with the parent's path: only the depth is wrong.
    expect(() => insertComment(5, 1, 1, 2, '000000000001000000000002000000000005')).toThrow(MISPLACED);
    expect(count()).toBe(4);
  });

  it('refuses a reply to a comment of another article', () => {
    expect(() => insertComment(5, 2, 1, 1, '000000000001000000000005')).toThrow(MISPLACED);
    expect(count()).toBe(4);
  });

  it.each([
    ['path', 'UPDATE comments SET path = ? WHERE id = 2', '000000000001000000000009'],
    ['parent_id', 'UPDATE comments SET parent_id = ? WHERE id = 2', 3],
    ['depth', 'UPDATE comments SET depth = ? WHERE id = 2', 0],
    ['article_id', 'UPDATE comments SET article_id = ? WHERE id = 2', 2],
    ['article_id of a root', 'UPDATE comments SET article_id = ? WHERE id = 3', 2],
  ])('refuses any update of %s', (_column, sql, value) => {
    const before = [row(2), row(3)];
    expect(() => run(sql, value)).toThrow(MOVED);
    expect([row(2), row(3)]).toEqual(before);
  });

  it('still lets a comment\'s text and status change', () => {
    run(`UPDATE comments SET body = 'Edited', status = 'hidden', hidden_reason = 'spam', hidden_at = '2026-01-01T00:00:00.000Z' WHERE id = 2`);
    expect(row(2)).toMatchObject({ body: 'Edited', status: 'hidden', path: '000000000001000000000002' });
  });

  it('refuses a comment whose path does not end with its own id, or that leaves its id to SQLite', () => {
    const FOREIGN_ID = /a path must end with the comment's own id, given explicitly/;
    expect(() => insertComment(5, 1, null, 0, '000000000003')).toThrow(FOREIGN_ID);
    expect(() => insertComment(5, 1, 1, 1, '000000000001000000000002')).toThrow(FOREIGN_ID);
    expect(() =>
      run(`INSERT INTO comments (article_id, parent_id, depth, path, author_name, body) VALUES (1, NULL, 0, '000000000005', 'Reader', 'Text')`),
    ).toThrow(FOREIGN_ID);
    expect(count()).toBe(4);
  });

  it("keeps each article's comment_count in step with inserts, status changes and deletes", () => {
    const commentCounts = () => temp.db.$client.prepare('SELECT id, comment_count FROM articles ORDER BY id').raw().all();
    expect(commentCounts()).toEqual([[1, 3], [2, 1]]);

    insertComment(5, 1, null, 0, '000000000005', 'unavailable');
    insertComment(6, 1, 5, 1, '000000000005000000000006');
    expect(commentCounts()).toEqual([[1, 4], [2, 1]]);

    run(`UPDATE comments SET status = 'hidden', hidden_reason = 'spam', hidden_at = '2026-01-01T00:00:00.000Z' WHERE id = 2`);
    expect(commentCounts()).toEqual([[1, 4], [2, 1]]);
    run(`UPDATE comments SET status = 'visible' WHERE id = 5`);
    expect(commentCounts()).toEqual([[1, 5], [2, 1]]);
    run(`UPDATE comments SET status = 'unavailable' WHERE id = 3`);
    expect(commentCounts()).toEqual([[1, 4], [2, 1]]);

    run('DELETE FROM comments WHERE id = 6');
    run('DELETE FROM comments WHERE id = 3');
    run('DELETE FROM comments WHERE id = 4');
    expect(commentCounts()).toEqual([[1, 3], [2, 0]]);
  });

  it('refuses an unknown status', () => {
    expect(() => insertComment(5, 1, null, 0, '000000000005', 'spam')).toThrow(/CHECK constraint failed: comments_status_valid/);
    expect(() => run(`UPDATE comments SET status = 'spam' WHERE id = 2`)).toThrow(/CHECK constraint failed: comments_status_valid/);
    expect(count()).toBe(4);
    expect(row(2)).toMatchObject({ status: 'visible' });
  });
});
