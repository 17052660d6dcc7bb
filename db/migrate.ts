// Applies the committed drizzle-kit migrations; safe to run twice or from two processes at once.
import 'server-only';
import path from 'node:path';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { Db } from './client';

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations');

/**
 * Drizzle's own migrator opens a deferred transaction, so two processes starting together can both
 * read "nothing applied" and then collide. Here the check and the apply share one IMMEDIATE
 * transaction: the second process waits for the first and then finds nothing left to do.
 * The bookkeeping table is drizzle's own, so drizzle-kit tooling keeps understanding it.
 */
export function migrateDatabase(db: Db, migrationsFolder: string = MIGRATIONS_FOLDER): number {
  const migrations = readMigrationFiles({ migrationsFolder });
  const sqlite = db.$client;
  const apply = sqlite.transaction(() => {
    sqlite.exec(`CREATE TABLE IF NOT EXISTS "__drizzle_migrations" (
      id INTEGER PRIMARY KEY AUTOINCREMENT, hash text NOT NULL, created_at numeric)`);
    const last = sqlite
      .prepare('SELECT created_at AS createdAt FROM "__drizzle_migrations" ORDER BY created_at DESC LIMIT 1')
      .get() as { createdAt: number } | undefined;
    const pending = migrations.filter((m) => !last || Number(last.createdAt) < m.folderMillis);
    const record = sqlite.prepare('INSERT INTO "__drizzle_migrations" (hash, created_at) VALUES (?, ?)');
    for (const migration of pending) {
      for (const statement of migration.sql) {
        if (statement.trim()) sqlite.exec(statement);
      }
      record.run(migration.hash, migration.folderMillis);
    }
    return pending.length;
  });
  return apply.immediate();
}
