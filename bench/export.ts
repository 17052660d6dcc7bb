// Export benchmark: a million synthetic log rows exported over HTTP as CSV, NDJSON and JSON by the production server,
// with its memory and the moderation queue watched meanwhile; then the log viewer's page under its filters.
//
//   npm run bench:export -- [--rows 1000000] [--keep] [--seed N] [--page-requests 20] [--cpu-prof DIR] [--out bench/results/export.json]
//
// It builds nothing: it serves the current `npm run build` (.next) on a fresh database in a temporary folder, which it
// removes at the end unless --keep. See bench/README.md.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import type { Role } from '@/db/schema';
import { signInOverHttp } from '@/lib/ops/http-client/sign-in-over-http';
import { insertArticleWithThread } from '@/lib/ops/seed/insert-article-with-thread';
import { appendSyntheticLog, SYNTHETIC_COMMON_WORD, SYNTHETIC_RARE_WORD } from '@/lib/ops/synthetic/generate-log';
import { generateSyntheticThread } from '@/lib/ops/synthetic/generate-thread';
import { nearestRankPercentile } from '@/lib/shared/percentile';
import { createUser } from '@/lib/users/create-user';
import { wholeNumber } from './support/bench-options';
import { checkBuild, runBench } from './support/bench-run';
import { processTreeCpuMs } from './support/process-cpu';
import { machineAndCheckout, sourcesNewerThanBuild, writeResults } from './support/run-info';

const ROOT = path.resolve(__dirname, '..');
const TSX_CLI = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const FORMATS = [
  { format: 'csv', contentType: 'text/csv' },
  { format: 'ndjson', contentType: 'application/x-ndjson' },
  { format: 'json', contentType: 'application/json' },
] as const;
/** Ports the e2e suite and other benches use. */
const RESERVED_PORTS = new Set([3100, 3700]);
const PASSWORD = 'bench-export-password';
const QUEUE_PATH = '/api/moderation/queue?tab=new';
const QUEUE_PAUSE_MS = 100;
const RSS_SAMPLE_MS = 10;
const MB = 1_000_000;
const TARGET_ROWS_PER_SECOND = 200_000;
const TARGET_GROWTH_BYTES = 100 * MB;
const SERVER_START_TIMEOUT_MS = 120_000;
const REQUEST_TIMEOUT_MS = 60_000;
const USAGE = 'usage: npm run bench:export -- [--rows N] [--keep] [--seed N] [--page-requests N] [--cpu-prof DIR] [--out FILE]';

type Format = (typeof FORMATS)[number];
type Settings = ReturnType<typeof readSettings>;
type Timing = { requests: number; medianMs: number | null; p95Ms: number | null; maxMs: number | null };
type Server = {
  child: ChildProcess;
  port: number;
  origin: string;
  output: string[];
  exited: { code: number | null; signal: NodeJS.Signals | null } | null;
  /** The process holding the listening socket, once found. */
  pid?: number;
};

// ---------------------------------------------------------------------------------------------------------------
// Settings

function readSettings() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        rows: { type: 'string', default: '1000000' },
        seed: { type: 'string', default: '20260101' },
        'page-requests': { type: 'string', default: '20' },
        keep: { type: 'boolean', default: false },
        'cpu-prof': { type: 'string' },
        out: { type: 'string', default: path.join(ROOT, 'bench/results/export.json') },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${USAGE}`);
  }
  const rows = Number(values.rows);
  if (!Number.isInteger(rows) || rows < 10_000 || rows > 20_000_000) throw new Error(`--rows must be a whole number from 10000 to 20000000 (got "${values.rows}")`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number (got "${values.seed}")`);
  const pageRequests = wholeNumber(values, 'page-requests', 5, USAGE);
  const cpuProf = values['cpu-prof'] === undefined ? null : path.resolve(values['cpu-prof']);
  return { rows, seed, pageRequests, keep: values.keep, cpuProf, out: path.resolve(values.out) };
}

// ---------------------------------------------------------------------------------------------------------------
// The database: accounts, two articles, then the synthetic log

