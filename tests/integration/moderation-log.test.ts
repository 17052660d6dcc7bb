// The moderation log: rows chained by hash, append-only under the database's triggers, and any
// tampering that gets past the triggers found by verifyLogChain.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendLogEntry, readLogHead, writeLogRow, type LogEntryInput, type LogHead, type LogRowContent } from '@/lib/log/append-log-entry';
import { computeLogHash, GENESIS_HASH, hashedFieldsOf, type StoredLogRow } from '@/lib/log/hash-chain';
import { verifyLogChain } from '@/lib/ops/log-verify/verify-log-chain';
import { insertUser, logRows, userRows, type LogRow } from '@/tests/support/accounts';
import { createTempDb, type TempDb } from '@/tests/support/temp-db';

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const HEX64 = /^[0-9a-f]{64}$/;
/** Later than every row written here, so a copied row passes the time-order trigger and meets the one under test. */
const LATER = '2999-01-01T00:00:00.000Z';

let temp: TempDb;
let ownerId: number;
let readerId: number;

beforeEach(() => {
  temp = createTempDb();
  ownerId = insertUser(temp.db, { email: 'owner@example.com', role: 'owner' });
  readerId = insertUser(temp.db, { email: 'reader@example.com' });
});
afterEach(() => temp.cleanup());

const owner = () => ({ id: ownerId, name: 'owner@example.com', role: 'owner' as const });

function entries(): LogEntryInput[] {
  return [
    {
      actor: owner(),
      action: 'role_changed',
      target: { type: 'user', id: readerId },
      previousState: { role: 'reader' },
      newState: { role: 'moderator' },
      requestId: 'req-1',
    },
    {
      actor: owner(),
      action: 'user_banned',
      target: { type: 'user', id: readerId },
      publicNote: 'Spam links',
      internalNote: 'Third warning ignored',
      // Keys out of order: stored in canonical (sorted) form.
      previousState: { banned: false, since: null },
      newState: { since: '2024-05-01', banned: true },
      requestId: 'req-2',
    },
    {
      actor: { id: null, name: 'command line', role: 'system' },
      action: 'sessions_revoked',
      target: { type: 'user', id: readerId },
      previousState: { sessionVersion: 1 },
      newState: { sessionVersion: 2 },
    },
  ];
}

/** Appends each entry in its own immediate transaction, as the account actions do. */
function appendAll(list: LogEntryInput[]): { id: number; hash: string }[] {
  return list.map((entry) => temp.db.transaction((tx) => appendLogEntry(tx, entry), { behavior: 'immediate' }));
}

const run = (sql: string, ...params: unknown[]) => temp.db.$client.prepare(sql).run(...params);

