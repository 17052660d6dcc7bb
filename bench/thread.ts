// Thread read benchmark: article page, first JSON page, and a bare node:http "floor", against a running server.
//
//   npm run bench:thread -- [--url http://127.0.0.1:3000] [--db data/threadkeeper.db] [--requests 100] [--warmup 20]
//
// It builds and seeds nothing. The server must already be running (`npm run build && npm start`) on the same
// database file that --db names. See bench/README.md.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { nearestRankPercentile } from '@/lib/shared/percentile';
import { wholeNumber } from './support/bench-options';
import { runBench } from './support/bench-run';
import { machineAndCheckout, writeResults } from './support/run-info';

const ROOT = path.resolve(__dirname, '..');
const THREADS = [
  { slug: 'bench-1k', comments: 1_000 },
  { slug: 'bench-10k', comments: 10_000 },
  { slug: 'bench-100k', comments: 100_000 },
] as const;
const KINDS = [
  { key: 'page', label: 'article page', contentType: 'text/html' },
  { key: 'json', label: 'JSON page 1', contentType: 'application/json' },
  { key: 'floor', label: 'floor', contentType: 'application/json' },
] as const;
const PAGE_SIZE = 50;
const REQUEST_TIMEOUT_MS = 30_000;
const MAX_PAGE_BYTES = 409_600;
const USAGE = 'usage: npm run bench:thread -- [--url URL] [--db FILE] [--requests N>=100] [--warmup N] [--out FILE]';

type Kind = (typeof KINDS)[number];
type KindKey = Kind['key'];
type Settings = { url: string; db: string; requests: number; warmup: number; out: string };
type Article = { id: number; slug: string; title: string };
type Answer = { status: number; contentType: string; ttfb: number; total: number; bytes: number; body: string | undefined };
type Summary = ReturnType<typeof summarise>;
type ThreadResult = { slug: string; comments: number; firstPageComments: number; kinds: Record<KindKey, Summary>; jsonToFloorRatio: number };
type Target = { target: string; actual: number; limit: number; unit: 'x' | 'ms' | 'bytes'; pass: boolean };

// ---------------------------------------------------------------------------------------------------------------
// Settings

function readSettings(): Settings {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        url: { type: 'string', default: 'http://127.0.0.1:3000' },
        db: { type: 'string', default: process.env.DATABASE_PATH || 'data/threadkeeper.db' },
        requests: { type: 'string', default: '100' },
        warmup: { type: 'string', default: '20' },
        out: { type: 'string', default: path.join(ROOT, 'bench/results/thread.json') },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${USAGE}`);
  }
  const requests = wholeNumber(values, 'requests', 100, USAGE);
  const warmup = wholeNumber(values, 'warmup', 0, USAGE);
  let url: URL;
  try {
    url = new URL(values.url);
  } catch {
    throw new Error(`--url is not a URL: "${values.url}"`);
  }
  if (url.protocol !== 'http:') throw new Error(`--url must be an http:// URL (got "${values.url}")`);
  return { url: url.origin, db: values.db, requests, warmup, out: path.resolve(values.out) };
}

// ---------------------------------------------------------------------------------------------------------------
// Database: presence check and the floor's query

function openDatabase(file: string): Database.Database | null {
  if (!fs.existsSync(file)) return null;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  return db;
}

function findArticles(db: Database.Database | null): Map<string, Article> {
  const found = new Map<string, Article>();
  if (!db) return found;
  let lookup: Database.Statement;
  try {
    lookup = db.prepare('SELECT id, slug, title FROM articles WHERE slug = ?');
  } catch (error) {
    if (/no such table/i.test((error as Error).message)) return found; // not migrated yet: nothing is seeded
    throw error;
  }
  for (const { slug } of THREADS) {
    const row = lookup.get(slug) as Article | undefined;
    if (row) found.set(slug, row);
  }
  return found;
}

function reportMissing(settings: Settings, found: Map<string, Article>, dbExists: boolean): void {
  const missing = THREADS.filter((t) => !found.has(t.slug));
  process.stderr.write(
    dbExists
      ? `Missing benchmark thread(s) in ${settings.db}: ${missing.map((t) => t.slug).join(', ')}. Create them with:\n\n`
      : `Database file ${settings.db} does not exist. Create the benchmark threads with:\n\n`,
  );
  process.stdout.write(missing.map((t) => `npm run seed:synthetic -- --comments ${t.comments} --slug ${t.slug}\n`).join(''));
  const npmDb = process.env.DATABASE_PATH || 'data/threadkeeper.db';
  if (path.resolve(npmDb) !== path.resolve(settings.db)) {
    process.stderr.write(`\n(run them with DATABASE_PATH=${settings.db} so that they write to the database benchmarked here)\n`);
  }
}