const ACCOUNTS: { email: string; displayName: string; role: Role }[] = [
  { email: 'bench-owner@example.test', displayName: 'Bench Owner', role: 'owner' },
  { email: 'bench-owner-2@example.test', displayName: 'Second Owner', role: 'owner' },
  { email: 'bench-moderator-1@example.test', displayName: 'Moderator One', role: 'moderator' },
  { email: 'bench-moderator-2@example.test', displayName: 'Moderator Two', role: 'moderator' },
  { email: 'bench-moderator-3@example.test', displayName: 'Moderator Three', role: 'moderator' },
  { email: 'bench-moderator-4@example.test', displayName: 'Moderator Four', role: 'moderator' },
  ...Array.from({ length: 6 }, (_, i) => ({ email: `bench-reader-${i + 1}@example.test`, displayName: `Reader ${i + 1}`, role: 'reader' as const })),
];
const ARTICLES = [
  { slug: 'bench-export-a', comments: 3_000, seed: 1 },
  { slug: 'bench-export-b', comments: 1_000, seed: 2 },
];

/** The same code paths as `npm run user` and `npm run seed:synthetic`, then the synthetic log. */
async function createDatabase(file: string, settings: Settings) {
  const db = openDatabase(file);
  try {
    migrateDatabase(db);
    const actor = { kind: 'system', name: 'bench setup', requestId: 'bench-export-setup' } as const;
    for (const account of ACCOUNTS) {
      const result = await createUser(db, actor, { ...account, password: PASSWORD });
      if (!result.ok) throw new Error(`could not create ${account.email}: ${result.message}`);
    }
    for (const { slug, comments, seed } of ARTICLES) {
      const { article, thread } = generateSyntheticThread({ comments, slug, seed });
      insertArticleWithThread(db, article, thread, 'synthetic');
    }
    process.stderr.write(`appending ${settings.rows.toLocaleString('en')} synthetic log rows...\n`);
    const started = performance.now();
    let reported = 0;
    const result = appendSyntheticLog(db, {
      rows: settings.rows,
      seed: settings.seed,
      onBatch: (appended) => {
        if (appended - reported >= 100_000 || appended === settings.rows) {
          reported = appended;
          const seconds = (performance.now() - started) / 1000;
          process.stderr.write(`  ${appended.toLocaleString('en')} rows, ${seconds.toFixed(1)} s\n`);
        }
      },
    });
    const seconds = (performance.now() - started) / 1000;
    return { ...result, rows: settings.rows, seconds: round(seconds, 2), rowsPerSecond: Math.round(settings.rows / seconds) };
  } finally {
    db.$client.close();
  }
}

