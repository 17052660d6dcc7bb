// better-sqlite3 transactions are synchronous: an async callback commits before its awaits run.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCANNED_FOLDERS = ['app', 'lib', 'db', 'scripts'];
const ASYNC_TRANSACTION = /transaction\(\s*async/;

function sourceFiles(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe('transactions', () => {
  it('the pattern catches an async transaction callback, even across a line break', () => {
    expect(ASYNC_TRANSACTION.test('db.transaction(async (tx) => {')).toBe(true);
    expect(ASYNC_TRANSACTION.test('sqlite.transaction(\n    async () => {')).toBe(true);
    expect(ASYNC_TRANSACTION.test('sqlite.transaction(() => {')).toBe(false);
  });

  it('no source file in app/, lib/, db/ or scripts/ passes an async callback to transaction()', () => {
    const files = SCANNED_FOLDERS.flatMap((folder) => sourceFiles(path.join(ROOT, folder)));
    expect(files.some((file) => file.endsWith(path.join('db', 'migrate.ts')))).toBe(true);
    const offenders = files.filter((file) => ASYNC_TRANSACTION.test(fs.readFileSync(file, 'utf8'))).map((file) => path.relative(ROOT, file));
    expect(offenders).toEqual([]);
  });
});
