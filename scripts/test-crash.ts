// npm run test:crash [-- --seed N] [--rounds 3] [--port 3205] [--keep]: the production server under moderation and
// posting load is SIGKILLed at a random moment, restarted on the same file, and held to every answer it gave.
// It builds nothing: it serves the current `npm run build` (.next).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import type { Role } from '@/db/schema';
import { insertArticleWithThread } from '@/lib/ops/seed/insert-article-with-thread';
import { generateSyntheticThread, seededRandom } from '@/lib/ops/synthetic/generate-thread';
import { createUser } from '@/lib/users/create-user';
import { readServerActionIds } from '@/lib/ops/http-client/server-actions';
import { signInOverHttp } from '@/lib/ops/http-client/sign-in-over-http';
import type { LoadRun } from '@/lib/ops/load/action-load';
import { formatLoadSummary, summarizeLoad } from '@/lib/ops/load/load-summary';
import { checkModerationInvariants } from '@/lib/ops/load/moderation-invariants';
import { runModerationLoad } from '@/lib/ops/load/moderation-load';
import { runPostingLoad, type AcknowledgedPost, type LoadReader, type PostingLoadResult } from '@/lib/ops/load/posting-load';
import { hasProductionBuild, startProductionServer, type ProductionServer } from '@/lib/ops/load/production-server';

const SLUG = 'crash-test';
const COMMENTS = 2_000;
const MODERATORS = 3;
/** Each reader may post 5 a minute, and the rounds follow within a minute, so each round has readers of its own. */
const READERS_PER_ROUND = 5;
const PASSWORD = 'crash-test-password';
const MODERATION_CONNECTIONS = 8;
const POSTING_CONNECTIONS = 4;
/** The kill comes this long into the load, at a seeded random moment between the two. */
const KILL_FROM_MS = 1_000;
const KILL_TO_MS = 4_000;
const REPLY_PARENTS = 200;
const SIGN_IN_BATCH = 5;

type Settings = { seed: number; rounds: number; port: number; keep: boolean };

function readSettings(): Settings {
  const usage = 'usage: npm run test:crash -- [--seed N] [--rounds 3] [--port 3205] [--keep]';
  let values;
  try {
    ({ values } = parseArgs({
      options: { seed: { type: 'string' }, rounds: { type: 'string', default: '3' }, port: { type: 'string', default: '3205' }, keep: { type: 'boolean', default: false } },
      strict: true,
    }));
  } catch (error) {
    console.error(`test:crash: ${(error as Error).message}\n${usage}`);
    process.exit(2);
  }
  const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
  const rounds = Number(values.rounds);
  const port = Number(values.port);
  if (!Number.isInteger(seed) || !Number.isInteger(rounds) || rounds < 1 || !Number.isInteger(port) || port < 1 || port > 65_535) {
    console.error(`test:crash: --seed, --rounds and --port must be whole numbers\n${usage}`);
    process.exit(2);
  }
  return { seed, rounds, port, keep: values.keep };
}

/**
 * Sign-ins a few at a time: each attempt counts as a failure from this address until its password is checked,
 * and ten at once would lock the address out.
 */
async function inBatches<T, R>(items: readonly T[], signIn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += SIGN_IN_BATCH) results.push(...await Promise.all(items.slice(start, start + SIGN_IN_BATCH).map(signIn)));
  return results;
}

type Accounts = { moderators: string[]; readers: { email: string; userId: number }[] };

/** A migrated database with the synthetic thread, moderators and readers; returns the accounts and the thread's ids. */
async function createDatabase(file: string, settings: Settings): Promise<{ articleId: number; commentIds: number[]; accounts: Accounts }> {
  const db = openDatabase(file);
  try {
    migrateDatabase(db);
    const { article, thread } = generateSyntheticThread({ comments: COMMENTS, slug: SLUG, seed: settings.seed });
    const { articleId } = insertArticleWithThread(db, article, thread, 'synthetic');
    const system = { kind: 'system', name: 'test:crash', requestId: 'test-crash-setup' } as const;
    const create = async (email: string, role: Role) => {
      const created = await createUser(db, system, { email, displayName: email.split('@')[0]!, role, password: PASSWORD });
      if (!created.ok) throw new Error(`could not create ${email}: ${created.message}`);
      return { email, userId: created.userId };
    };
    const moderators = await Promise.all(Array.from({ length: MODERATORS }, (_, i) => create(`crash-moderator-${i + 1}@example.test`, 'moderator')));
    const readers = await Promise.all(Array.from({ length: READERS_PER_ROUND * settings.rounds }, (_, i) => create(`crash-reader-${i + 1}@example.test`, 'reader')));
    const commentIds = db.$client.prepare("SELECT id FROM comments WHERE article_id = ? AND status = 'visible' ORDER BY id").pluck().all(articleId) as number[];
    return { articleId, commentIds, accounts: { moderators: moderators.map((m) => m.email), readers } };
  } finally {
    db.$client.close();
  }
}

