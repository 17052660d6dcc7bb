// openDatabase: the pragmas every connection must run with, and the folder it creates.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '@/db/client';

let dir: string;
let db: Db | undefined;

afterEach(() => {
  db?.$client.close();
  db = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('openDatabase', () => {
  it('returns a connection on which every required pragma holds', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'threadkeeper-client-'));
    db = openDatabase(path.join(dir, 'app.db'));
    const pragma = (name: string) => db!.$client.pragma(name, { simple: true });
    expect(pragma('busy_timeout')).toBe(5000);
    expect(pragma('journal_mode')).toBe('wal');
    expect(pragma('synchronous')).toBe(2);
    expect(pragma('foreign_keys')).toBe(1);
    expect(pragma('recursive_triggers')).toBe(1);
  });

  it('creates missing nested folders for the database file', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'threadkeeper-client-'));
    const file = path.join(dir, 'data', 'nested', 'deeper', 'app.db');
    expect(fs.existsSync(path.dirname(file))).toBe(false);
    db = openDatabase(file);
    db.$client.exec('CREATE TABLE probe (x INTEGER)');
    expect(fs.statSync(file).isFile()).toBe(true);
    // Reopening the file finds what the first connection wrote there.
    db.$client.close();
    db = openDatabase(file);
    expect(db.$client.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'probe'").get()).toEqual({ n: 1 });
  });

  it('refuses to hand out a connection on which a required pragma does not hold', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'threadkeeper-client-'));
    // An in-memory database cannot use WAL: its journal mode stays "memory".
    expect(() => openDatabase(':memory:')).toThrow('SQLite pragma journal_mode is memory, expected wal');
  });
});
