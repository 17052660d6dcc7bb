// What every bench result file records besides its figures: when, on what machine, from which build, how busy the machine was.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/** The build's id, or null with a message when there is none: the benches serve the current build and never build. */
export function readBuildId(root = process.cwd()): string | null {
  const file = path.join(root, '.next', 'BUILD_ID');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : null;
}

/** Sources edited after the build: a strong hint that it is stale (whether it is cannot be known for sure). */
export function sourcesNewerThanBuild(root = process.cwd()): string[] {
  const builtAt = fs.statSync(path.join(root, '.next', 'BUILD_ID')).mtimeMs;
  const newer: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.(tsx?|css|sql)$/.test(entry.name) && fs.statSync(file).mtimeMs > builtAt) newer.push(path.relative(root, file));
    }
  };
  for (const dir of ['app', 'components', 'db', 'lib', 'proxy.ts']) {
    const full = path.join(root, dir);
    if (!fs.existsSync(full)) continue;
    if (fs.statSync(full).isDirectory()) walk(full);
    else if (fs.statSync(full).mtimeMs > builtAt) newer.push(dir);
  }
  return newer;
}

/** How many tracked files have uncommitted changes: figures from a dirty checkout may not be the commit's. */
const uncommittedFiles = () => git(['status', '--porcelain', '--untracked-files=no'])?.split('\n').filter(Boolean).length ?? null;

export function runInfo(root = process.cwd()) {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    node: process.version,
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model ?? null,
      memoryBytes: os.totalmem(),
      platform: `${os.platform()} ${os.release()}`,
    },
    build: {
      id: readBuildId(root),
      gitCommit: git(['rev-parse', 'HEAD']),
      uncommittedFiles: uncommittedFiles(),
    },
  };
}

/** The machine and checkout in the shape bench:thread and bench:export have always written, so that their results compare across versions. */
export function machineAndCheckout(root = process.cwd()) {
  const cpus = os.cpus();
  return {
    machine: {
      platform: `${os.platform()} ${os.release()} ${os.arch()}`,
      cpus: cpus.length,
      cpuModel: cpus[0]?.model ?? 'unknown',
      totalMemoryBytes: os.totalmem(),
    },
    checkout: { gitCommit: git(['rev-parse', 'HEAD']), gitTrackedChanges: uncommittedFiles(), nextBuildId: readBuildId(root) },
  };
}

/** The 1-minute load average: on a 2-core machine shared with other work, figures taken above about 1 are noisy. */
export const loadAverage = () => Math.round(os.loadavg()[0]! * 100) / 100;

/** Writes a results file, creating its folder. */
export function writeResults(file: string, results: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}
