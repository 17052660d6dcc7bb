// Every worker loads this file before its tests, so the tests may import server modules (lib/, db/client) as they are.
import './scripts/lib/allow-server-only';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

// scripts/test.mjs picks a free port; run alone, the suite uses 3100.
const port = Number(process.env.E2E_PORT || 3100);
/** The server's throw-away database; tests open it to check what an action wrote (see tests/e2e/support/e2e-db.ts). */
export const E2E_DATABASE_PATH = path.join(os.tmpdir(), `threadkeeper-e2e-${port}`, 'e2e.db');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    // A production server on a throw-away database holding the seed article, a synthetic thread and the demo accounts.
    command: `npx tsx scripts/e2e-server.ts --port ${port} --database ${E2E_DATABASE_PATH}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