describe('appendLogEntry', () => {
  it('writes rows 1, 2, 3, each chained to the one before from the genesis hash', () => {
    const returned = appendAll(entries());
    const rows = logRows(temp.db);
    expect(rows.map((row) => row.id)).toEqual([1, 2, 3]);
    expect(returned).toEqual(rows.map((row) => ({ id: row.id, hash: row.hash })));
    expect(GENESIS_HASH).toBe('0'.repeat(64));
    expect(rows[0]!.prev_hash).toBe(GENESIS_HASH);
    expect(rows[1]!.prev_hash).toBe(rows[0]!.hash);
    expect(rows[2]!.prev_hash).toBe(rows[1]!.hash);
    expect(new Set(rows.map((row) => row.hash)).size).toBe(3);
    for (const row of rows) {
      expect(row.hash).toMatch(HEX64);
      expect(row.created_at).toMatch(ISO_MS);
      // Each hash is sha256 over the previous hash and the row's own fields.
      expect(row.hash).toBe(computeLogHash(row.prev_hash, hashedFieldsOf(row as StoredLogRow)));
    }
  });

  it('stores every field of the entry, with states as canonical JSON', () => {
    appendAll(entries());
    const rows = logRows(temp.db);
    const strip = ({ created_at, prev_hash, hash, ...rest }: LogRow) => rest;
    expect(rows.map(strip)).toEqual([
      {
        id: 1,
        actor_id: ownerId,
        actor_name: 'owner@example.com',
        actor_role: 'owner',
        action: 'role_changed',
        target_type: 'user',
        target_id: readerId,
        article_id: null,
        reason_code: null,
        public_note: null,
        internal_note: null,
        previous_state: '{"role":"reader"}',
        new_state: '{"role":"moderator"}',
        request_id: 'req-1',
      },
      {
        id: 2,
        actor_id: ownerId,
        actor_name: 'owner@example.com',
        actor_role: 'owner',
        action: 'user_banned',
        target_type: 'user',
        target_id: readerId,
        article_id: null,
        reason_code: null,
        public_note: 'Spam links',
        internal_note: 'Third warning ignored',
        previous_state: '{"banned":false,"since":null}',
        new_state: '{"banned":true,"since":"2024-05-01"}',
        request_id: 'req-2',
      },
      {
        id: 3,
        actor_id: null,
        actor_name: 'command line',
        actor_role: 'system',
        action: 'sessions_revoked',
        target_type: 'user',
        target_id: readerId,
        article_id: null,
        reason_code: null,
        public_note: null,
        internal_note: null,
        previous_state: '{"sessionVersion":1}',
        new_state: '{"sessionVersion":2}',
        request_id: null,
      },
    ]);
  });

  it('throws on an invalid entry and rolls back the rest of the surrounding transaction', () => {
    appendAll(entries().slice(0, 1));
    const before = { users: userRows(temp.db), log: logRows(temp.db) };
    expect(() =>
      temp.db.transaction((tx) => {
        // The same connection, so these run inside the transaction.
        run("UPDATE users SET role = 'moderator' WHERE id = ?", readerId);
        run("INSERT INTO users (email, display_name, password_hash) VALUES ('new@example.com', 'New', 'x')");
        appendLogEntry(tx, { ...entries()[0]!, action: 'made_up_action' as never });
      }, { behavior: 'immediate' }),
    ).toThrow(/action/);
    expect({ users: userRows(temp.db), log: logRows(temp.db) }).toEqual(before);
  });

  it.each([
    ['an actor without a name', { actor: { id: 1, name: '', role: 'owner' } }],
    ['an unknown actor role', { actor: { id: 1, name: 'x', role: 'admin' } }],
    ['an unknown target type', { target: { type: 'thread', id: 1 } }],
    ['a target id of 0', { target: { type: 'user', id: 0 } }],
    ['an internal note over 2000 characters', { internalNote: 'n'.repeat(2001) }],
    ['a request id over 100 characters', { requestId: 'r'.repeat(101) }],
  ])('refuses %s and writes nothing', (_label, change) => {
    expect(() =>
      temp.db.transaction((tx) => appendLogEntry(tx, { ...entries()[0]!, ...change } as LogEntryInput), { behavior: 'immediate' }),
    ).toThrow();
    expect(logRows(temp.db)).toEqual([]);
  });

  it('refuses a system row that names a user as its actor (database check)', () => {
    expect(() =>
      temp.db.transaction((tx) => appendLogEntry(tx, { ...entries()[0]!, actor: { id: ownerId, name: 'cli', role: 'system' } }), {
        behavior: 'immediate',
      }),
    ).toThrow(/CHECK constraint failed/);
    expect(logRows(temp.db)).toEqual([]);
  });
});

describe('writeLogRow, the one insert', () => {
  const content = (note: string): LogRowContent => ({
    actor_id: null, actor_name: 'command line', actor_role: 'system', action: 'role_changed', target_type: 'user', target_id: readerId,
    article_id: null, reason_code: null, public_note: null, internal_note: note, previous_state: null, new_state: '{"role":"moderator"}', request_id: null,
  });
  const write = (head: LogHead | undefined, note: string, at: string) => temp.db.transaction((tx) => writeLogRow(tx, head, content(note), at), { behavior: 'immediate' });

  it('chains each row onto the head it is given and returns the new head, as stored', () => {
    const first = write(undefined, 'first', '2025-01-01T00:00:00.000Z');
    const second = write(first, 'second', '2025-01-01T00:00:01.000Z');
    const rows = logRows(temp.db);
    expect(rows.map(({ id, created_at, prev_hash, hash, internal_note }) => ({ id, created_at, prev_hash, hash, internal_note }))).toEqual([
      { id: 1, created_at: '2025-01-01T00:00:00.000Z', prev_hash: GENESIS_HASH, hash: first.hash, internal_note: 'first' },
      { id: 2, created_at: '2025-01-01T00:00:01.000Z', prev_hash: first.hash, hash: second.hash, internal_note: 'second' },
    ]);
    expect(second).toEqual({ id: 2, hash: computeLogHash(first.hash, hashedFieldsOf(rows[1] as StoredLogRow)), createdAt: '2025-01-01T00:00:01.000Z' });
    expect(temp.db.transaction((tx) => readLogHead(tx))).toEqual(second);
    expect(verifyLogChain(temp.db)).toEqual({ ok: true, rows: 2, head: second.hash });
  });

  it('stamps a row the head’s time when its own is earlier: a clock that stepped back never reorders the log', () => {
    const first = write(undefined, 'first', '2025-01-01T00:00:05.000Z');
    const second = write(first, 'second', '2025-01-01T00:00:00.000Z');
    expect(second.createdAt).toBe('2025-01-01T00:00:05.000Z');
    expect(logRows(temp.db).map((row) => row.created_at)).toEqual(['2025-01-01T00:00:05.000Z', '2025-01-01T00:00:05.000Z']);
    expect(verifyLogChain(temp.db)).toEqual({ ok: true, rows: 2, head: second.hash });
  });
});

