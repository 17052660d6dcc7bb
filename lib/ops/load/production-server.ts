// `npm start`'s server (scripts/serve.ts) on a given database and port, as ONE node process (tsx as a loader, no
// wrapper), so that the pid a test kills is the server itself.
import 'server-only';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export type ServerExit = { code: number | null; signal: NodeJS.Signals | null };

export type ProductionServer = {
  baseUrl: string;
  pid: number;
  /** The server's last lines of output, for a failure message. */
  output: string[];
  /** Settles when the process is gone (and reaped, so that its pid no longer counts as alive). */
  exited: Promise<ServerExit>;
  /** Sends `signal` to the server and waits until it is gone. */
  stop(signal?: NodeJS.Signals): Promise<ServerExit>;
};

export type ProductionServerOptions = {
  port: number;
  databaseFile: string;
  authSecret: string;
  /** A GET that must answer 200 before the server counts as ready. */
  readyPath?: string;
  startTimeoutMs?: number;
  cwd?: string;
};

const OUTPUT_LINES = 40;

/** Whether `npm run build` has left a production build in `cwd`'s .next. */
export function hasProductionBuild(cwd = process.cwd()): boolean {
  return fs.existsSync(path.join(cwd, '.next', 'BUILD_ID'));
}

export async function startProductionServer(options: ProductionServerOptions): Promise<ProductionServer> {
  const cwd = options.cwd ?? process.cwd();
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(cwd, 'scripts', 'serve.ts'), '--port', String(options.port), '--hostname', '127.0.0.1'],
    {
      cwd,
      env: { ...process.env, DATABASE_PATH: options.databaseFile, AUTH_SECRET: options.authSecret, NEXT_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    output.splice(0, Math.max(0, output.length - OUTPUT_LINES));
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let gone: ServerExit | null = null;
  const exited = new Promise<ServerExit>((resolve) => child.on('exit', (code, signal) => resolve((gone = { code, signal }))));
  const server: ProductionServer = {
    baseUrl: `http://127.0.0.1:${options.port}`,
    pid: child.pid!,
    output,
    exited,
    stop: (signal = 'SIGTERM') => {
      if (!gone) child.kill(signal);
      return exited;
    },
  };

  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
  const readyUrl = new URL(options.readyPath ?? '/', server.baseUrl);
  for (;;) {
    if (gone) throw new Error(`the server exited (${JSON.stringify(gone)}) before answering:\n${output.join('\n')}`);
    try {
      const response = await fetch(readyUrl, { signal: AbortSignal.timeout(10_000) });
      await response.arrayBuffer();
      if (response.status === 200) return server;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await server.stop('SIGKILL');
      throw new Error(`the server did not answer GET ${readyUrl.pathname} with 200 in time:\n${output.join('\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
