// The e2e database as bytes, read through a connection of its own, to prove that a refused request changed nothing at all.
import Database from 'better-sqlite3';
import { expect } from '@playwright/test';
import { E2E_DATABASE_PATH } from '@/playwright.config';

let reader: Database.Database | undefined;

/**
 * The whole database as SQLite would write it to a file, committed WAL content included
 * (serialize reads every page through the pager, which reads the WAL before the main file).
 * A connection of its own, for reading only: the server and the setup connection never share it.
 */
export function databaseImage(): Buffer {
  if (!reader) {
    reader = new Database(E2E_DATABASE_PATH, { fileMustExist: true });
    reader.pragma('query_only = ON');
  }
  return reader.serialize();
}

/** Byte for byte the database `before` was; when not, the tables that differ, to say what was written. */
export function expectDatabaseUnchanged(before: Buffer, label: string): void {
  const after = databaseImage();
  if (before.equals(after)) return;
  expect.soft(changedTables(before, after), `${label}: the database changed`).toEqual([]);
}

/** A copy marked as a rollback-journal database (header bytes 18-19): an image in memory has no WAL to open. */
function asRollbackJournal(image: Buffer): Buffer {
  const copy = Buffer.from(image);
  copy[18] = 1;
  copy[19] = 1;
  return copy;
}

/** The tables whose rows differ between two images (sqlite_sequence included), in rowid order. */
function changedTables(before: Buffer, after: Buffer): string[] {
  const [old, now] = [new Database(asRollbackJournal(before)), new Database(asRollbackJournal(after))];
  try {
    const names = now.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name").pluck().all() as string[];
    const dump = (db: Database.Database, table: string) => {
      try {
        return JSON.stringify(db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).raw().all());
      } catch {
        return JSON.stringify(db.prepare(`SELECT * FROM "${table}"`).raw().all());
      }
    };
    const changed = names.filter((name) => dump(old, name) !== dump(now, name));
    // Same rows, different bytes: a page rewritten with the same content (the tables say nothing changed).
    return changed.length > 0 ? changed : ['(no table differs: only the pages’ bytes)'];
  } finally {
    old.close();
    now.close();
  }
}
