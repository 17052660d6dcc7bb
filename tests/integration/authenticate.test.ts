// Sign-in: email and password checks behind the rate limiter, whose failures live in sign_in_failures.
// Every attempt that is not refused costs one scrypt check, so bursts of failures run in parallel.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '@/db/client';
import { authenticate, WRONG_CREDENTIALS } from '@/lib/auth/authenticate';
import { hashPassword } from '@/lib/auth/password';
import { SIGN_IN_MAX_FAILURES, SIGN_IN_WINDOW_MS } from '@/lib/auth/sign-in-limiter';
import { insertUser } from '@/tests/support/accounts';
import { createTempDb, type TempDb } from '@/tests/support/temp-db';

const PASSWORD = 'reader password';
const EMAIL = 'reader@example.com';
const ADDRESS = '203.0.113.5';
const T0 = Date.UTC(2025, 0, 15, 9, 0, 0);
const MINUTE = 60_000;

/**
 * A hash whose check throws (N = 2^60 is beyond any memory limit): an attempt against it rejects
 * if and only if the password is actually checked.
 */
const UNCHECKABLE_HASH = 'scrypt$ln=60,r=8,p=3$c2FsdHNhbHRzYWx0c2FsdA==$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U=';

let passwordHash: string;
let temp: TempDb;
let readerId: number;

beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});

beforeEach(() => {
  temp = createTempDb();
  readerId = insertUser(temp.db, { email: EMAIL, passwordHash, sessionVersion: 3 });
  insertUser(temp.db, { email: 'other@example.com', passwordHash });
});
afterEach(() => temp.cleanup());

type Failure = { email: string; client_address: string; failed_at: number };
const failures = (db: Db = temp.db) =>
  db.$client.prepare('SELECT email, client_address, failed_at FROM sign_in_failures ORDER BY failed_at, id').all() as Failure[];

const attempt = (email: string, password: string, clientAddress: string, now: number, db: Db = temp.db) =>
  authenticate(db, { email, password, clientAddress }, now);

/** `count` wrong-password attempts at T0, T0 + 1 s, …, run in parallel. */
function failMany(count: number, make: (i: number) => { email: string; address: string }, start = T0) {
  return Promise.all(
    Array.from({ length: count }, (_, i) => {
      const { email, address } = make(i);
      return attempt(email, 'wrong password', address, start + i * 1000);
    }),
  );
}

const limited = (minutes: number) => ({
  ok: false,
  code: 'RATE_LIMITED',
  message: `Too many attempts; try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`,
});
const wrong = { ok: false, code: 'UNAUTHENTICATED', message: WRONG_CREDENTIALS };

describe('authenticate', () => {
  it('accepts the right password, with the user id and session version, and records no failure', async () => {
    expect(await attempt(EMAIL, PASSWORD, ADDRESS, T0)).toEqual({ ok: true, userId: readerId, sessionVersion: 3 });
    expect(failures()).toEqual([]);
  });

  it('looks the email up in normal form', async () => {
    expect(await attempt(' Reader@Example.COM ', PASSWORD, ADDRESS, T0)).toEqual({ ok: true, userId: readerId, sessionVersion: 3 });
  });

  it('gives the same answer for a wrong password and an unknown email, and records both failures', async () => {
    const [wrongPassword, unknownEmail] = await Promise.all([
      attempt(EMAIL, 'not the password', ADDRESS, T0),
      attempt(' Nobody@Example.com', PASSWORD, '198.51.100.9', T0 + 1),
    ]);
    expect(WRONG_CREDENTIALS).toBe('Wrong email or password.');
    expect(wrongPassword).toEqual(wrong);
    expect(unknownEmail).toEqual(wrong);
    expect(failures()).toEqual([
      { email: EMAIL, client_address: ADDRESS, failed_at: T0 },
      { email: 'nobody@example.com', client_address: '198.51.100.9', failed_at: T0 + 1 },
    ]);
  });
});