// Same rows, columns and order as lib/queries/thread.ts readThreadPage (first page, complete subtrees), in one
// statement: the 51st top-level path bounds the range. replyCount is not computed (always 0), nor are the
// viewer's own fields (the benchmark is anonymous). The last two columns
// (topPath, more) give nextCursor and are deleted from each row before sending; deleting an object's last-added
// properties is cheap in V8.
const FLOOR_SQL = `
  WITH tops AS (
    SELECT path FROM comments WHERE article_id = :articleId AND depth = 0 ORDER BY path LIMIT ${PAGE_SIZE + 1}
  )
  SELECT id, parent_id AS parentId, depth, author_name AS authorName,
    CASE WHEN status = 'visible' THEN body END AS body, status, origin = 'import' AS imported,
    created_at AS createdAt, version, edited_at AS editedAt, 0 AS replyCount,
    CASE WHEN status = 'hidden' THEN hidden_reason END AS hiddenReason,
    CASE WHEN status = 'hidden' THEN hidden_explanation END AS hiddenExplanation,
    CASE WHEN EXISTS (SELECT 1 FROM annotations AS a
      WHERE a.comment_id = comments.id AND a.removed_at IS NULL AND a.visibility = 'public')
    THEN (SELECT json_group_array(json_object('id', n.id, 'body', n.body, 'at', n.created_at) ORDER BY n.id)
      FROM annotations AS n WHERE n.comment_id = comments.id AND n.removed_at IS NULL AND n.visibility = 'public')
    END AS publicNotes,
    CASE WHEN depth = 0 THEN path END AS topPath,
    (SELECT count(*) FROM tops) > ${PAGE_SIZE} AS more
  FROM comments
  WHERE article_id = :articleId
    AND path >= (SELECT min(path) FROM tops)
    AND path < coalesce((SELECT path FROM tops ORDER BY path LIMIT 1 OFFSET ${PAGE_SIZE}), '~')
  ORDER BY path`;

const FLOOR_HEAD_SQL = `
  SELECT comments_open AS commentsOpen, comment_count AS commentCount,
    (SELECT coalesce(max(id), 0) FROM comments WHERE article_id = :articleId) AS latestCommentId
  FROM articles WHERE id = :articleId`;

type FloorRow = Record<string, unknown> & { imported: unknown; publicNotes: unknown; topPath?: string | null; more?: number };

function startFloorServer(db: Database.Database, articles: Map<string, Article>): Promise<http.Server> {
  const select = db.prepare(FLOOR_SQL);
  const selectHead = db.prepare(FLOOR_HEAD_SQL);
  const bySlug = new Map([...articles.values()].map((a) => [a.slug, a]));
  const server = http.createServer((req, res) => {
    const match = /^\/floor\/([a-z0-9-]+)$/.exec(req.url ?? '');
    const article = match && req.method === 'GET' ? bySlug.get(match[1]!) : undefined;
    if (!article) {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end('{"error":"not_found"}');
      return;
    }
    const head = selectHead.get({ articleId: article.id }) as { commentsOpen: number; commentCount: number; latestCommentId: number };
    const rows = select.all({ articleId: article.id }) as FloorRow[];
    let tops = 0;
    let nextCursor: string | null = null;
    for (const row of rows) {
      row.imported = row.imported === 1;
      row.publicNotes = row.publicNotes === null ? [] : JSON.parse(row.publicNotes as string);
      // The benchmark's requests are anonymous: nothing is theirs and nothing reported by them.
      row.mine = false;
      row.reportedByMe = false;
      if (row.topPath != null && ++tops === PAGE_SIZE && row.more === 1) nextCursor = row.topPath;
      delete row.more;
      delete row.topPath;
    }
    const body = JSON.stringify({
      article: { id: article.id, slug: article.slug, title: article.title, ...head, commentsOpen: head.commentsOpen === 1 },
      comments: rows,
      nextCursor,
      readAt: new Date().toISOString(),
    });
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Client

const agents: http.Agent[] = [];

function makeAgent(): http.Agent {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1, keepAliveMsecs: 10_000 });
  agents.push(agent);
  return agent;
}

/**
 * One GET. Resolves with { status, contentType, ttfb, total, bytes, body? }: ttfb when the response head has been
 * received, total when the last byte has. The body is kept only when asked for.
 */
function get(origin: string, agent: http.Agent, pathname: string, keepBody = false): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const url = new URL(pathname, origin);
    const start = performance.now();
    const req = http.request(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method: 'GET', agent, headers: { Accept: '*/*' } },
      (res) => {
        const ttfb = performance.now() - start;
        let bytes = 0;
        const chunks: Buffer[] | null = keepBody || res.statusCode !== 200 ? [] : null;
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (chunks) chunks.push(chunk);
        });
        res.on('end', () => {
          const total = performance.now() - start;
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            ttfb,
            total,
            bytes,
            body: chunks ? Buffer.concat(chunks).toString('utf8') : undefined,
          });
        });
        res.on('error', reject);
      },
    );
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error(`no complete answer within ${REQUEST_TIMEOUT_MS / 1000} s`)));
    req.on('error', reject);
    req.end();
  });
}

