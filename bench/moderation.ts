// Moderation load benchmark: 50 signed-in moderators sending real hide / unhide / flag server actions at random replies of a
// 10,000-comment thread over HTTP, at 10 and then 50 connections; then the queue's first 50 cards; then the invariants.
//
//   npm run bench:moderation -- [--seconds 20] [--connections 10,50] [--warmup 3] [--comments 10000] [--moderators 50]
//                                [--queue-requests 200] [--port 3213] [--seed 20260101] [--keep] [--out bench/results/moderation.json]
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
import { seededRandom } from '@/lib/ops/synthetic/generate-thread';
import { readServerActionIds } from '@/lib/ops/http-client/server-actions';
import { checkModerationInvariants } from '@/lib/ops/load/moderation-invariants';
import { runModerationLoad } from '@/lib/ops/load/moderation-load';
import { startProductionServer, type ProductionServer } from '@/lib/ops/load/production-server';
import { createBenchDatabase } from './support/bench-database';
import { loadBenchOptions, loadBenchSettings, wholeNumber } from './support/bench-options';
import { checkBuild, copyDatabase, runBench } from './support/bench-run';
import { runWarmupAndPhases } from './support/load-phases';
import { runInfo, writeResults } from './support/run-info';
import { signInAll } from './support/sign-in-all';
import { timeGets, type GetTimings } from './support/timed-gets';

const ROOT = path.resolve(__dirname, '..');
const SLUG = 'bench-moderation';
const PASSWORD = 'bench-moderation-password';
const TARGET = { actionsPerSecond: 1000, p99Ms: 30, queueMedianMs: 20 };
const USAGE = 'usage: npm run bench:moderation -- [--seconds N] [--connections 10,50] [--warmup N] [--comments N] [--moderators N] [--queue-requests N] [--port N] [--seed N] [--keep] [--out FILE]';

function readSettings() {
  const { values } = parseArgs({
    options: {
      ...loadBenchOptions({ port: 3213, out: path.join(ROOT, 'bench/results/moderation.json') }),
      moderators: { type: 'string', default: '50' },
      'queue-requests': { type: 'string', default: '200' },
    },
    strict: true,
  });
  return {
    ...loadBenchSettings(values, USAGE),
    moderators: wholeNumber(values, 'moderators', 1, USAGE),
    queueRequests: wholeNumber(values, 'queue-requests', 10, USAGE),
  };
}

async function main(): Promise<number> {
  const settings = readSettings();
  if (!checkBuild(ROOT)) return 1;

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'threadkeeper-bench-moderation-'));
  const baseFile = path.join(dir, 'base.db');
  const servedFile = path.join(dir, 'served.db');
  let server: ProductionServer | null = null;
  try {
    process.stderr.write(`setting up ${dir}: ${settings.comments} comments, ${settings.moderators} moderators...\n`);
    const { accounts } = await createBenchDatabase({
      file: baseFile,
      slug: SLUG,
      comments: settings.comments,
      accounts: [{ prefix: 'bench-moderator', count: settings.moderators, role: 'moderator', password: PASSWORD }],
    });
    await copyDatabase(baseFile, servedFile);
    const facts = new Database(servedFile, { readonly: true });
    const replyIds = facts.prepare('SELECT id FROM comments WHERE parent_id IS NOT NULL ORDER BY id').pluck().all() as number[];
    const sinceLogId = (facts.prepare('SELECT coalesce(max(id), 0) FROM moderation_log').pluck().get() as number);
    facts.close();

    server = await startProductionServer({ port: settings.port, databaseFile: servedFile, authSecret: randomBytes(32).toString('hex'), cwd: ROOT });
    const baseUrl = server.baseUrl;
    process.stderr.write(`server ${baseUrl} (pid ${server.pid}); signing in ${accounts.length} moderators...\n`);
    const cookies = await signInAll(baseUrl, accounts);

    const random = seededRandom(settings.seed);
    const actionIds = readServerActionIds(path.join(ROOT, '.next'));
    const { phases, acknowledged, unanswered } = await runWarmupAndPhases(settings, server.pid, (connections, durationMs) => runModerationLoad({
      baseUrl, page: `/articles/${SLUG}`, actionIds, moderatorCookies: cookies, commentIds: replyIds, dbFile: servedFile,
      connections, durationMs, random,
    }));

    // After the load, the flagged and hidden tabs hold thousands of cards: the first 50 of each, as a moderator opens them.
    const queue: GetTimings[] = [];
    for (const target of ['/api/moderation/queue?tab=flagged', '/api/moderation/queue?tab=hidden', '/moderation?tab=flagged']) {
      const timings = await timeGets(baseUrl, target, cookies[0]!, settings.queueRequests);
      queue.push(timings);
      console.log(`queue ${target}: median ${timings.medianMs} ms, p95 ${timings.p95Ms} ms (${timings.requests} requests, ${timings.bytes} bytes)`);
    }

    const exit = await server.stop('SIGTERM');
    server = null;
    if (exit.code !== 0) console.warn(`warning: the server exited with ${JSON.stringify(exit)} when stopped`);

    const db = openDatabase(servedFile);
    let broken: string[];
    try {
      broken = checkModerationInvariants(db, { acknowledged, sinceLogId, inFlightAtStop: unanswered });
    } finally {
      db.$client.close();
    }

    const first = phases[0]!;
    const targets = {
      actionsPerSecondAt10: { target: TARGET.actionsPerSecond, measured: first.summary.requestsPerSecond, met: first.summary.requestsPerSecond >= TARGET.actionsPerSecond },
      p99At10Ms: { target: TARGET.p99Ms, measured: first.summary.latencyMs.p99, met: first.summary.latencyMs.p99 < TARGET.p99Ms },
      queueMedianMs: {
        target: TARGET.queueMedianMs,
        measured: Math.max(...queue.map((timings) => timings.medianMs)),
        met: queue.every((timings) => timings.medianMs < TARGET.queueMedianMs),
      },
    };
    const results = {
      ...runInfo(ROOT),
      settings: { ...settings, out: undefined, synchronous: 'FULL', logKept: true, actions: ['hide', 'unhide', 'flag'], replies: replyIds.length },
      phases,
      queue,
      targets,
      invariants: { checkedAcknowledged: acknowledged.length, unanswered, broken },
    };
    writeResults(settings.out, results);
    for (const [name, target] of Object.entries(targets)) console.log(`target ${name}: ${target.measured} vs ${target.target} — ${target.met ? 'met' : 'MISSED'}`);
    console.log(`results: ${path.relative(process.cwd(), settings.out)}`);
    if (broken.length > 0) {
      console.error(`\nINVARIANTS BROKEN after ${acknowledged.length} acknowledged actions:\n${broken.map((line) => `  - ${line}`).join('\n')}`);
      return 1;
    }
    console.log(`invariants hold: ${acknowledged.length} acknowledged actions each logged once, states match their last rows, chain and integrity_check ok`);
    return 0;
  } finally {
    if (server) await server.stop('SIGKILL');
    if (settings.keep) console.log(`kept ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

runBench(main);
