// npm run db:restore's work: checks a backup and swaps it in for the database, keeping the one it replaces.
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { BadDatabase } from './bad-database';
import { durableRename, removeDatabaseFiles } from './durable-rename';
import { inspectDatabase, type Inspection } from './inspect-database';
import { Refusal } from './refusal';
import { claimDatabase } from './server-claim';
import { makeSingleFile } from './single-file';

export type RestoreResult = Inspection & {
  /** Where the replaced database now is, null when there was none. */
  keptAs: string | null;
};

const SIDECARS = ['-wal', '-shm', '-journal'] as const;

/**
 * Throws Refusal while a server (or another restore) holds the database or any process has it
 * open, BadDatabase when the backup does not verify; either way the database is left untouched.
 */
export function restoreDatabase(backupFile: string, databaseFile: string, now: Date = new Date()): RestoreResult {
  if (!fs.existsSync(backupFile)) throw new Refusal(`There is no file ${backupFile}.`);
  if (path.resolve(backupFile) === path.resolve(databaseFile)) throw new Refusal(`${backupFile} is the database itself.`);
  // Held while the files move, so that a server starting meanwhile refuses rather than open half a swap.
  const release = claimDatabase(databaseFile, 'restore');
  // Checked on a copy next to the database, so that the final rename stays on one file system and the backup is never changed.
  const incoming = `${databaseFile}.restoring-${process.pid}`;
  try {
    removeDatabaseFiles(incoming);
    fs.copyFileSync(backupFile, incoming);
    makeSingleFile(incoming, backupFile);
    const inspection = inspectDatabase(incoming, 'not-newer', backupFile);
    const keptAs = keepReplaced(databaseFile, now);
    durableRename(incoming, databaseFile);
    return { ...inspection, keptAs };
  } finally {
    removeDatabaseFiles(incoming);
    release();
  }
}

/**
 * Keeps the current database under `<db>.before-restore-<time>` and clears its name of -wal, -shm
 * and -journal files. A WAL file is not tied to the database it came from: left in place, the old
 * database's -wal would be replayed over the restored file the next time it is opened.
 */
function keepReplaced(databaseFile: string, now: Date): string | null {
  if (!fs.existsSync(databaseFile)) {
    for (const suffix of SIDECARS) fs.rmSync(`${databaseFile}${suffix}`, { force: true });
    return null;
  }
  try {
    // Committed transactions may still live only in the -wal: fold them in, so the kept file is whole.
    makeSingleFile(databaseFile);
  } catch (error) {
    // A damaged database is kept as it is, its -wal and -shm beside it.
    if (!(error instanceof BadDatabase)) throw error;
  }
  const keptAs = `${databaseFile}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
  // A hard link keeps the old file while the database keeps its name until the restored one replaces it.
  fs.linkSync(databaseFile, keptAs);
  for (const suffix of SIDECARS) {
    if (fs.existsSync(`${databaseFile}${suffix}`)) fs.renameSync(`${databaseFile}${suffix}`, `${keptAs}${suffix}`);
  }
  return keptAs;
}