describe('verifyLogChain', () => {
  it('is ok with no rows, the genesis hash as head', () => {
    expect(verifyLogChain(temp.db)).toEqual({ ok: true, rows: 0, head: GENESIS_HASH });
  });

  it('is ok with the row count and the last hash as head', () => {
    const appended = appendAll(entries());
    expect(verifyLogChain(temp.db)).toEqual({ ok: true, rows: 3, head: appended[2]!.hash });
  });
});

describe('the database keeps the log append-only', () => {
  beforeEach(() => {
    appendAll(entries());
  });

  it('refuses an UPDATE', () => {
    const before = logRows(temp.db);
    expect(() => run("UPDATE moderation_log SET internal_note = 'rewritten' WHERE id = 2")).toThrow(
      'moderation_log is append-only: rows cannot be changed',
    );
    expect(() => run("UPDATE moderation_log SET public_note = 'x'")).toThrow('rows cannot be changed');
    expect(logRows(temp.db)).toEqual(before);
  });

  it('refuses a DELETE', () => {
    const before = logRows(temp.db);
    expect(() => run('DELETE FROM moderation_log WHERE id = 3')).toThrow('moderation_log is append-only: rows cannot be removed');
    expect(() => run('DELETE FROM moderation_log')).toThrow('rows cannot be removed');
    expect(logRows(temp.db)).toEqual(before);
  });

  it('refuses INSERT OR REPLACE over an existing id', () => {
    const before = logRows(temp.db);
    const row = { ...before[1]!, internal_note: 'rewritten', created_at: LATER };
    // The chain trigger fires first: the id is not the next one.
    expect(() => insertRow(row, 'INSERT OR REPLACE')).toThrow('moderation_log: a row must extend the chain');
    expect(logRows(temp.db)).toEqual(before);
  });

  it('refuses INSERT OR REPLACE of a row that extends the chain but collides with an old hash', () => {
    // Passes the chain trigger (next id, right prev_hash); only the DELETE trigger, fired by REPLACE
    // under recursive_triggers, stops it from removing row 1.
    const before = logRows(temp.db);
    const row = { ...before[0]!, id: 4, prev_hash: before[2]!.hash, created_at: LATER };
    expect(() => insertRow(row, 'INSERT OR REPLACE')).toThrow('moderation_log is append-only: rows cannot be removed');
    expect(logRows(temp.db)).toEqual(before);
  });

  it('refuses an upsert on the id', () => {
    const before = logRows(temp.db);
    const row = { ...before[1]!, internal_note: 'rewritten', created_at: LATER };
    expect(() => insertRow(row, 'INSERT', 'ON CONFLICT(id) DO UPDATE SET internal_note = excluded.internal_note')).toThrow(
      'moderation_log: a row must extend the chain',
    );
    expect(logRows(temp.db)).toEqual(before);
  });

  it('refuses an upsert on the hash of a row that otherwise extends the chain', () => {
    const before = logRows(temp.db);
    const row = { ...before[0]!, id: 4, prev_hash: before[2]!.hash, created_at: LATER };
    expect(() => insertRow(row, 'INSERT', "ON CONFLICT(hash) DO UPDATE SET internal_note = 'rewritten'")).toThrow(
      'moderation_log is append-only: rows cannot be changed',
    );
    expect(logRows(temp.db)).toEqual(before);
  });

  it('without its DELETE trigger the hash-colliding REPLACE would have removed a row', () => {
    // Shows that the refusal above comes from the trigger, not from some other constraint.
    run('DROP TRIGGER moderation_log_no_delete');
    const before = logRows(temp.db);
    insertRow({ ...before[0]!, id: 4, prev_hash: before[2]!.hash, created_at: LATER }, 'INSERT OR REPLACE');
    expect(logRows(temp.db).map((row) => row.id)).toEqual([2, 3, 4]);
  });

  it.each([
    ['an id that skips one', (rows: LogRow[]) => ({ id: 5, prev_hash: rows[2]!.hash })],
    ['an id already used', (rows: LogRow[]) => ({ id: 3, prev_hash: rows[2]!.hash })],
    ['the genesis hash as prev_hash', () => ({ id: 4, prev_hash: GENESIS_HASH })],
    ['an older row hash as prev_hash', (rows: LogRow[]) => ({ id: 4, prev_hash: rows[1]!.hash })],
  ])('refuses a hand-inserted row with %s', (_label, change) => {
    const before = logRows(temp.db);
    const row = { ...before[2]!, hash: 'f'.repeat(64), ...change(before) };
    expect(() => insertRow(row, 'INSERT')).toThrow('moderation_log: a row must extend the chain (next id, previous hash)');
    expect(logRows(temp.db)).toEqual(before);
  });

  it('accepts a hand-inserted row that extends the chain with a made-up hash, which verifyLogChain then flags', () => {
    const before = logRows(temp.db);
    insertRow({ ...before[2]!, id: 4, prev_hash: before[2]!.hash, hash: 'f'.repeat(64) }, 'INSERT');
    expect(verifyLogChain(temp.db)).toEqual({
      ok: false,
      rows: 3,
      brokenId: 4,
      reason: 'the row was altered: its hash does not recompute',
    });
  });

  it('refuses a first row whose prev_hash is not the genesis hash', () => {
    const empty = createTempDb();
    try {
      const actor = insertUser(empty.db, { email: 'owner@example.com', role: 'owner' });
      const row = { ...logRows(temp.db)[0]!, actor_id: actor, target_id: actor, prev_hash: 'a'.repeat(64) };
      expect(() => insertRow(row, 'INSERT', '', empty)).toThrow('a row must extend the chain');
      expect(logRows(empty.db)).toEqual([]);
    } finally {
      empty.cleanup();
    }
  });
});