describe('the sign-in rate limiter', () => {
  it('after 10 failures for one account from 10 addresses refuses even the right password', async () => {
    expect(SIGN_IN_MAX_FAILURES).toBe(10);
    expect(SIGN_IN_WINDOW_MS).toBe(10 * MINUTE);
    const results = await failMany(10, (i) => ({ email: EMAIL, address: `198.51.100.${i + 1}` }));
    expect(results).toEqual(Array.from({ length: 10 }, () => wrong));
    expect(failures()).toHaveLength(10);
    // Unblocks when the oldest of the 10 (at T0) leaves the window: T0 + 10 min.
    const now = T0 + 9_000 + 1;
    expect(await attempt(EMAIL, PASSWORD, '192.0.2.77', now)).toEqual(limited(10));
    // Also when typed differently.
    expect(await attempt('READER@example.com ', PASSWORD, '192.0.2.78', now)).toEqual(limited(10));
    // A refused attempt is not itself recorded.
    expect(failures()).toHaveLength(10);
  });

  it('counts the minutes left, rounding up, with "1 minute" singular', async () => {
    await failMany(10, () => ({ email: EMAIL, address: ADDRESS }));
    const unblocks = T0 + 10 * MINUTE;
    expect(await attempt(EMAIL, PASSWORD, ADDRESS, unblocks - 9 * MINUTE - 1)).toEqual(limited(10));
    expect(await attempt(EMAIL, PASSWORD, ADDRESS, unblocks - 9 * MINUTE)).toEqual(limited(9));
    expect(await attempt(EMAIL, PASSWORD, ADDRESS, unblocks - 2 * MINUTE - 1)).toEqual(limited(3));
    expect(await attempt(EMAIL, PASSWORD, ADDRESS, unblocks - 2 * MINUTE)).toEqual(limited(2));
    expect(await attempt(EMAIL, PASSWORD, ADDRESS, unblocks - MINUTE - 1)).toEqual(limited(2));
    expect(await attempt(EMAIL, PASSWORD, ADDRESS, unblocks - MINUTE)).toEqual(limited(1));
    expect(await attempt(EMAIL, PASSWORD, ADDRESS, unblocks - 1)).toEqual(limited(1));
    expect(failures()).toHaveLength(10);
  });

  it('refuses before any password is checked', async () => {
    await failMany(10, () => ({ email: EMAIL, address: ADDRESS }));
    temp.db.$client.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(UNCHECKABLE_HASH, readerId);
    // Blocked: answered without touching the hash.
    expect(await attempt(EMAIL, PASSWORD, ADDRESS, T0 + 5 * MINUTE)).toEqual(limited(5));
    // Not blocked (the window has passed): the hash is checked, and that check throws.
    await expect(attempt(EMAIL, PASSWORD, ADDRESS, T0 + 20 * MINUTE)).rejects.toThrow();
  });

  it('after 10 failures from one address against 10 emails blocks that address for every account', async () => {
    await failMany(10, (i) => ({ email: `guess-${i}@example.com`, address: ADDRESS }));
    expect(failures().map((row) => row.client_address)).toEqual(Array.from({ length: 10 }, () => ADDRESS));
    expect(await attempt(EMAIL, PASSWORD, ADDRESS, T0 + 10_000)).toEqual(limited(10));
    expect(await attempt('other@example.com', PASSWORD, ADDRESS, T0 + 10_000)).toEqual(limited(10));
    // Another address signing in to an account with no failures is not affected.
    expect(await attempt(EMAIL, PASSWORD, '192.0.2.1', T0 + 10_000)).toEqual({ ok: true, userId: readerId, sessionVersion: 3 });
  });

  it('counts an IPv6 client by its /64: 10 failures from 10 addresses of one /64 block the whole /64, not the next one', async () => {
    const sameNetwork = [
      '2001:db8:1:2::1', '2001:DB8:1:2::2', '2001:0db8:0001:0002:0000:0000:0000:0003', '2001:db8:1:2:ffff::4', '2001:db8:1:2::5%eth0',
      '2001:db8:1:2:0:0:0:6', '2001:db8:1:2::7:7', '2001:db8:1:2:8::', '2001:db8:1:2::192.0.2.9', '2001:db8:1:2:a:b:c:10',
    ];
    await failMany(10, (i) => ({ email: `guess-${i}@example.com`, address: sameNetwork[i]! }));
    expect(new Set(failures().map((row) => row.client_address))).toEqual(new Set(['2001:db8:1:2::/64']));
    expect(await attempt(EMAIL, PASSWORD, '2001:db8:1:2:dead:beef:0:99', T0 + 10_000)).toEqual(limited(10));
    expect(await attempt('other@example.com', PASSWORD, '2001:db8:1:2::', T0 + 10_000)).toEqual(limited(10));
    expect(await attempt(EMAIL, PASSWORD, '2001:db8:1:3::1', T0 + 10_000)).toEqual({ ok: true, userId: readerId, sessionVersion: 3 });
    expect(failures()).toHaveLength(10);
  });

  it('counts an IPv4-mapped IPv6 address as its IPv4 address', async () => {
    await failMany(10, (i) => ({ email: `guess-${i}@example.com`, address: i % 2 === 0 ? ADDRESS : `::ffff:${ADDRESS}` }));
    expect(new Set(failures().map((row) => row.client_address))).toEqual(new Set([ADDRESS]));
    expect(await attempt(EMAIL, PASSWORD, '::FFFF:cb00:7105', T0 + 10_000)).toEqual(limited(10));
  });

  it('a blocked account does not block a different account from a different address', async () => {
    await failMany(10, (i) => ({ email: EMAIL, address: `198.51.100.${i + 1}` }));
    expect(await attempt('other@example.com', PASSWORD, '192.0.2.1', T0 + 10_000)).toMatchObject({ ok: true });
    // Nor a different account from one of the addresses that failed once.
    expect(await attempt('other@example.com', PASSWORD, '198.51.100.1', T0 + 10_000)).toMatchObject({ ok: true });
  });

  it('9 failures still leave the 10th attempt open', async () => {
    await failMany(9, () => ({ email: EMAIL, address: ADDRESS }));
    expect(await attempt(EMAIL, 'wrong password', ADDRESS, T0 + 9_000)).toEqual(wrong);
    expect(await attempt(EMAIL, PASSWORD, ADDRESS, T0 + 10_000)).toEqual(limited(10));
  });

  it('opens again once the 10th most recent failure leaves the 10-minute window', async () => {
    await failMany(10, () => ({ email: EMAIL, address: ADDRESS }));
    // The oldest failure is at T0, so the block lasts until T0 + 10 min.
    expect(await attempt(EMAIL, PASSWORD, ADDRESS, T0 + 10 * MINUTE - 1)).toEqual(limited(1));
    expect(await attempt(EMAIL, 'wrong password', ADDRESS, T0 + 10 * MINUTE + 1)).toEqual(wrong);
    // That failure makes 10 in the window again (T0 + 1 s … T0 + 9 s and this one): blocked until T0 + 1 s + 10 min.
    expect(await attempt(EMAIL, PASSWORD, ADDRESS, T0 + 10 * MINUTE + 2)).toEqual(limited(1));
    expect(await attempt(EMAIL, PASSWORD, ADDRESS, T0 + 10 * MINUTE + 1_000 + 1)).toEqual({ ok: true, userId: readerId, sessionVersion: 3 });
  });

  it('forgets failures older than the window', async () => {
    await failMany(10, () => ({ email: EMAIL, address: ADDRESS }));
    expect(await attempt(EMAIL, 'wrong password', '192.0.2.9', T0 + 30 * MINUTE)).toEqual(wrong);
    expect(failures()).toEqual([{ email: EMAIL, client_address: '192.0.2.9', failed_at: T0 + 30 * MINUTE }]);
  });

  it("a success clears the account's earlier failures", async () => {
    await failMany(9, (i) => ({ email: EMAIL, address: `198.51.100.${i + 1}` }));
    await failMany(3, () => ({ email: 'other@example.com', address: '192.0.2.200' }), T0 + 20_000);
    expect(await attempt(EMAIL, PASSWORD, ADDRESS, T0 + 30_000)).toMatchObject({ ok: true });
    // Only the other account's failures remain.
    expect(failures().map((row) => row.email)).toEqual(['other@example.com', 'other@example.com', 'other@example.com']);
    const again = await failMany(9, () => ({ email: EMAIL, address: ADDRESS }), T0 + 40_000);
    expect(again).toEqual(Array.from({ length: 9 }, () => wrong));
    // 9 failures since the success: the next attempt is still checked.
    expect(await attempt(EMAIL, PASSWORD, ADDRESS, T0 + 60_000)).toMatchObject({ ok: true });
  });

  it('keeps its state in the database, so a new connection (a restart) still refuses', async () => {
    await failMany(10, () => ({ email: EMAIL, address: ADDRESS }));
    const restarted = openDatabase(temp.file);
    try {
      expect(failures(restarted)).toHaveLength(10);
      expect(await attempt(EMAIL, PASSWORD, '192.0.2.50', T0 + 3 * MINUTE, restarted)).toEqual(limited(7));
      expect(await attempt('other@example.com', PASSWORD, ADDRESS, T0 + 3 * MINUTE, restarted)).toEqual(limited(7));
    } finally {
      restarted.$client.close();
    }
  });
});