function checkResponse(result: Answer, kind: Kind, where: string): void {
  if (result.status !== 200) {
    const excerpt = (result.body ?? '').replace(/\s+/g, ' ').slice(0, 300);
    const hint = result.status === 404 ? ' (is the server using the same database as --db? start it with the same DATABASE_PATH)' : '';
    throw new Error(`GET ${where} answered ${result.status}, expected 200${hint}${excerpt ? `: ${excerpt}` : ''}`);
  }
  if (!result.contentType.toLowerCase().startsWith(kind.contentType)) {
    throw new Error(`GET ${where} answered with Content-Type "${result.contentType}", expected ${kind.contentType}`);
  }
}

async function checkServerAnswers(settings: Settings, agent: http.Agent): Promise<void> {
  try {
    await get(settings.url, agent, '/');
  } catch (error) {
    throw new Error(
      `The server at ${settings.url} does not answer (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).\n` +
        `Start it in another terminal with the same database, e.g.\n` +
        `  npm run build && DATABASE_PATH=${settings.db} npm start\n` +
        `and pass its address with --url if it is not ${settings.url}.`,
    );
  }
}

type ThreadJson = { comments: Record<string, unknown>[]; nextCursor: string | null } & Record<string, unknown>;

/** Before timing: the floor must send the same comments, in the same order, with the same fields, as the API. */
async function checkFloorMatchesApi(settings: Settings, appAgent: http.Agent, floorOrigin: string, floorAgent: http.Agent, slug: string) {
  const apiPath = `/api/articles/${slug}/comments`;
  const api = await get(settings.url, appAgent, apiPath, true);
  checkResponse(api, KINDS[1], settings.url + apiPath);
  const floor = await get(floorOrigin, floorAgent, `/floor/${slug}`, true);
  checkResponse(floor, KINDS[2], `${floorOrigin}/floor/${slug}`);
  const a = JSON.parse(api.body!) as ThreadJson;
  const f = JSON.parse(floor.body!) as ThreadJson;
  const sameIds = a.comments.length === f.comments.length && a.comments.every((c, i) => c.id === f.comments[i]!.id);
  if (!sameIds) {
    const firstDiff = a.comments.findIndex((c, i) => c.id !== f.comments[i]?.id);
    throw new Error(
      `${slug}: the floor does not return the same comments as ${apiPath} ` +
        `(API ${a.comments.length} comments, floor ${f.comments.length}; first difference at index ${firstDiff}). ` +
        `Is the server using the same database as --db (${settings.db})?`,
    );
  }
  const fields = (o: object | undefined) => Object.keys(o ?? {}).sort().join(',');
  if (a.comments.length > 0 && fields(a.comments[0]) !== fields(f.comments[0])) {
    throw new Error(`${slug}: the floor's fields (${fields(f.comments[0])}) differ from the API's (${fields(a.comments[0])}); update FLOOR_SQL`);
  }
  if (fields(a) !== fields(f)) throw new Error(`${slug}: the floor's top-level keys (${fields(f)}) differ from the API's (${fields(a)})`);
  // Values other than replyCount must match too, so that byte counts are comparable.
  for (let i = 0; i < a.comments.length; i++) {
    const x: Record<string, unknown> = { ...a.comments[i], replyCount: 0 };
    const y = f.comments[i]!;
    for (const key of Object.keys(x)) {
      const [apiValue, floorValue] = [JSON.stringify(x[key]), JSON.stringify(y[key])];
      if (apiValue !== floorValue) throw new Error(`${slug}: comment ${String(x.id)} differs in "${key}": API ${apiValue}, floor ${floorValue}`);
    }
  }
  if (a.nextCursor !== f.nextCursor) {
    throw new Error(`${slug}: the floor's nextCursor (${f.nextCursor}) disagrees with the API's (${a.nextCursor})`);
  }
  return { comments: a.comments.length, apiBytes: api.bytes, floorBytes: floor.bytes };
}

