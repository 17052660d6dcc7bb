// npm run db:backup against the running production server while it is kept busy over HTTP, then a
// second production server booted from the copy serves the seeded data. Plain `test`: no browser.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { claimFileOf } from '@/lib/ops/backup/server-claim';
import { E2E_DATABASE_PATH } from '@/playwright.config';
import { callServerAction, readServerActionIds } from '@/lib/ops/http-client/server-actions';
import { signInOverHttp } from '@/lib/ops/http-client/sign-in-over-http';
import { SEED_SLUG, SEED_TITLE } from './seed-thread';
import { commentRow, createArticle } from './support/comments';
import { createAccount, e2eDb } from './support/e2e-db';

/** This spec's own port for the server on the copy (the suite's server is on 3100 or E2E_PORT). */
const COPY_PORT = 3210;
const COPY_URL = `http://127.0.0.1:${COPY_PORT}`;
const TSX_CLI = require.resolve('tsx/cli');

type Output = { code: number | null; stdout: string; stderr: string };

function finished(child: ChildProcess): Promise<Output> {
  const output: Output = { code: null, stdout: '', stderr: '' };
  child.stdout?.on('data', (chunk) => (output.stdout += chunk));
  child.stderr?.on('data', (chunk) => (output.stderr += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ ...output, code })));
}

const logRowCount = () => Number(e2eDb().$client.prepare('SELECT count(*) FROM moderation_log').pluck().get());

/** Polls until the server answers GET / (or `deadline` passes). */
async function waitUntilServing(baseUrl: string, server: Promise<Output>): Promise<void> {
  let exited: Output | null = null;
  void server.then((output) => (exited = output));
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (exited) throw new Error(`the server on the copy exited: ${(exited as Output).stderr}`);
    try {
      if ((await fetch(baseUrl)).ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error('the server on the copy never answered');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

test('a backup taken under load boots a production server that serves the seeded data', async ({ baseURL }) => {
  test.setTimeout(180_000);
  const baseUrl = baseURL!;
  const actions = readServerActionIds();
  const moderator = await createAccount('moderator');
  const cookie = await signInOverHttp(baseUrl, moderator.email, moderator.password);
  const article = createArticle();
  const page = `/articles/${article.slug}`;

  // The load: each of the article's two replies hidden and shown again in turn, and readers' GETs.
  let running = true;
  const tally = { acknowledged: 0, refused: 0, pages: 0, errors: [] as string[] };
  const moderate = async (commentId: number) => {
    let version = commentRow(e2eDb(), commentId)!.version;
    for (let hide = true; running; hide = !hide) {
      const answer = await callServerAction({
        baseUrl,
        page,
        actionId: actions.moderateCommentAction!,
        args: [hide ? { kind: 'hide', commentId, version, reason: 'spam' } : { kind: 'unhide', commentId, version }],
        cookie,
      });
      const result = answer.result as { ok: boolean; moderation?: { version: number } } | undefined;
      if (answer.status !== 200 || !result) tally.errors.push(`${answer.status} ${answer.body.slice(0, 200)}`);
      else if (!result.ok) tally.refused += 1;
      else {
        tally.acknowledged += 1;
        version = result.moderation!.version;
      }
    }
  };
  const read = async () => {
    while (running) {
      const response = await fetch(new URL(page, baseUrl));
      await response.arrayBuffer();
      if (response.status === 200) tally.pages += 1;
      else tally.errors.push(`GET ${page}: ${response.status}`);
    }
  };
  const load = Promise.all([...article.importedIds.map(moderate), read()]);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'threadkeeper-backup-e2e-'));
  const copy = path.join(dir, 'copy.db');
  let server: ChildProcess | undefined;
  try {
    // The load is under way: how soon depends on the machine, so the wait is bounded by the test's own timeout only.
    await expect.poll(() => tally.acknowledged, { timeout: 0 }).toBeGreaterThanOrEqual(10);
    const rowsBefore = logRowCount();
    const acknowledgedBefore = tally.acknowledged;
    const backup = await finished(
      spawn('npm', ['run', '-s', 'db:backup', '--', copy], { env: { ...process.env, DATABASE_PATH: E2E_DATABASE_PATH } }),
    );
    const acknowledgedDuring = tally.acknowledged - acknowledgedBefore;
    running = false;
    await load;

    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toContain(`Backup written to ${copy} and verified.`);
    expect(backup.stdout).toContain('Checks: integrity_check ok, foreign_key_check clean, moderation log chain verified');
    const copiedRows = Number(/, ([\d,]+) moderation log rows?\./.exec(backup.stdout)![1]!.replaceAll(',', ''));
    // Every decision acknowledged before the command started is in the copy; the server kept acknowledging meanwhile.
    expect(copiedRows).toBeGreaterThanOrEqual(rowsBefore);
    expect(acknowledgedDuring).toBeGreaterThan(0);
    expect(tally.errors).toEqual([]);
    expect(fs.readdirSync(dir)).toEqual(['copy.db']);

    server = spawn(process.execPath, [TSX_CLI, 'scripts/serve.ts', '--port', String(COPY_PORT), '--hostname', '127.0.0.1'], {
      env: { ...process.env, DATABASE_PATH: copy, NEXT_TELEMETRY_DISABLED: '1' },
    });
    const serverExit = finished(server);
    await waitUntilServing(COPY_URL, serverExit);

    const home = await fetch(COPY_URL);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain(SEED_TITLE);
    const seeded = await fetch(`${COPY_URL}/articles/${SEED_SLUG}`);
    expect(seeded.status).toBe(200);
    expect(await seeded.text()).toContain(SEED_TITLE);
    expect((await fetch(`${COPY_URL}${page}`)).status).toBe(200);
    // The accounts came along: the demo moderator signs in on the copy.
    await signInOverHttp(COPY_URL, 'moderator@example.com', 'threadkeeper-demo');

    server.kill('SIGTERM');
    const exit = await serverExit;
    expect(exit.code, exit.stderr).toBe(0);
    expect(fs.existsSync(claimFileOf(copy))).toBe(false);
  } finally {
    running = false;
    await load;
    if (server && server.exitCode === null) server.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
