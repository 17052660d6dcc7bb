// A migrated SQLite file in a fresh temporary folder, removed after the test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';

export type TempDb = { db: Db; file: string; cleanup: () => void };

export function createTempDb(): TempDb {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'threadkeeper-test-'));
  const file = path.join(dir, 'test.db');
  const db = openDatabase(file);
  migrateDatabase(db);
  return {
    db,
    file,
    cleanup: () => {
      db.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
