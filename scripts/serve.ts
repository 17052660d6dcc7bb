// npm start: migrates, checks the auth secret, and serves the production build through an HTTP server
// that alone decides each request's client address (the sign-in rate limiter keys on it), scheme and
// host, and refuses another host's address, unserved methods and paths, foreign-origin and oversized requests
// before Next.js reads them.
import './lib/allow-server-only';
import cluster from 'node:cluster';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { parseArgs } from 'node:util';
import { databasePath, openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { authSecretFile, loadAuthSecret } from '@/lib/auth/auth-secret';
import { claimDatabase } from '@/lib/ops/backup/server-claim';
import { commentMaxLength } from '@/lib/comments/comment-max-length';
import { REFUSED_BODY_DRAIN_LIMIT } from '@/lib/shared/http/body-limits';
import { CLIENT_ADDRESS_HEADER, resolveClientAddress, trustProxyFrom } from '@/lib/shared/http/client-address';
import { dropUntrustedForwarding } from '@/lib/http/forwarded-headers';
import { jsonError } from '@/lib/http/json-error';
import { originFormOf, refusalFor, type Refusal } from '@/lib/http/request-guard';
import { hasActiveOwner } from '@/lib/queries/users';

const { values } = parseArgs({
  options: { port: { type: 'string', short: 'p' }, hostname: { type: 'string', short: 'H' } },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);

/** Refuses to start on a short or exposed secret, and says how to get a first owner. */
function prepare(): void {
  const db = openDatabase();
  try {
    const applied = migrateDatabase(db);
    console.log(`Database ${databasePath()}: ${applied === 0 ? 'schema up to date' : `${applied} migration(s) applied`}`);
    if (!hasActiveOwner(db)) {
      console.log(
        'No owner account that is not banned. Create one with:\n' +
          "  printf '%s' 'a long password' | npm run user -- create --email you@example.com --name 'Your Name' --role owner --password-stdin",
      );
    }
  } finally {
    db.$client.close();
  }
  loadAuthSecret();
  if (!process.env.AUTH_SECRET) console.log(`Session secret: ${authSecretFile()}`);
  // A bad limit would otherwise surface only when someone posts.
  commentMaxLength();
}

/** The refusal as jsonError shapes it, after which the rest of the body is dropped as it arrives (up to a limit). */
async function refuse(request: IncomingMessage, response: ServerResponse, { status, code, message, headers }: Refusal): Promise<void> {
  let dropped = 0;
  request.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > REFUSED_BODY_DRAIN_LIMIT) request.socket.destroy();
  });
  const answer = jsonError(status, code, message);
  response.writeHead(status, { ...Object.fromEntries(answer.headers), ...headers });
  response.end(await answer.text());
}

/**
 * Node processes serving requests: WEB_CONCURRENCY, else one. Measured on the 2-core machine this
 * runs on, with the load's client on it too, two processes did worse than one (bench:moderation
 * at 10 connections: 142-228 against 368-451 requests a second in back-to-back runs), probably
 * because each process's SQLite cache goes stale at every write of the other and a writer that
 * finds the lock held sleeps its whole event loop in SQLite's busy handler. With cores to spare,
 * measure more.
 */
function workerCount(): number {
  const configured = process.env.WEB_CONCURRENCY;
  if (configured === undefined || configured === '') return 1;
  const count = Number(configured);
  if (!Number.isInteger(count) || count < 1) throw new Error(`WEB_CONCURRENCY must be a whole number of at least 1 (got "${configured}")`);
  return count;
}

/**
 * The primary claims the database, migrates and makes the secret file once, then forks the workers:
 * each serves the port (node:cluster hands them connections in turn) with its own SQLite
 * connection. Everything a request depends on is in SQLite (rate limits, sessions' versions) or
 * read from the same secret, so any worker may answer any request. A worker that dies takes the
 * server down with it, as the single process did: whatever supervises `npm start` restarts it.
 */
function runPrimary(workers: number): void {
  let stopping = false;
  let listening = 0;
  let alive = workers;
  const stopAll = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
  };
  cluster.on('listening', () => {
    listening += 1;
    if (listening === workers) announce(`${workers} processes`);
  });
  cluster.on('exit', (worker, code, signal) => {
    alive -= 1;
    if (!stopping) {
      console.error(`A server process (pid ${worker.process.pid}) exited (${signal ?? `code ${code}`}); stopping.`);
      process.exitCode = 1;
      stopAll();
    }
    if (alive === 0) process.exit();
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, stopAll);
  for (let i = 0; i < workers; i++) cluster.fork();
}

function announce(processes: string | null): void {
  const proxy = trustProxyFrom() ? ' (trusting X-Forwarded-For, -Proto and -Host from the proxy)' : '';
  console.log(`Threadkeeper is serving http://${values.hostname ?? 'localhost'}:${port}${proxy}${processes ? ` with ${processes}` : ''}`);
}

/** Next.js behind our own HTTP server, in this process. */
async function serve(announceWhenListening: boolean): Promise<void> {
  // Before Next.js loads, as `next start` does.
  (process.env as Record<string, string>).NODE_ENV = 'production';
  const { default: next } = await import('next');
  const app = next({ dev: false, dir: process.cwd(), hostname: values.hostname ?? 'localhost', port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const trustProxy = trustProxyFrom();
  const server = createServer((request, response) => {
    // Overwritten on every request, so a client can never choose its own address.
    request.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(
      request.socket.remoteAddress,
      request.headers['x-forwarded-for'],
      trustProxy,
    );
    dropUntrustedForwarding(request.headers, trustProxy);
    request.url = originFormOf(request.url ?? '/', request.headers, trustProxy);
    const refusal = refusalFor(request, trustProxy);
    if (refusal) return void refuse(request, response, refusal);
    void handle(request, response);
  });
  server.listen(port, values.hostname, () => {
    if (announceWhenListening) announce(null);
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => server.close(() => process.exit(0)));
  }
}

async function main(): Promise<void> {
  if (cluster.isWorker) return serve(false);
  let workers: number;
  try {
    workers = workerCount();
    // Held until exit: a restore refuses while it stands, and so does a second server on the same file.
    claimDatabase(databasePath(), 'server');
    prepare();
  } catch (error) {
    console.error(`Cannot start: ${(error as Error).message}`);
    process.exit(1);
  }
  if (workers === 1) return serve(true);
  runPrimary(workers);
}

void main();