describe('tampering found by verifyLogChain', () => {
  beforeEach(() => {
    appendAll(entries());
  });

  it('an edited row breaks the chain at that row', () => {
    run('DROP TRIGGER moderation_log_no_update');
    run("UPDATE moderation_log SET internal_note = 'nothing to see' WHERE id = 2");
    expect(logRows(temp.db)[1]!.internal_note).toBe('nothing to see');
    expect(verifyLogChain(temp.db)).toEqual({
      ok: false,
      rows: 1,
      brokenId: 2,
      reason: 'the row was altered: its hash does not recompute',
    });
  });

  it('an edit that also recomputes the row hash breaks the link to the next row', () => {
    run('DROP TRIGGER moderation_log_no_update');
    const row = logRows(temp.db)[1]!;
    const forged = { ...row, actor_name: 'someone@example.com' };
    const hash = computeLogHash(forged.prev_hash, hashedFieldsOf(forged as StoredLogRow));
    run('UPDATE moderation_log SET actor_name = ?, hash = ? WHERE id = 2', forged.actor_name, hash);
    expect(verifyLogChain(temp.db)).toEqual({
      ok: false,
      rows: 2,
      brokenId: 3,
      reason: 'prev_hash does not match the previous row',
    });
  });

  it('a removed middle row shows as missing rows', () => {
    run('DROP TRIGGER moderation_log_no_delete');
    run('DELETE FROM moderation_log WHERE id = 2');
    expect(logRows(temp.db).map((row) => row.id)).toEqual([1, 3]);
    expect(verifyLogChain(temp.db)).toEqual({
      ok: false,
      rows: 1,
      brokenId: 3,
      reason: 'expected row 2 next, found 3: rows are missing',
    });
  });

  it('a removed first row shows as missing rows', () => {
    run('DROP TRIGGER moderation_log_no_delete');
    run('DELETE FROM moderation_log WHERE id = 1');
    expect(verifyLogChain(temp.db)).toMatchObject({ ok: false, rows: 0, brokenId: 2, reason: 'expected row 1 next, found 2: rows are missing' });
  });
});

describe('users named in the log', () => {
  beforeEach(() => {
    appendAll(entries().slice(0, 1));
  });

  it('cannot be deleted when they acted', () => {
    expect(() => run('DELETE FROM users WHERE id = ?', ownerId)).toThrow('FOREIGN KEY constraint failed');
    expect(userRows(temp.db).map((row) => row.id)).toEqual([ownerId, readerId]);
  });

  it('cannot be deleted when they were acted on', () => {
    expect(() => run('DELETE FROM users WHERE id = ?', readerId)).toThrow(
      'users: a user named in the moderation log cannot be deleted',
    );
    expect(userRows(temp.db).map((row) => row.id)).toEqual([ownerId, readerId]);
  });

  it('while a user the log does not name can be deleted', () => {
    const other = insertUser(temp.db, { email: 'other@example.com' });
    expect(run('DELETE FROM users WHERE id = ?', other).changes).toBe(1);
    expect(userRows(temp.db).map((row) => row.id)).toEqual([ownerId, readerId]);
  });
});

/** Inserts a full row by hand, bypassing lib/log. */
function insertRow(row: LogRow, verb: 'INSERT' | 'INSERT OR REPLACE', tail = '', target: TempDb = temp) {
  const columns = Object.keys(row) as (keyof LogRow)[];
  return target.db.$client
    .prepare(`${verb} INTO moderation_log (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')}) ${tail}`)
    .run(row);
}