/** What the log page's cases filter on, read from the finished log. */
function readFacts(file: string) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const one = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).get(...params) as T;
    const busiest = one<{ id: number }>(`SELECT actor_id AS id, count(*) AS n FROM moderation_log WHERE actor_role = 'moderator' GROUP BY actor_id ORDER BY n DESC LIMIT 1`);
    const { lastId } = one<{ lastId: number }>('SELECT max(id) AS lastId FROM moderation_log');
    const middle = one<{ at: string }>('SELECT created_at AS at FROM moderation_log WHERE id = ?', Math.ceil(lastId / 2));
    const owner = one<{ id: number }>('SELECT id FROM users WHERE email = ?', ACCOUNTS[0]!.email);
    return { moderatorId: busiest.id, middleDay: middle.at.slice(0, 10), ownerId: owner.id, bytes: fs.statSync(file).size };
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The server: npm start's script on a free port, in a process group of its own

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function startServer(databaseFile: string, cpuProf: string | null): Promise<Server> {
  let port: number;
  do port = await freePort(); while (RESERVED_PORTS.has(port));
  const output: string[] = [];
  // tsx hands node's own flags to the node process that runs the server, which writes its profile when it exits.
  const profile = cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${cpuProf}`] : [];
  const child = spawn(process.execPath, [TSX_CLI, ...profile, 'scripts/serve.ts', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_PATH: databaseFile, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    output.push(...String(chunk).split('\n').filter(Boolean));
    output.splice(0, Math.max(0, output.length - 40));
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const server: Server = { child, port, origin: `http://127.0.0.1:${port}`, output, exited: null };
  child.on('exit', (code, signal) => {
    server.exited = { code, signal };
  });
  const deadline = Date.now() + SERVER_START_TIMEOUT_MS;
  for (;;) {
    if (server.exited) throw new Error(`the server exited before answering:\n${output.join('\n')}`);
    try {
      const answer = await request(server.origin, '/', { timeoutMs: 5_000 });
      if (answer.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the server did not answer within ${SERVER_START_TIMEOUT_MS / 1000} s:\n${output.join('\n')}`);
    await sleep(200);
  }
  return server;
}

/**
 * SIGTERM to the server's own process (serve.ts closes and exits, writing a CPU profile if asked; tsx, its parent,
 * then exits too), or to the whole group before the server was found; SIGKILL to whatever of the group is left.
 */
async function stopServer(server: Server | undefined): Promise<void> {
  if (!server) return;
  const kill = (pid: number, name: NodeJS.Signals) => {
    try {
      process.kill(pid, name);
    } catch {
      // already gone
    }
  };
  if (!server.exited) {
    kill(server.pid ?? -server.child.pid!, 'SIGTERM');
    const exited = once(server.child, 'exit');
    const timeout = sleep(15_000).then(() => 'timeout');
    await Promise.race([exited, timeout]);
  }
  kill(-server.child.pid!, 'SIGKILL');
}

/** The process in the server's group that holds the listening socket: tsx starts node in a child process. */
function listeningPid(port: number, groupId: number): { pid: number; group: number[] } {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!fs.existsSync(table)) continue;
    for (const line of fs.readFileSync(table, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length > 9 && cols[1]!.endsWith(`:${hexPort}`) && cols[3] === '0A') inodes.add(cols[9]!);
    }
  }
  const group: number[] = [];
  let listener: number | null = null;
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue;
    }
    // Fields after the command's closing parenthesis: state, ppid, pgrp, ...
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) !== groupId) continue;
    group.push(Number(pid));
    let fds: string[] = [];
    try {
      fds = fs.readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      let link: string;
      try {
        link = fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        continue;
      }
      const match = /^socket:\[(\d+)\]$/.exec(link);
      if (match && inodes.has(match[1]!)) listener = Number(pid);
    }
  }
  if (listener === null) throw new Error(`no process of the server's group (${group.join(', ')}) listens on port ${port}`);
  return { pid: listener, group };
}

// ---------------------------------------------------------------------------------------------------------------
// Memory: VmRSS sampled by a worker thread, so that reading the export's stream never delays a sample

function readRssBytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(match[1]) * 1024;
}

function readHwmBytes(pid: number): number | null {
  const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : null;
}

/** Resets the kernel's peak-RSS mark (VmHWM) to the current RSS, so it gives this export's exact peak; false if not allowed. */
function resetHwm(pid: number): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

const SAMPLER = `
const { workerData } = require('node:worker_threads');
const fs = require('node:fs');
const flags = new Int32Array(workerData.shared);
const file = '/proc/' + workerData.pid + '/status';
while (Atomics.load(flags, 0) === 0) {
  let status;
  try {
    status = fs.readFileSync(file, 'utf8');
  } catch {
    break; // the server is gone; the bench reports that
  }
  const match = /VmRSS:\\s+(\\d+) kB/.exec(status);
  if (match) {
    const kb = Number(match[1]);
    Atomics.add(flags, 1, 1);
    if (kb > Atomics.load(flags, 2)) Atomics.store(flags, 2, kb);
  }
  Atomics.wait(flags, 0, 0, workerData.intervalMs);
}`;

function startRssSampler(pid: number) {
  // [stop, samples, peak kB]
  const shared = new SharedArrayBuffer(12);
  const flags = new Int32Array(shared);
  const worker = new Worker(SAMPLER, { eval: true, workerData: { pid, shared, intervalMs: RSS_SAMPLE_MS } });
  return {
    async stop() {
      Atomics.store(flags, 0, 1);
      Atomics.notify(flags, 0);
      await once(worker, 'exit');
      return { samples: flags[1]!, peakBytes: flags[2]! * 1024 };
    },
  };
}

/** The RSS just before an export: the median of ten samples a few ms apart, after a pause. */
async function baselineRss(pid: number): Promise<number> {
  await sleep(1_000);
  const samples: number[] = [];
  for (let i = 0; i < 10; i++) {
    samples.push(readRssBytes(pid));
    await sleep(RSS_SAMPLE_MS);
  }
  return nearestRankPercentile(samples.sort((a, b) => a - b), 50)!;
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string; bytes: number; ms: number };

/** A request whose whole body is kept (small answers: pages, JSON). */
function request(origin: string, pathname: string, { headers = {}, timeoutMs = REQUEST_TIMEOUT_MS }: { headers?: Record<string, string>; timeoutMs?: number } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const req = http.request(new URL(pathname, origin), { method: 'GET', agent, headers: { accept: '*/*', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const buffer = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: buffer.toString('utf8'), bytes: buffer.length, ms: performance.now() - start });
      });
      res.on('error', reject);
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no complete answer within ${timeoutMs / 1000} s`)));
    req.on('error', reject);
    req.end();
  });
}

/** Counts records in a stream without keeping it: LF outside quotes for CSV, every LF otherwise (JSON escapes them). */
function recordCounter(csv: boolean) {
  let inQuotes = false;
  let records = 0;
  return {
    push(chunk: Buffer) {
      if (!csv) {
        for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) records++;
        return;
      }
      let quote = chunk.indexOf(34);
      let newline = chunk.indexOf(10);
      while (quote !== -1 || newline !== -1) {
        if (quote !== -1 && (newline === -1 || quote < newline)) {
          inQuotes = !inQuotes;
          quote = chunk.indexOf(34, quote + 1);
        } else {
          if (!inQuotes) records++;
          newline = chunk.indexOf(10, newline + 1);
        }
      }
    },
    get records() {
      return records;
    },
  };
}

type Streamed = { status: number; headers: http.IncomingHttpHeaders; ttfbMs: number; ms: number; bytes: number; records: number; tail: string };

/** GET an export and read it to the end, keeping only counts and the last 64 KB (where the summary is). */
function streamExport(origin: string, cookie: string, format: Format): Promise<Streamed> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const req = http.get(new URL(`/api/moderation-log/export?format=${format.format}`, origin), { headers: { cookie, accept: '*/*' } }, (res) => {
      const ttfbMs = performance.now() - start;
      const counter = recordCounter(format.format === 'csv');
      let bytes = 0;
      let tail: Buffer = Buffer.alloc(0);
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        counter.push(chunk);
        tail = chunk.length >= 65_536 ? chunk.subarray(chunk.length - 65_536) : Buffer.concat([tail, chunk]).subarray(-65_536);
      });
      res.on('end', () => {
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          ttfbMs,
          ms: performance.now() - start,
          bytes,
          records: counter.records,
          tail: Buffer.from(tail).toString('utf8'),
        });
      });
      res.on('error', reject);
    });
    req.setTimeout(10 * 60_000, () => req.destroy(new Error('the export did not finish within 10 minutes')));
    req.on('error', reject);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Measurements

/** The moderation queue, asked again and again (a pause between answers) until `running` settles. */
async function probeQueue(origin: string, cookie: string, running: Promise<unknown>) {
  const times: number[] = [];
  const failures: number[] = [];
  let done = false;
  const stop = () => {
    done = true;
  };
  running.then(stop, stop);
  while (!done) {
    const answer = await request(origin, QUEUE_PATH, { headers: { cookie } });
    times.push(answer.ms);
    if (answer.status !== 200) failures.push(answer.status);
    if (!done) await sleep(QUEUE_PAUSE_MS);
  }
  return { times, failures };
}

async function queueAlone(origin: string, cookie: string, count: number): Promise<Timing> {
  const times: number[] = [];
  for (let i = 0; i < count + 3; i++) {
    const answer = await request(origin, QUEUE_PATH, { headers: { cookie } });
    if (answer.status !== 200) throw new Error(`GET ${QUEUE_PATH} answered ${answer.status}: ${answer.body.slice(0, 300)}`);
    if (i >= 3) times.push(answer.ms);
  }
  return timing(times);
}

function lastLogRow(file: string): { id: number; action: string; newState: string | null } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT id, action, new_state AS newState FROM moderation_log ORDER BY id DESC LIMIT 1').get() as { id: number; action: string; newState: string | null };
  } finally {
    db.close();
  }
}

/** The summary object NDJSON and JSON end with: the last line of the file that starts with {"summary". */
function summaryOf(tail: string): { rows: number; complete: boolean } {
  const line = tail.split('\n').reverse().find((text) => text.startsWith('{"summary"'));
  if (!line) throw new Error('the export does not end with a {"summary": …} line');
  return JSON.parse(line).summary;
}

async function measureExport(server: Server & { pid: number }, cookies: { owner: string; moderator: string }, databaseFile: string, format: Format) {
  const before = lastLogRow(databaseFile);
  const expectedRows = before.id;
  const baselineBytes = await baselineRss(server.pid);
  const hwmReset = resetHwm(server.pid);
  const sampler = startRssSampler(server.pid);
  const cpuMsBefore = processTreeCpuMs(server.pid);
  let result: Streamed;
  let queue: { times: number[]; failures: number[] };
  let rss: { samples: number; peakBytes: number };
  try {
    const exporting = streamExport(server.origin, cookies.owner, format);
    [result, queue] = await Promise.all([exporting, probeQueue(server.origin, cookies.moderator, exporting)]);
  } finally {
    rss = await sampler.stop();
  }
  const hwmBytes = hwmReset ? readHwmBytes(server.pid) : null;
  const afterBytes = readRssBytes(server.pid);
  const cpuSeconds = (processTreeCpuMs(server.pid) - cpuMsBefore) / 1000;

  if (result.status !== 200) throw new Error(`the ${format.format} export answered ${result.status}: ${result.tail.slice(0, 300)}`);
  const contentType = String(result.headers['content-type'] ?? '');
  if (!contentType.startsWith(format.contentType)) throw new Error(`the ${format.format} export came as ${contentType}, expected ${format.contentType}`);
  // CSV: a header line; NDJSON: a summary line; JSON: "[", the summary and "]" on lines of their own.
  const rows = result.records - { csv: 1, ndjson: 1, json: 3 }[format.format];
  if (rows !== expectedRows) throw new Error(`the ${format.format} export held ${rows} rows, the log ${expectedRows}`);
  if (format.format !== 'csv') {
    const summary = summaryOf(result.tail);
    if (summary.rows !== rows || summary.complete !== true) throw new Error(`the ${format.format} summary says ${summary.rows} rows (complete: ${summary.complete}), the file holds ${rows}`);
  }
  const logged = lastLogRow(databaseFile);
  const loggedState = logged.newState && JSON.parse(logged.newState);
  if (logged.id !== expectedRows + 1 || logged.action !== 'log_exported' || loggedState.rows !== rows || loggedState.complete !== true) {
    throw new Error(`the ${format.format} export was not logged as a complete log_exported row of ${rows} rows (newest row: ${JSON.stringify(logged)})`);
  }
  if (queue.failures.length > 0) throw new Error(`during the ${format.format} export the queue answered ${queue.failures.join(', ')}`);

  const seconds = result.ms / 1000;
  const peakBytes = Math.max(rss.peakBytes, hwmBytes ?? 0);
  return {
    format: format.format,
    rows,
    bytes: result.bytes,
    seconds: round(seconds, 3),
    ttfbMs: round(result.ttfbMs, 1),
    rowsPerSecond: Math.round(rows / seconds),
    mbPerSecond: round(result.bytes / MB / seconds, 1),
    // What the export would reach with the server's time alone on a core: the machine may be busy with other work.
    serverCpuSeconds: round(cpuSeconds, 2),
    rowsPerServerCpuSecond: Math.round(rows / cpuSeconds),
    memory: {
      baselineBytes,
      peakBytes,
      growthBytes: peakBytes - baselineBytes,
      afterBytes,
      sampledPeakBytes: rss.peakBytes,
      samples: rss.samples,
      kernelPeakBytes: hwmBytes,
    },
    queueDuringExport: timing(queue.times),
    loggedAs: logged.id,
  };
}

type ExportResult = Awaited<ReturnType<typeof measureExport>>;
type Facts = ReturnType<typeof readFacts>;
type LogPageCase = { label: string; query: string };

function logPageCases(facts: Facts, lastId: number): LogPageCase[] {
  return [
    { label: 'no filter', query: '' },
    { label: 'one actor', query: `actor=${facts.moderatorId}` },
    { label: 'actor + action', query: `actor=${facts.moderatorId}&action=comment_hidden` },
    { label: 'reason', query: 'reason=harassment' },
    { label: 'one day (middle of the log)', query: `from=${facts.middleDay}&to=${facts.middleDay}` },
    { label: `note search, rare word "${SYNTHETIC_RARE_WORD}"`, query: `q=${SYNTHETIC_RARE_WORD}` },
    { label: `note search, common word "${SYNTHETIC_COMMON_WORD}"`, query: `q=${SYNTHETIC_COMMON_WORD}` },
    { label: 'page 50 (before=)', query: `before=${lastId - 49 * 100 + 1}` },
  ];
}

async function measureLogPage(server: Server, cookie: string, testCase: LogPageCase, requests: number) {
  const pathname = `/moderation/log${testCase.query ? `?${testCase.query}` : ''}`;
  const times: number[] = [];
  let shown = 0;
  let bytes = 0;
  for (let i = 0; i < requests + 2; i++) {
    const answer = await request(server.origin, pathname, { headers: { cookie } });
    if (answer.status !== 200) throw new Error(`GET ${pathname} answered ${answer.status}: ${answer.body.replace(/\s+/g, ' ').slice(0, 300)}`);
    if (!String(answer.headers['content-type']).startsWith('text/html')) throw new Error(`GET ${pathname} came as ${answer.headers['content-type']}`);
    shown = (answer.body.match(/data-log-id="/g) ?? []).length;
    if (shown === 0) throw new Error(`GET ${pathname} shows no log entries`);
    bytes = answer.bytes;
    if (i >= 2) times.push(answer.ms);
  }
  return { ...testCase, path: pathname, shown, bytes, ...timing(times) };
}

type LogPageResult = Awaited<ReturnType<typeof measureLogPage>>;

// ---------------------------------------------------------------------------------------------------------------
// Statistics and output

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function timing(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  if (sorted.length === 0) return { requests: 0, medianMs: null, p95Ms: null, maxMs: null };
  return {
    requests: sorted.length,
    medianMs: round(nearestRankPercentile(sorted, 50)!, 2),
    p95Ms: round(nearestRankPercentile(sorted, 95)!, 2),
    maxMs: round(sorted.at(-1)!, 2),
  };
}

function pad(value: string | number, width: number, right = true): string {
  const s = String(value);
  return right ? s.padStart(width) : s.padEnd(width);
}

const mb = (bytes: number) => (bytes / MB).toFixed(1);
const ms = (x: number | null) => (x === null ? '-' : x.toFixed(1));

function printExports(exports: ExportResult[], queueIdle: Timing, settings: Settings): void {
  const header = ['format', 'rows', 'MB', 's', 'rows/s', 'MB/s', 'TTFB ms', 'CPU s', 'rows/CPU s', 'RSS before MB', 'peak MB', 'growth MB', 'queue p50 ms', 'p95', 'n']
    .map((h, i) => pad(h, [6, 9, 7, 6, 8, 6, 8, 6, 10, 13, 8, 10, 12, 6, 3][i]!, i === 0)).join('  ');
  const lines = [`Export of the whole log (${settings.rows.toLocaleString('en')} synthetic rows) over HTTP, one at a time; MB = 10^6 bytes`, '', header, '-'.repeat(header.length)];
  for (const e of exports) {
    lines.push([
      pad(e.format, 6, false), pad(e.rows, 9), pad(mb(e.bytes), 7), pad(e.seconds.toFixed(2), 6), pad(e.rowsPerSecond, 8), pad(e.mbPerSecond.toFixed(1), 6),
      pad(ms(e.ttfbMs), 8), pad(e.serverCpuSeconds.toFixed(2), 6), pad(e.rowsPerServerCpuSecond, 10), pad(mb(e.memory.baselineBytes), 13), pad(mb(e.memory.peakBytes), 8), pad(mb(e.memory.growthBytes), 10),
      pad(ms(e.queueDuringExport.medianMs), 12), pad(ms(e.queueDuringExport.p95Ms), 6), pad(e.queueDuringExport.requests, 3),
    ].join('  '));
  }
  lines.push('', `Moderation queue (GET ${QUEUE_PATH} as a moderator) with no export running: p50 ${ms(queueIdle.medianMs)} ms, p95 ${ms(queueIdle.p95Ms)} ms (${queueIdle.requests} requests)`);
  for (const e of exports) {
    lines.push(`During the ${e.format} export the queue answered in ${ms(e.queueDuringExport.medianMs)} ms p50 (${e.queueDuringExport.requests} requests, all 200, max ${ms(e.queueDuringExport.maxMs)} ms)`);
  }
  console.log(lines.join('\n'));
}

function printLogPage(pages: LogPageResult[], settings: Settings): void {
  const header = [pad('GET /moderation/log as the owner', 44, false), pad('entries', 7), pad('KB', 6), pad('median ms', 9), pad('p95 ms', 7), pad('max ms', 7)].join('  ');
  const lines = [`\nLog viewer page, ${settings.pageRequests} timed requests each after 2 untimed`, '', header, '-'.repeat(header.length)];
  for (const p of pages) {
    lines.push([pad(p.label, 44, false), pad(p.shown, 7), pad((p.bytes / 1000).toFixed(0), 6), pad(ms(p.medianMs), 9), pad(ms(p.p95Ms), 7), pad(ms(p.maxMs), 7)].join('  '));
    lines.push(`  ${p.path}`);
  }
  console.log(lines.join('\n'));
}

type Target = { target: string; actual: number; limit: number; unit: 'rows/s' | 'bytes'; pass: boolean };

function evaluateTargets(exports: ExportResult[]): Target[] {
  const targets: Target[] = [];
  for (const e of exports) {
    if (e.format !== 'json') {
      targets.push({ target: `${e.format}: at least ${TARGET_ROWS_PER_SECOND.toLocaleString('en')} rows a second`, actual: e.rowsPerSecond, limit: TARGET_ROWS_PER_SECOND, unit: 'rows/s', pass: e.rowsPerSecond >= TARGET_ROWS_PER_SECOND });
    }
    targets.push({ target: `${e.format}: server memory growth at most ${TARGET_GROWTH_BYTES / MB} MB`, actual: e.memory.growthBytes, limit: TARGET_GROWTH_BYTES, unit: 'bytes', pass: e.memory.growthBytes <= TARGET_GROWTH_BYTES });
  }
  return targets;
}

function printTargets(targets: Target[]): void {
  const fmt = (t: Target) => (t.unit === 'bytes' ? `${mb(t.actual)} MB` : `${t.actual.toLocaleString('en')} ${t.unit}`);
  console.log('\nTargets (reported, not enforced):');
  for (const t of targets) console.log(`  ${t.pass ? 'PASS' : 'FAIL'}  ${t.target}: ${fmt(t)}`);
  console.log(`  ${targets.filter((t) => t.pass).length}/${targets.length} met`);
}

// ---------------------------------------------------------------------------------------------------------------
// Run

async function main(): Promise<number> {
  const settings = readSettings();
  if (!checkBuild(ROOT)) return 1;
  const buildIdFile = path.join(ROOT, '.next/BUILD_ID');
  const build = { builtAt: new Date(fs.statSync(buildIdFile).mtimeMs).toISOString(), sourcesChangedSince: sourcesNewerThanBuild(ROOT) };
  const { machine, checkout } = machineAndCheckout(ROOT);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'threadkeeper-bench-export-'));
  const databaseFile = path.join(dir, 'bench.db');
  let server: Server | undefined;
  const cleanUp = async () => {
    // Idle keep-alive connections would hold the server's graceful close (and its profile) until the SIGKILL.
    agent.destroy();
    http.globalAgent.destroy();
    await stopServer(server);
    if (!settings.keep) fs.rmSync(dir, { recursive: true, force: true });
  };
  const interrupted = () => {
    cleanUp().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    process.stderr.write(`database ${databaseFile}: ${ACCOUNTS.length} accounts, ${ARTICLES.length} articles\n`);
    const generation = await createDatabase(databaseFile, settings);
    console.log(`Appended ${generation.rows.toLocaleString('en')} log rows in ${generation.seconds.toFixed(1)} s (${generation.rowsPerSecond.toLocaleString('en')} rows/s)`);
    const facts = readFacts(databaseFile);

    process.stderr.write(`starting the production server (build ${checkout.nextBuildId})...\n`);
    server = await startServer(databaseFile, settings.cpuProf);
    const { pid, group } = listeningPid(server.port, server.child.pid!);
    const found = Object.assign(server, { pid });
    process.stderr.write(`server listening on ${server.origin}, pid ${pid} (process group ${group.join(', ')})\n`);

    const cookies = {
      owner: await signInOverHttp(server.origin, ACCOUNTS[0]!.email, PASSWORD),
      moderator: await signInOverHttp(server.origin, ACCOUNTS[2]!.email, PASSWORD),
    };
    // Every route loaded once, so that an export's memory is not the code's first load.
    await request(server.origin, '/moderation/log', { headers: { cookie: cookies.owner } });
    for (const format of FORMATS) {
      const warm = await request(server.origin, `/api/moderation-log/export?format=${format.format}&from=${facts.middleDay}&to=${facts.middleDay}`, { headers: { cookie: cookies.owner } });
      if (warm.status !== 200) throw new Error(`the warm-up ${format.format} export answered ${warm.status}: ${warm.body.slice(0, 300)}`);
    }
    const queueIdle = await queueAlone(server.origin, cookies.moderator, 20);

    const exports: ExportResult[] = [];
    for (const format of FORMATS) {
      process.stderr.write(`exporting ${format.format}...\n`);
      exports.push(await measureExport(found, cookies, databaseFile, format));
    }
    console.log('');
    printExports(exports, queueIdle, settings);

    const lastId = lastLogRow(databaseFile).id;
    const pages: LogPageResult[] = [];
    for (const testCase of logPageCases(facts, lastId)) {
      process.stderr.write(`log page: ${testCase.label}...\n`);
      pages.push(await measureLogPage(server, cookies.owner, testCase, settings.pageRequests));
    }
    printLogPage(pages, settings);

    const targets = evaluateTargets(exports);
    printTargets(targets);

    writeResults(settings.out, {
      date: new Date().toISOString(),
      node: process.version,
      machine: { ...machine, loadAverage: os.loadavg().map((x) => round(x, 2)) },
      checkout: { ...checkout, nextBuiltAt: build.builtAt, sourcesChangedSinceBuild: build.sourcesChangedSince.length },
      settings: {
        rows: settings.rows,
        seed: settings.seed,
        accounts: ACCOUNTS.map(({ role }) => role),
        articles: ARTICLES,
        pageRequests: settings.pageRequests,
        queuePath: QUEUE_PATH,
        queuePauseMs: QUEUE_PAUSE_MS,
        rssSampleMs: RSS_SAMPLE_MS,
        memory: 'growth = peak RSS during the export (the larger of VmRSS sampled every 10 ms and VmHWM reset just before) minus the median VmRSS just before it',
        percentile: 'nearest rank',
        mb: '10^6 bytes',
      },
      generation: { ...generation, databaseBytes: facts.bytes },
      server: { pid, processGroup: group },
      queueIdle,
      exports,
      logPage: pages,
      targets,
    });
    console.log(`\nWrote ${path.relative(process.cwd(), settings.out) || settings.out}`);
    if (settings.cpuProf) console.log(`CPU profiles of the server's processes: ${settings.cpuProf} (written as they exit)`);
    if (settings.keep) {
      console.log(`Kept ${dir}. Serve it again with: DATABASE_PATH=${databaseFile} npm start (accounts ${ACCOUNTS[0]!.email} etc., password ${PASSWORD})`);
    }
    return 0;
  } catch (error) {
    // A dead server shows first as a reset connection; its exit follows.
    if (server && !server.exited) await sleep(1_000);
    if (!server?.exited) throw error;
    const { code, signal } = server.exited;
    throw new Error(`the server exited (${signal ?? `code ${code}`}) during the run (${(error as Error).message}); its last output:\n${server.output.join('\n')}`);
  } finally {
    await cleanUp();
  }
}

runBench(main);
