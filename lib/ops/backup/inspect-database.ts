// Checks a database file before it is trusted as a backup or restored: SQLite's own integrity
// check, foreign keys, the schema version and the moderation log's hash chain; then counts its rows.
import 'server-only';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import * as schema from '@/db/schema';
import type { Db } from '@/db/client';
import { verifyLogChain } from '@/lib/ops/log-verify/verify-log-chain';
import { BadDatabase } from './bad-database';
import { appSchemaVersion, fileSchemaVersion, migrationName } from './migrations';

export type DatabaseCounts = { articles: number; comments: number; users: number; reports: number; logRows: number; head: string };

/** What a good file shows; a bad one throws BadDatabase listing every problem found. */
export type Inspection = { counts: DatabaseCounts; schemaVersion: number };

/**
 * 'same': a fresh backup must be at exactly the app's schema. 'not-newer': a restored file may be
 * older (the server migrates it on start) but never newer than the migrations this app knows.
 */
export type SchemaRule = 'same' | 'not-newer';

const THREADKEEPER_TABLES = ['articles', 'comments', 'users', 'reports', 'moderation_log', '__drizzle_migrations'] as const;

/** Opens `file` read-only; it must already be a single file (see single-file.ts). Messages name it `label`. */
export function inspectDatabase(file: string, rule: SchemaRule, label: string = file): Inspection {
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new BadDatabase(`Cannot open ${label}: ${(error as Error).message}`);
  }
  try {
    return inspectOpen(sqlite, label, rule);
  } catch (error) {
    if (error instanceof BadDatabase) throw error;
    throw new BadDatabase(`Cannot read ${label}: ${(error as Error).message}`);
  } finally {
    sqlite.close();
  }
}

function inspectOpen(sqlite: Database.Database, label: string, rule: SchemaRule): Inspection {
  const present = new Set(sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[]);
  const missing = THREADKEEPER_TABLES.filter((table) => !present.has(table));
  if (missing.length > 0) throw new BadDatabase(`${label} is not a Threadkeeper database: it has no ${missing.join(', ')} table.`);

  const problems: string[] = [];
  const integrity = sqlite.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
  if (integrity.length !== 1 || integrity[0]!.integrity_check !== 'ok') {
    problems.push(`integrity_check found ${integrity.length} problem(s), first: ${integrity[0]?.integrity_check}`);
  }
  const orphans = sqlite.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
  if (orphans.length > 0) {
    const first = orphans[0]!;
    problems.push(`foreign_key_check found ${orphans.length} row(s) pointing at rows that do not exist, first: ${first.table} row ${first.rowid} → ${first.parent}`);
  }
  const schemaVersion = fileSchemaVersion(sqlite);
  const appVersion = appSchemaVersion();
  if (schemaVersion > appVersion) {
    problems.push(`its schema (${migrationName(schemaVersion)}) is newer than this app's (${migrationName(appVersion)}): use the Threadkeeper version that wrote it`);
  } else if (rule === 'same' && schemaVersion !== appVersion) {
    problems.push(`its schema (${migrationName(schemaVersion)}) is not this app's latest (${migrationName(appVersion)})`);
  }
  const chain = verifyLogChain(drizzle(sqlite, { schema }) as Db);
  if (!chain.ok) problems.push(`the moderation log's hash chain breaks at row ${chain.brokenId}: ${chain.reason}`);
  if (problems.length > 0) throw new BadDatabase(`${label} did not verify:\n  - ${problems.join('\n  - ')}`);

  const count = (table: string) => Number(sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get());
  return {
    schemaVersion,
    counts: {
      articles: count('articles'),
      comments: count('comments'),
      users: count('users'),
      reports: count('reports'),
      logRows: chain.ok ? chain.rows : 0,
      head: chain.ok ? chain.head : '',
    },
  };
}
