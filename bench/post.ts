// Posting benchmark: thousands of signed-in readers posting comments and replies through the real server action over HTTP,
// at 10 and then 50 connections, within the per-author limits; then every acknowledged post is looked up in the database.
//
//   npm run bench:post -- [--seconds 20] [--connections 10,50] [--warmup 3] [--readers 6000] [--comments 10000]
//                          [--port 3214] [--seed 20260101] [--keep] [--out bench/results/post.json]
//
// It builds nothing: it serves the current `npm run build` (.next) with `npm start`'s scripts/serve.ts on a copy of a
// database it makes in a temporary folder. See bench/README.md.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { openDatabase } from '@/db/client';
import { POSTING_LIMITS } from '@/lib/shared/comments/comment-rules';
import { verifyLogChain } from '@/lib/ops/log-verify/verify-log-chain';
import { seededRandom } from '@/lib/ops/synthetic/generate-thread';
import { readServerActionIds } from '@/lib/ops/http-client/server-actions';
import { signInOverHttp } from '@/lib/ops/http-client/sign-in-over-http';
import { runPostingLoad, type AcknowledgedPost, type LoadReader } from '@/lib/ops/load/posting-load';
import { startProductionServer, type ProductionServer } from '@/lib/ops/load/production-server';
import { loadBenchOptions, loadBenchSettings, wholeNumber } from './support/bench-options';
import { checkBuild, copyDatabase, runBench } from './support/bench-run';
import { createBenchDatabase } from './support/bench-database';
import { runWarmupAndPhases } from './support/load-phases';
import { insertReaders, mintSessionCookie } from './support/reader-accounts';
import { runInfo, writeResults } from './support/run-info';

const ROOT = path.resolve(__dirname, '..');
const SLUG = 'bench-post';
const PASSWORD = 'bench-post-password';
/** Readers also signed in through the real endpoint, to show that their cookies and the minted ones work alike. */
const SIGNED_IN_OVER_HTTP = 5;
const TARGET_POSTS_PER_SECOND = 500;
const USAGE = 'usage: npm run bench:post -- [--seconds N] [--connections 10,50] [--warmup N] [--readers N] [--comments N] [--port N] [--seed N] [--keep] [--out FILE]';

function readSettings() {
  const { values } = parseArgs({
    options: {
      ...loadBenchOptions({ port: 3214, out: path.join(ROOT, 'bench/results/post.json') }),
      readers: { type: 'string', default: '6000' },
    },
    strict: true,
  });
  return { ...loadBenchSettings(values, USAGE), readers: wholeNumber(values, 'readers', SIGNED_IN_OVER_HTTP, USAGE) };
}

/** Every acknowledged post is in the database once, as acknowledged; no post appeared that was not acknowledged (beyond unanswered ones). */
function checkPosts(file: string, acknowledged: readonly AcknowledgedPost[], unanswered: number, readerIds: ReadonlySet<number>): string[] {
  const broken: string[] = [];
  const db = openDatabase(file);
  try {
    const sqlite = db.$client;
    const byId = sqlite.prepare('SELECT id, author_id AS authorId, body, status FROM comments WHERE id = ?');
    const missing: string[] = [];
    for (const post of acknowledged) {
      const row = byId.get(post.commentId) as { authorId: number; body: string; status: string } | undefined;
      if (!row || row.authorId !== post.authorId || row.body !== post.body || row.status !== 'visible') missing.push(`comment ${post.commentId}`);
    }
    if (missing.length > 0) broken.push(`${missing.length} acknowledged post(s) missing or different: ${missing.slice(0, 5).join(', ')}`);
    const ids = new Set(acknowledged.map((post) => post.commentId));
    if (ids.size !== acknowledged.length) broken.push(`${acknowledged.length - ids.size} comment id(s) acknowledged twice`);
    const posted = (sqlite.prepare("SELECT author_id AS authorId, body FROM comments WHERE origin = 'reader'").all() as { authorId: number; body: string }[])
      .filter((row) => readerIds.has(row.authorId));
    const bodies = new Set(posted.map((row) => row.body));
    if (bodies.size !== posted.length) broken.push(`${posted.length - bodies.size} text(s) stored more than once`);
    if (posted.length > acknowledged.length + unanswered) {
      broken.push(`${posted.length} posts stored but ${acknowledged.length} acknowledged and ${unanswered} unanswered: a refused post was stored`);
    }
    const chain = verifyLogChain(db);
    if (!chain.ok) broken.push(`the log's hash chain is broken at row ${chain.brokenId}: ${chain.reason}`);
    const integrity = sqlite.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') broken.push(`PRAGMA integrity_check: ${String(integrity)}`);
  } finally {
    db.$client.close();
  }
  return broken;
}