/** Where the log and the comments stand before a round, read on a connection closed before the load starts. */
function readMarks(file: string): { sinceLogId: number; lastCommentId: number } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return {
      sinceLogId: (db.prepare('SELECT coalesce(max(id), 0) FROM moderation_log').pluck().get() as number),
      lastCommentId: (db.prepare('SELECT coalesce(max(id), 0) FROM comments').pluck().get() as number),
    };
  } finally {
    db.close();
  }
}

/** What is wrong with the posts: an acknowledged one missing or different, or more new posts than acknowledged and unanswered. */
function checkPosts(file: string, posts: PostingLoadResult, lastCommentId: number): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const broken: string[] = [];
    const row = db.prepare('SELECT author_id AS authorId, body FROM comments WHERE id = ?');
    const wrong = posts.acknowledged.filter((post: AcknowledgedPost) => {
      const stored = row.get(post.commentId) as { authorId: number; body: string } | undefined;
      return !stored || stored.authorId !== post.authorId || stored.body !== post.body;
    });
    if (wrong.length > 0) broken.push(`${wrong.length} acknowledged post(s) missing or changed: comments ${wrong.slice(0, 5).map((p) => p.commentId).join(', ')}`);
    const created = db.prepare("SELECT count(*) FROM comments WHERE id > ? AND origin = 'reader'").pluck().get(lastCommentId) as number;
    if (created > posts.acknowledged.length + posts.unanswered) {
      broken.push(`${created} new posts, but only ${posts.acknowledged.length} acknowledged and ${posts.unanswered} unanswered: a refused post was kept`);
    }
    return broken;
  } finally {
    db.close();
  }
}

/** Answers the crash cannot explain: a complete answer that was not a result, or no answer before the kill. */
function checkAnswers(name: string, run: LoadRun<unknown>): string[] {
  const broken: string[] = [];
  const bad = Object.entries(run.badAnswers);
  if (bad.length > 0) broken.push(`${name}: answers that were not an action result: ${bad.map(([status, n]) => `${n} × ${status}`).join(', ')}`);
  if (run.unanswered > run.inFlightAtStop) {
    broken.push(`${name}: ${run.unanswered} requests unanswered but only ${run.inFlightAtStop} in flight at the kill: ${JSON.stringify(run.transportErrors)}`);
  }
  if (run.acknowledged.length === 0) broken.push(`${name}: nothing was acknowledged before the kill, so the round proves nothing`);
  return broken;
}

type Round = { number: number; killAfterMs: number; failures: string[] };

