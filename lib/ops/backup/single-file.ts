// Turns a database file into one that stands alone: its write-ahead log folded in and removed.
import 'server-only';
import Database from 'better-sqlite3';
import { BadDatabase } from './bad-database';
import { Refusal } from './refusal';

/**
 * Leaving WAL mode checkpoints every committed transaction from `<file>-wal` into the file and
 * deletes the -wal and -shm files, and SQLite allows it only to the one connection open on the
 * file: so it fails, and this throws Refusal, while any other process has the database open.
 * Throws BadDatabase for a file that is not SQLite or cannot be read. Messages name it `label`.
 */
export function makeSingleFile(file: string, label: string = file): void {
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { fileMustExist: true });
  } catch (error) {
    throw new BadDatabase(`Cannot open ${label}: ${(error as Error).message}`);
  }
  try {
    sqlite.pragma('busy_timeout = 1000');
    const mode = sqlite.pragma('journal_mode = DELETE', { simple: true });
    if (mode !== 'delete') throw new BadDatabase(`${label} stayed in journal mode ${String(mode)}.`);
  } catch (error) {
    if (error instanceof BadDatabase) throw error;
    const { code, message } = error as { code?: string; message: string };
    if (code === 'SQLITE_NOTADB') throw new BadDatabase(`${label} is not a SQLite database.`);
    if (code === 'SQLITE_BUSY') throw new Refusal(`Another process has ${label} open: stop it first.`);
    throw new BadDatabase(`Cannot read ${label}: ${message}`);
  } finally {
    sqlite.close();
  }
}
