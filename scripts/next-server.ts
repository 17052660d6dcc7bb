// Builds with the Next.js CLI and runs scripts/serve.ts as a child that lives and dies with this process.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';

const NEXT_BIN = require.resolve('next/dist/bin/next');
const TSX_CLI = require.resolve('tsx/cli');
const SERVE_SCRIPT = path.join(__dirname, 'serve.ts');
const NEXT_ENV = { NEXT_TELEMETRY_DISABLED: '1' };

/** Runs `next build` to completion; false when it failed. */
export function buildNext(): boolean {
  return spawnSync(process.execPath, [NEXT_BIN, 'build'], { stdio: 'inherit', env: { ...process.env, ...NEXT_ENV } }).status === 0;
}

/** Serves the production build; Ctrl-C or SIGTERM reaches the server, and its exit ends this process. */
export function startServer(args: string[], env: Record<string, string> = {}, onExit: () => void = () => {}): void {
  const server = spawn(process.execPath, [TSX_CLI, SERVE_SCRIPT, ...args], {
    stdio: 'inherit',
    env: { ...process.env, ...env, ...NEXT_ENV },
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
  server.on('exit', (code) => {
    onExit();
    process.exit(code ?? 0);
  });
}
