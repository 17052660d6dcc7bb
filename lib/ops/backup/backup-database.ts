// npm run db:backup's work: an online copy of the live database, verified before it takes the destination's name.
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '@/db/client';
import { durableRename, removeDatabaseFiles } from './durable-rename';
import { inspectDatabase, type Inspection } from './inspect-database';
import { Refusal } from './refusal';
import { makeSingleFile } from './single-file';

/** The most better-sqlite3 passes to sqlite3_backup_step: more pages than any database has. */
const ALL_PAGES = 0x7fffffff;

export type BackupOptions = {
  /** Replace an existing destination file. */
  force?: boolean;
  /** Told the size of the copy once SQLite has measured the source. */
  onStart?: (pages: number) => void;
};

/**
 * Copies `source` to `destination` through SQLite's online backup API while the server keeps
 * writing, and verifies the copy (inspect-database.ts) before renaming it into place. Throws
 * Refusal when the destination exists (without `force`) or is the live database, BadDatabase when
 * the copy does not verify; a failed copy leaves no file behind.
 */
export async function backupDatabase(source: string, destination: string, options: BackupOptions = {}): Promise<Inspection> {
  if (!fs.existsSync(source)) throw new Refusal(`There is no database at ${source}.`);
  const target = path.resolve(destination);
  if (isSameFileOrSidecar(path.resolve(source), target)) throw new Refusal(`${destination} is the live database itself: choose another file.`);
  if (fs.existsSync(target) && !options.force) throw new Refusal(`${destination} already exists: choose a new name, or add --force to replace it.`);
  if (!fs.existsSync(path.dirname(target))) throw new Refusal(`The folder ${path.dirname(destination)} does not exist.`);

  const partial = `${target}.partial-${process.pid}`;
  removeDatabaseFiles(partial);
  try {
    const db = openDatabase(source);
    try {
      let measured = false;
      await db.$client.backup(partial, {
        // better-sqlite3 measures the source with an empty first step, then asks how many pages to
        // copy next: all of them, from one read snapshot. In steps of a few pages, each commit the
        // server makes in between restarts the copy, which under steady load never finishes.
        progress: ({ totalPages }) => {
          if (!measured) options.onStart?.(totalPages);
          measured = true;
          return ALL_PAGES;
        },
      });
    } finally {
      db.$client.close();
    }
    // The copy took the source's WAL mode; a backup must be one file that needs no -wal beside it.
    makeSingleFile(partial, `The copy of ${source}`);
    const inspection = inspectDatabase(partial, 'same', `The copy of ${source}`);
    durableRename(partial, target);
    return inspection;
  } finally {
    removeDatabaseFiles(partial);
  }
}

function isSameFileOrSidecar(source: string, target: string): boolean {
  return ['', '-wal', '-shm', '-journal'].some((suffix) => `${source}${suffix}` === target);
}