async function runRound(
  number: number,
  context: { file: string; settings: Settings; random: () => number; articleId: number; commentIds: number[]; parents: number[]; moderators: string[]; readers: LoadReader[]; authSecret: string },
  server: ProductionServer,
): Promise<{ round: Round; server: ProductionServer }> {
  const { file, settings, random } = context;
  const page = `/articles/${SLUG}`;
  const actionIds = readServerActionIds();
  const marks = readMarks(file);
  const killAfterMs = KILL_FROM_MS + Math.floor(random() * (KILL_TO_MS - KILL_FROM_MS));
  const stop = new AbortController();
  const load = { baseUrl: server.baseUrl, page, actionIds, stop: stop.signal, random };
  const moderation = runModerationLoad({ ...load, connections: MODERATION_CONNECTIONS, moderatorCookies: context.moderators, commentIds: context.commentIds, dbFile: file });
  const posting = runPostingLoad({
    ...load,
    connections: POSTING_CONNECTIONS,
    readers: context.readers.slice((number - 1) * READERS_PER_ROUND, number * READERS_PER_ROUND),
    articleId: context.articleId,
    parentIds: context.parents,
    label: `Crash test seed ${settings.seed} round ${number}`,
  });
  await new Promise((resolve) => setTimeout(resolve, killAfterMs));
  // Stopped first, so that no request starts after the kill; those in flight get no answer.
  stop.abort();
  process.kill(server.pid, 'SIGKILL');
  const exit = await server.exited;
  const [moderated, posted] = await Promise.all([moderation, posting]);

  const restartStarted = performance.now();
  const restarted = await startProductionServer({ port: settings.port, databaseFile: file, authSecret: context.authSecret, readyPath: page });
  const restartSeconds = (performance.now() - restartStarted) / 1000;

  const failures: string[] = [];
  if (exit.signal !== 'SIGKILL') failures.push(`the server ended with ${JSON.stringify(exit)}, not by the SIGKILL`);
  failures.push(...checkAnswers('moderation', moderated), ...checkAnswers('posting', posted));
  const db = openDatabase(file);
  try {
    failures.push(...checkModerationInvariants(db, { acknowledged: moderated.acknowledged, sinceLogId: marks.sinceLogId, inFlightAtStop: moderated.unanswered }));
  } finally {
    db.$client.close();
  }
  failures.push(...checkPosts(file, posted, marks.lastCommentId));
  const thread = await fetch(new URL(page, restarted.baseUrl));
  await thread.arrayBuffer();
  if (thread.status !== 200) failures.push(`the restarted server answered GET ${page} with ${thread.status}`);

  console.log(`\nRound ${number}: SIGKILL ${(killAfterMs / 1000).toFixed(3)} s into the load (pid ${server.pid}); restarted and serving in ${restartSeconds.toFixed(1)} s`);
  console.log(`  moderation: ${formatLoadSummary(summarizeLoad(moderated))}; ${moderated.unanswered} unanswered at the kill`);
  console.log(`  posting:    ${formatLoadSummary(summarizeLoad(posted))}; ${posted.unanswered} unanswered at the kill`);
  if (failures.length === 0) {
    console.log(`  PASS: all ${moderated.acknowledged.length} acknowledged moderation actions and ${posted.acknowledged.length} acknowledged posts are in the database; `
      + 'each logged once, nothing refused was logged, comments match their last log rows, the chain verifies, integrity_check ok, the thread serves 200');
  } else {
    for (const failure of failures) console.log(`  FAIL: ${failure}`);
  }
  return { round: { number, killAfterMs, failures }, server: restarted };
}

async function main(): Promise<number> {
  const settings = readSettings();
  if (!hasProductionBuild()) {
    console.error('test:crash serves the current production build and builds nothing, and there is none in .next: run `npm run build` first.');
    return 1;
  }
  console.log(`test:crash: seed ${settings.seed} (repeat with --seed ${settings.seed}), ${settings.rounds} rounds, port ${settings.port}`);
  const started = performance.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'threadkeeper-crash-'));
  const file = path.join(dir, 'crash.db');
  const authSecret = randomBytes(32).toString('hex');
  let server: ProductionServer | null = null;
  const rounds: Round[] = [];
  try {
    const { articleId, commentIds, accounts } = await createDatabase(file, settings);
    server = await startProductionServer({ port: settings.port, databaseFile: file, authSecret, readyPath: `/articles/${SLUG}` });
    const baseUrl = server.baseUrl;
    const moderators = await inBatches(accounts.moderators, (email) => signInOverHttp(baseUrl, email, PASSWORD));
    const readers = await inBatches(accounts.readers, async ({ email, userId }) => ({ userId, cookie: await signInOverHttp(baseUrl, email, PASSWORD) }));
    console.log(`${COMMENTS} comments, ${moderators.length} moderators and ${readers.length} readers signed in, ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const random = seededRandom(settings.seed);
    const parents = commentIds.filter((_, index) => index % Math.ceil(commentIds.length / REPLY_PARENTS) === 0);
    const context = { file, settings, random, articleId, commentIds, parents, moderators, readers, authSecret };
    for (let number = 1; number <= settings.rounds; number += 1) {
      const result = await runRound(number, context, server);
      server = result.server;
      rounds.push(result.round);
    }
  } catch (error) {
    console.error(`\ntest:crash could not run: ${(error as Error).stack ?? error}`);
    if (server) console.error(`server output:\n${server.output.join('\n')}`);
    return 1;
  } finally {
    await server?.stop();
    if (settings.keep) console.log(`kept ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
  const failed = rounds.filter((round) => round.failures.length > 0);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`\ntest:crash: ${rounds.length - failed.length} of ${rounds.length} rounds passed in ${seconds} s (seed ${settings.seed}; kills at `
    + `${rounds.map((round) => `${(round.killAfterMs / 1000).toFixed(3)} s`).join(', ')})`);
  return failed.length === 0 ? 0 : 1;
}

void main().then((code) => process.exit(code));
