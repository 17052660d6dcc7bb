// Runs the Next.js CLI from our scripts: `next start` as a child that lives and dies with this process.
import { spawn, spawnSync } from 'node:child_process';

const NEXT_BIN = require.resolve('next/dist/bin/next');
const NEXT_ENV = { NEXT_TELEMETRY_DISABLED: '1' };

/** Runs `next build` to completion; false when it failed. */
export function buildNext(): boolean {
  return spawnSync(process.execPath, [NEXT_BIN, 'build'], { stdio: 'inherit', env: { ...process.env, ...NEXT_ENV } }).status === 0;
}

/** Serves the production build; Ctrl-C or SIGTERM reaches the server, and its exit ends this process. */
export function startNextServer(args: string[], env: Record<string, string> = {}, onExit: () => void = () => {}): void {
  const server = spawn(process.execPath, [NEXT_BIN, 'start', ...args], {
    stdio: 'inherit',
    env: { ...process.env, ...env, ...NEXT_ENV },
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
  server.on('exit', (code) => {
    onExit();
    process.exit(code ?? 0);
  });
}
