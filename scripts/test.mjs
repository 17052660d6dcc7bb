// npm test: dependency floors, typecheck, lint, vitest, then Playwright against a production build; ends with one
// line "N passed, N failed" summing both test runners.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'threadkeeper-test-reports-'));

function run(label, command, args, extraEnv = {}) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
  return result.status === 0;
}

function bin(name) {
  return path.join(process.cwd(), 'node_modules', '.bin', name);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

if (!fs.existsSync(CHROMIUM)) {
  console.error(`Browser tests need Chromium at ${CHROMIUM}, and it is missing.`);
  console.error('Fix: apt-get update && apt-get install -y chromium   (or set CHROMIUM_PATH to a Chromium binary)');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const failures = [];
let passed = 0;
let failed = 0;

// A step that is not a test runner counts as one failure when it fails.
function step(label, ok) {
  if (ok) return;
  failures.push(label);
  failed += 1;
}

step('dependency floors', run('dependency floors', process.execPath, ['scripts/check-dependency-floors.mjs']));
step('typecheck', run('typecheck', bin('tsc'), ['--noEmit']));
step('lint', run('lint', bin('eslint'), ['--max-warnings', '0', '.']));

const vitestReport = path.join(reports, 'vitest.json');
const vitestOk = run('vitest (unit and integration)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`]);
const vitest = readJson(vitestReport);
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
}
if (!vitestOk) failures.push('vitest');
if (!vitest) failed += 1;

// The build must never open the database: point it at a file that must still not exist afterwards.
const buildProbe = path.join(reports, 'build-must-not-open', 'threadkeeper.db');
const built = run('next build', bin('next'), ['build'], { DATABASE_PATH: buildProbe });
if (built && fs.existsSync(path.dirname(buildProbe))) {
  console.error(`next build opened the database (${buildProbe} exists)`);
  step('next build never opens the database', false);
}
if (built) {
  const playwrightReport = path.join(reports, 'playwright.json');
  const port = await freePort();
  const playwrightOk = run('playwright (Chromium)', bin('playwright'), ['test'], {
    E2E_PORT: String(port),
    PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport,
  });
  const playwright = readJson(playwrightReport);
  if (playwright) {
    passed += playwright.stats.expected + playwright.stats.flaky;
    failed += playwright.stats.unexpected;
  }
  if (!playwrightOk) failures.push('playwright');
  if (!playwright) failed += 1;
  // The crash test (npm run test:crash) fits in well under two minutes, so it runs here; it counts as one test.
  const crashOk = run('crash safety (test:crash)', bin('tsx'), ['--conditions=react-server', 'scripts/test-crash.ts', '--port', String(await freePort())]);
  if (crashOk) passed += 1;
  step('crash safety', crashOk);
} else {
  step('next build', false);
}

fs.rmSync(reports, { recursive: true, force: true });
if (failures.length > 0) console.log(`\nFailed steps: ${failures.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failures.length > 0 ? 1 : 0);
