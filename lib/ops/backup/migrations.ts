// Which schema a database file is at, against the migrations this copy of the app ships.
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { MIGRATIONS_FOLDER } from '@/db/migrate';

/** drizzle-kit's list of migrations; db/migrate.ts records each applied one under its `when`. */
type Journal = { entries: { when: number; tag: string }[] };

function journal(): Journal {
  return JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as Journal;
}

/** The newest migration this app ships. */
export function appSchemaVersion(): number {
  return Math.max(0, ...journal().entries.map((entry) => entry.when));
}

/** The newest migration applied to the file, 0 when none was. */
export function fileSchemaVersion(sqlite: Database.Database): number {
  const newest = sqlite.prepare('SELECT max(created_at) FROM "__drizzle_migrations"').pluck().get();
  return newest === null || newest === undefined ? 0 : Number(newest);
}

/** "0008_reports_resolved", or the bare timestamp of a migration this app does not know. */
export function migrationName(version: number): string {
  if (version === 0) return 'no migration';
  return journal().entries.find((entry) => entry.when === version)?.tag ?? `an unknown migration of ${new Date(version).toISOString()}`;
}