async function main(): Promise<number> {
  const settings = readSettings();
  if (!checkBuild(ROOT)) return 1;
  const perMinute = POSTING_LIMITS[0]!.limit;
  console.log(`${settings.readers} readers may post ${settings.readers * perMinute} comments a minute between them (${POSTING_LIMITS.map((rule) => rule.label).join(', ')} each)`);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'threadkeeper-bench-post-'));
  const baseFile = path.join(dir, 'base.db');
  const servedFile = path.join(dir, 'served.db');
  const secret = randomBytes(32).toString('hex');
  let server: ProductionServer | null = null;
  try {
    process.stderr.write(`setting up ${dir}: ${settings.comments} comments, ${settings.readers} readers...\n`);
    const { articleId } = await createBenchDatabase({ file: baseFile, slug: SLUG, comments: settings.comments, accounts: [] });
    const setup = openDatabase(baseFile);
    const readers = await insertReaders(setup, 'bench-reader', settings.readers, PASSWORD);
    setup.$client.close();
    await copyDatabase(baseFile, servedFile);
    const facts = new Database(servedFile, { readonly: true });
    const parentIds = facts.prepare("SELECT id FROM comments WHERE article_id = ? AND status = 'visible' ORDER BY id").pluck().all(articleId) as number[];
    facts.close();

    server = await startProductionServer({ port: settings.port, databaseFile: servedFile, authSecret: secret, cwd: ROOT });
    const baseUrl = server.baseUrl;
    process.stderr.write(`server ${baseUrl} (pid ${server.pid}); signing in ${SIGNED_IN_OVER_HTTP} readers over HTTP, minting ${settings.readers - SIGNED_IN_OVER_HTTP} cookies...\n`);
    const loadReaders: LoadReader[] = [];
    for (const [index, reader] of readers.entries()) {
      const cookie = index < SIGNED_IN_OVER_HTTP ? await signInOverHttp(baseUrl, reader.email, PASSWORD) : await mintSessionCookie(secret, reader);
      loadReaders.push({ userId: reader.userId, cookie });
    }

    const random = seededRandom(settings.seed);
    const actionIds = readServerActionIds(path.join(ROOT, '.next'));
    let round = 0;
    const { phases, acknowledged, unanswered } = await runWarmupAndPhases(settings, server.pid, (connections, durationMs) => {
      round += 1;
      return runPostingLoad({
        baseUrl, page: `/articles/${SLUG}`, actionIds, readers: loadReaders, articleId, parentIds, label: `bench round ${round}`,
        connections, durationMs, random,
      });
    });

    const exit = await server.stop('SIGTERM');
    server = null;
    if (exit.code !== 0) console.warn(`warning: the server exited with ${JSON.stringify(exit)} when stopped`);

    const broken = checkPosts(servedFile, acknowledged, unanswered, new Set(readers.map((reader) => reader.userId)));
    const first = phases[0]!;
    const targets = {
      postsPerSecondAt10: { target: TARGET_POSTS_PER_SECOND, measured: first.summary.acknowledgedPerSecond, met: first.summary.acknowledgedPerSecond >= TARGET_POSTS_PER_SECOND },
    };
    writeResults(settings.out, {
      ...runInfo(ROOT),
      settings: { ...settings, out: undefined, synchronous: 'FULL', postingLimits: POSTING_LIMITS, replyShare: 'about 30%' },
      phases,
      targets,
      checks: { acknowledged: acknowledged.length, unanswered, broken },
    });
    for (const [name, target] of Object.entries(targets)) console.log(`target ${name}: ${target.measured} vs ${target.target} — ${target.met ? 'met' : 'MISSED'}`);
    console.log(`results: ${path.relative(process.cwd(), settings.out)}`);
    if (broken.length > 0) {
      console.error(`\nCHECKS FAILED after ${acknowledged.length} acknowledged posts:\n${broken.map((line) => `  - ${line}`).join('\n')}`);
      return 1;
    }
    console.log(`checks hold: ${acknowledged.length} acknowledged posts each stored once as acknowledged, no refused post stored, chain and integrity_check ok`);
    return 0;
  } finally {
    if (server) await server.stop('SIGKILL');
    if (settings.keep) console.log(`kept ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

runBench(main);
