// Which process is using a database: `npm start` (and a restore, while it swaps the file) writes its
// pid next to the file, so that a restore or a second server can tell; a claim left by a killed
// process names a pid that no longer runs, and counts as stale.
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { Refusal } from './refusal';

export type ClaimHolder = 'server' | 'restore';
export type Claimant = { pid: number; holder: ClaimHolder };

export function claimFileOf(databaseFile: string): string {
  return `${databaseFile}.server.pid`;
}

/** The live process named by the database's claim, or null when there is no claim or its process is gone. */
export function liveClaimant(databaseFile: string): Claimant | null {
  let text: string;
  try {
    text = fs.readFileSync(claimFileOf(databaseFile), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const [pidText, holder] = text.trim().split(/\s+/);
  const pid = Number(pidText);
  if (!Number.isSafeInteger(pid) || pid <= 0 || !isAlive(pid)) return null;
  return { pid, holder: holder === 'restore' ? 'restore' : 'server' };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** "A Threadkeeper server (pid 123) is running on data/threadkeeper.db: stop it first." and how to clear a wrong claim. */
export function describeClaimant(databaseFile: string, claimant: Claimant): string {
  const what = claimant.holder === 'server'
    ? `A Threadkeeper server (pid ${claimant.pid}) is running on ${databaseFile}: stop it first.`
    : `A restore (pid ${claimant.pid}) is replacing ${databaseFile}: wait until it has finished.`;
  return `${what} (If process ${claimant.pid} is not Threadkeeper's, delete ${claimFileOf(databaseFile)}.)`;
}

/**
 * Claims the database for this process until it exits (or until the returned release is called),
 * replacing a stale claim. Throws Refusal, in words, when a live process holds it.
 */
export function claimDatabase(databaseFile: string, holder: ClaimHolder): () => void {
  const claimFile = claimFileOf(databaseFile);
  // A first start claims before anything has created the data folder.
  fs.mkdirSync(path.dirname(path.resolve(databaseFile)), { recursive: true });
  // Two tries: the second follows the removal of a stale claim.
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      // 'wx' creates the file only if it does not exist, so two processes can never both succeed.
      fs.writeFileSync(claimFile, `${process.pid} ${holder}\n`, { flag: 'wx' });
      const release = () => releaseClaim(claimFile);
      process.once('exit', release);
      return () => {
        process.off('exit', release);
        release();
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const claimant = liveClaimant(databaseFile);
    if (claimant) throw new Refusal(describeClaimant(databaseFile, claimant));
    fs.rmSync(claimFile, { force: true });
  }
  throw new Refusal(`Another process claimed ${databaseFile} at the same moment: try again.`);
}

/** Removes the claim only while it is still this process's own. */
function releaseClaim(claimFile: string): void {
  try {
    const [pid] = fs.readFileSync(claimFile, 'utf8').trim().split(/\s+/);
    if (pid === String(process.pid)) fs.rmSync(claimFile, { force: true });
  } catch {
    // Already gone: nothing to release.
  }
}
