// The one way to open the database: pragmas set and verified on every connection.
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const DEFAULT_DATABASE_PATH = 'data/threadkeeper.db';

/**
 * synchronous=FULL: with WAL, NORMAL may lose the last transactions on power loss. A moderation
 * decision that was acknowledged to a moderator must survive, so every commit is fsynced.
 */
const REQUIRED_PRAGMAS = [
  { name: 'busy_timeout', set: 'busy_timeout = 5000', expect: 5000 },
  { name: 'journal_mode', set: 'journal_mode = WAL', expect: 'wal' },
  { name: 'synchronous', set: 'synchronous = FULL', expect: 2 },
  { name: 'foreign_keys', set: 'foreign_keys = ON', expect: 1 },
  { name: 'recursive_triggers', set: 'recursive_triggers = ON', expect: 1 },
] as const;

export function databasePath(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return env.DATABASE_PATH || DEFAULT_DATABASE_PATH;
}

/** Opens a connection and refuses to hand it out unless every required pragma holds. */
export function openDatabase(file: string = databasePath()): Db {
  fs.mkdirSync(path.dirname(path.resolve(/* turbopackIgnore: true */ file)), { recursive: true });
  const sqlite = new Database(file);
  try {
    for (const pragma of REQUIRED_PRAGMAS) {
      setPragma(sqlite, pragma.set);
      const actual = sqlite.pragma(pragma.name, { simple: true });
      if (actual !== pragma.expect) {
        throw new Error(`SQLite pragma ${pragma.name} is ${String(actual)}, expected ${String(pragma.expect)} (${file})`);
      }
    }
  } catch (error) {
    sqlite.close();
    throw error;
  }
  // SQLite's lower() and LIKE fold ASCII letters only; searches fold names the way JavaScript does.
  sqlite.function('fold_text', { deterministic: true }, (value) => (value === null ? null : String(value).normalize('NFKC').toLowerCase()));
  return drizzle(sqlite, { schema });
}

const BUSY_RETRY_MS = 5000;

/**
 * Turning a new file to WAL needs an exclusive lock that the busy timeout does not wait for, so two
 * processes opening the same new file at once would see SQLITE_BUSY: retry for as long as the
 * busy timeout would have waited.
 */
function setPragma(sqlite: Database.Database, statement: string): void {
  const deadline = Date.now() + BUSY_RETRY_MS;
  for (;;) {
    try {
      sqlite.pragma(statement);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > deadline) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
  }
}

const globalForDb = globalThis as unknown as { threadkeeperDb?: Db };

/** The process-wide connection, opened on first use so that `next build` never touches the file. */
export function getDb(): Db {
  globalForDb.threadkeeperDb ??= openDatabase();
  return globalForDb.threadkeeperDb;
}

/** The handle a synchronous `db.transaction((tx) => …)` callback receives. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
