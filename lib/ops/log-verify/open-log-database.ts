// Opens a database to verify without changing it: read-only, never created, never migrated.
import 'server-only';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Db } from '@/db/client';
import * as schema from '@/db/schema';
import { VerifyInputError } from './broken-export';

/** As long as the application's connections wait for a lock (db/client.ts). */
const BUSY_TIMEOUT_MS = 5000;

/** Throws VerifyInputError, in words, for a missing file, a file that is not SQLite, or one without a moderation log. */
export function openLogDatabase(file: string): Db {
  if (!fs.existsSync(file)) throw new VerifyInputError(`there is no database file ${file}`);
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new VerifyInputError(`cannot open the database ${file}: ${(error as Error).message}`);
  }
  try {
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    const table = sqlite.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'moderation_log'").get();
    if (!table) throw new VerifyInputError(`${file} has no moderation log (no moderation_log table)`);
  } catch (error) {
    sqlite.close();
    if (error instanceof VerifyInputError) throw error;
    throw new VerifyInputError(`cannot read the database ${file}: ${(error as Error).message}`);
  }
  return drizzle(sqlite, { schema });
}