// ---------------------------------------------------------------------------------------------------------------
// Statistics

function summarise(samples: Answer[]) {
  const ttfb = samples.map((s) => s.ttfb).sort((x, y) => x - y);
  const total = samples.map((s) => s.total).sort((x, y) => x - y);
  const bytes = samples.map((s) => s.bytes).sort((x, y) => x - y);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  // Samples are never empty: --requests is at least 100.
  const at = (sorted: number[], percent: number) => nearestRankPercentile(sorted, percent)!;
  return {
    requests: samples.length,
    ttfbMs: { median: round(at(ttfb, 50)), p95: round(at(ttfb, 95)), min: round(ttfb[0]!), max: round(ttfb.at(-1)!) },
    totalMs: { median: round(at(total, 50)), p95: round(at(total, 95)), min: round(total[0]!), max: round(total.at(-1)!) },
    bytes: { median: at(bytes, 50), min: bytes[0]!, max: bytes.at(-1)! },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Run

async function measureThread(settings: Settings, slug: string, appAgent: http.Agent, floorOrigin: string, floorAgent: http.Agent) {
  const targets: Record<KindKey, { origin: string; agent: http.Agent; path: string }> = {
    page: { origin: settings.url, agent: appAgent, path: `/articles/${slug}` },
    json: { origin: settings.url, agent: appAgent, path: `/api/articles/${slug}/comments` },
    floor: { origin: floorOrigin, agent: floorAgent, path: `/floor/${slug}` },
  };
  const samples: Record<KindKey, Answer[]> = { page: [], json: [], floor: [] };
  const rounds = settings.warmup + settings.requests;
  for (let round = 0; round < rounds; round++) {
    for (const kind of KINDS) {
      const t = targets[kind.key];
      const result = await get(t.origin, t.agent, t.path);
      checkResponse(result, kind, t.origin + t.path);
      if (round >= settings.warmup) samples[kind.key].push(result);
    }
  }
  return Object.fromEntries(KINDS.map((k) => [k.key, summarise(samples[k.key])])) as Record<KindKey, Summary>;
}

function evaluateTargets(results: ThreadResult[]): Target[] {
  const byThread = Object.fromEntries(results.map((r) => [r.slug, r]));
  const targets: Target[] = [];
  const add = (name: string, actual: number, limit: number, unit: Target['unit']) => targets.push({ target: name, actual, limit, unit, pass: actual < limit });
  for (const r of results) {
    targets.push({
      target: `${r.slug}: JSON page 1 median total within 4x the floor`,
      actual: r.jsonToFloorRatio,
      limit: 4,
      unit: 'x',
      pass: r.jsonToFloorRatio <= 4,
    });
  }
  add('bench-10k: JSON page 1 median total < 25 ms', byThread['bench-10k']!.kinds.json.totalMs.median, 25, 'ms');
  add('bench-10k: article page median total < 60 ms', byThread['bench-10k']!.kinds.page.totalMs.median, 60, 'ms');
  add('bench-100k: JSON page 1 median total < 50 ms', byThread['bench-100k']!.kinds.json.totalMs.median, 50, 'ms');
  add('bench-100k: article page median total < 120 ms', byThread['bench-100k']!.kinds.page.totalMs.median, 120, 'ms');
  for (const r of results) add(`${r.slug}: article page HTML < 400 KB (largest response)`, r.kinds.page.bytes.max, MAX_PAGE_BYTES, 'bytes');
  return targets;
}

function pad(value: string | number, width: number, right = true): string {
  const s = String(value);
  return right ? s.padStart(width) : s.padEnd(width);
}

function printTable(results: ThreadResult[], settings: Settings): void {
  const ms = (x: number) => x.toFixed(2);
  const header = [
    pad('thread', 11, false),
    pad('kind', 13, false),
    pad('n', 4),
    pad('TTFB med', 9),
    pad('TTFB p95', 9),
    pad('total med', 10),
    pad('total p95', 10),
    pad('bytes', 9),
  ].join('  ');
  const lines = [
    `Thread read benchmark: ${settings.url}, ${settings.requests} timed requests per kind after ${settings.warmup} warm-up rounds, times in ms`,
    '',
    header,
    '-'.repeat(header.length),
  ];
  for (const r of results) {
    for (const kind of KINDS) {
      const s = r.kinds[kind.key];
      const bytes = s.bytes.min === s.bytes.max ? String(s.bytes.median) : `~${s.bytes.median}`;
      lines.push(
        [
          pad(r.slug, 11, false),
          pad(kind.label, 13, false),
          pad(s.requests, 4),
          pad(ms(s.ttfbMs.median), 9),
          pad(ms(s.ttfbMs.p95), 9),
          pad(ms(s.totalMs.median), 10),
          pad(ms(s.totalMs.p95), 10),
          pad(bytes, 9),
        ].join('  '),
      );
    }
    lines.push(`${pad('', 11, false)}  JSON page 1 / floor (median total): ${r.jsonToFloorRatio.toFixed(2)}x   (${r.firstPageComments} comments on page 1)`);
  }
  console.log(lines.join('\n'));
}

function printTargets(targets: Target[]): void {
  const fmt = (t: Target) => (t.unit === 'x' ? `${t.actual.toFixed(2)}x` : t.unit === 'ms' ? `${t.actual.toFixed(2)} ms` : `${t.actual} bytes`);
  console.log('\nTargets (reported, not enforced):');
  for (const t of targets) console.log(`  ${t.pass ? 'PASS' : 'FAIL'}  ${t.target}: ${fmt(t)}`);
  const passed = targets.filter((t) => t.pass).length;
  console.log(`  ${passed}/${targets.length} met`);
}

async function main(): Promise<number> {
  const settings = readSettings();

  const dbExists = fs.existsSync(settings.db);
  const db = openDatabase(settings.db);
  const found = findArticles(db);
  if (!db || found.size < THREADS.length) {
    db?.close();
    reportMissing(settings, found, dbExists);
    return 1;
  }

  const appAgent = makeAgent();
  const floorAgent = makeAgent();
  let floorServer: http.Server | undefined;
  try {
    await checkServerAnswers(settings, appAgent);
    floorServer = await startFloorServer(db, found);
    const floorOrigin = `http://127.0.0.1:${(floorServer.address() as AddressInfo).port}`;

    const checks: Record<string, Awaited<ReturnType<typeof checkFloorMatchesApi>>> = {};
    for (const thread of THREADS) {
      checks[thread.slug] = await checkFloorMatchesApi(settings, appAgent, floorOrigin, floorAgent, thread.slug);
    }

    const results: ThreadResult[] = [];
    for (const thread of THREADS) {
      process.stderr.write(`measuring ${thread.slug} (${settings.warmup} + ${settings.requests} rounds of page, JSON, floor)...\n`);
      const kinds = await measureThread(settings, thread.slug, appAgent, floorOrigin, floorAgent);
      results.push({
        slug: thread.slug,
        comments: thread.comments,
        firstPageComments: checks[thread.slug]!.comments,
        kinds,
        jsonToFloorRatio: Math.round((kinds.json.totalMs.median / kinds.floor.totalMs.median) * 1000) / 1000,
      });
    }
    console.log('');
    printTable(results, settings);
    const targets = evaluateTargets(results);
    printTargets(targets);

    // What was probably measured: the checkout and build here (the server may run from elsewhere).
    const { machine, checkout } = machineAndCheckout();
    writeResults(settings.out, {
      date: new Date().toISOString(),
      node: process.version,
      machine,
      checkout,
      settings: {
        url: settings.url,
        database: settings.db,
        requestsPerKind: settings.requests,
        warmupRounds: settings.warmup,
        order: 'per thread, sequential, round-robin: article page, JSON page 1, floor',
        percentile: 'nearest rank',
        ttfb: 'request start to response head received',
        total: 'request start to last byte received',
        bytes: 'response body bytes as received, no Accept-Encoding (uncompressed)',
      },
      threads: results,
      targets,
    });
    console.log(`\nWrote ${path.relative(process.cwd(), settings.out) || settings.out}`);
    return 0;
  } finally {
    for (const agent of agents) agent.destroy();
    if (floorServer) {
      floorServer.closeAllConnections();
      floorServer.close();
    }
    db.close();
  }
}

runBench(main);
