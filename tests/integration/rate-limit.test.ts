// The SQLite-backed sliding-window limiter that sign-ups (and later posting) count against.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { takeRateLimitSlot, type RateLimitRule } from '@/lib/rate-limit/take-rate-limit-slot';
import { registerReader, SIGN_UP_LIMIT } from '@/lib/users/register-reader';
import { createTempDb, type TempDb } from '@/tests/support/temp-db';

const RULE: RateLimitRule = { bucket: 'test_bucket', limit: 3, windowMs: 60_000 };
const NOW = Date.UTC(2026, 0, 1, 12);

let temp: TempDb;
beforeEach(() => {
  temp = createTempDb();
});
afterEach(() => temp.cleanup());

const hits = () => temp.db.$client.prepare('SELECT bucket, key, at FROM rate_limit_hits ORDER BY id').all();

describe('takeRateLimitSlot', () => {
  it('allows `limit` events in the window, then refuses until the oldest counted one leaves it', () => {
    expect(takeRateLimitSlot(temp.db, RULE, 'a', NOW)).toEqual({ ok: true });
    expect(takeRateLimitSlot(temp.db, RULE, 'a', NOW + 10_000)).toEqual({ ok: true });
    expect(takeRateLimitSlot(temp.db, RULE, 'a', NOW + 20_000)).toEqual({ ok: true });
    expect(takeRateLimitSlot(temp.db, RULE, 'a', NOW + 30_000)).toEqual({ ok: false, retryAt: NOW + 60_000 });
    expect(takeRateLimitSlot(temp.db, RULE, 'a', NOW + 59_999)).toEqual({ ok: false, retryAt: NOW + 60_000 });
    // At retryAt the first event has left the window: one slot, and then the next wait is for the second event.
    expect(takeRateLimitSlot(temp.db, RULE, 'a', NOW + 60_000)).toEqual({ ok: true });
    expect(takeRateLimitSlot(temp.db, RULE, 'a', NOW + 60_000)).toEqual({ ok: false, retryAt: NOW + 70_000 });
  });

  it('does not count refused events, so waiting is enough', () => {
    for (let i = 0; i < 3; i += 1) takeRateLimitSlot(temp.db, RULE, 'a', NOW);
    for (let i = 0; i < 5; i += 1) expect(takeRateLimitSlot(temp.db, RULE, 'a', NOW + 1_000).ok).toBe(false);
    expect(hits()).toHaveLength(3);
    expect(takeRateLimitSlot(temp.db, RULE, 'a', NOW + 60_001)).toEqual({ ok: true });
  });

  it('counts keys and buckets apart', () => {
    for (let i = 0; i < 3; i += 1) takeRateLimitSlot(temp.db, RULE, 'a', NOW);
    expect(takeRateLimitSlot(temp.db, RULE, 'b', NOW)).toEqual({ ok: true });
    expect(takeRateLimitSlot(temp.db, { ...RULE, bucket: 'other_bucket' }, 'a', NOW)).toEqual({ ok: true });
    expect(takeRateLimitSlot(temp.db, RULE, 'a', NOW).ok).toBe(false);
  });

  it('forgets events older than the window as it goes', () => {
    takeRateLimitSlot(temp.db, RULE, 'a', NOW);
    takeRateLimitSlot(temp.db, RULE, 'b', NOW + 30_000);
    takeRateLimitSlot(temp.db, RULE, 'c', NOW + 70_000);
    expect(hits()).toEqual([
      { bucket: 'test_bucket', key: 'b', at: NOW + 30_000 },
      { bucket: 'test_bucket', key: 'c', at: NOW + 70_000 },
    ]);
  });

  it('keeps its state in the database file, so a new connection (a restart) still refuses', () => {
    for (let i = 0; i < 3; i += 1) takeRateLimitSlot(temp.db, RULE, 'a', NOW);
    const restarted = openDatabase(temp.file);
    try {
      expect(takeRateLimitSlot(restarted, RULE, 'a', NOW + 1_000)).toEqual({ ok: false, retryAt: NOW + 60_000 });
    } finally {
      restarted.$client.close();
    }
  });
});

describe('the sign-up limit per client address', () => {
  const signUp = (n: number, address: string) =>
    registerReader(temp.db, { email: `net-${n}@example.com`, displayName: `Net ${n}`, password: 'a long enough password' }, address, NOW + n);
  const accounts = () => temp.db.$client.prepare("SELECT email FROM users WHERE email LIKE 'net-%' ORDER BY email").all();

  it('counts an IPv6 client by its /64: 10 sign-ups from 10 addresses of one /64 use up the limit, the next /64 still signs up', async () => {
    expect(SIGN_UP_LIMIT.limit).toBe(10);
    const sameNetwork = Array.from({ length: 10 }, (_, n) => (n % 2 === 0 ? `2001:db8:aa:bb::${n + 1}` : `2001:0DB8:00AA:00BB:${n}:0:0:1`));
    expect(await Promise.all(sameNetwork.map((address, n) => signUp(n, address)))).toEqual(Array.from({ length: 10 }, () => ({ ok: true })));
    expect(new Set(hits().map((row) => (row as { key: string }).key))).toEqual(new Set(['2001:db8:aa:bb::/64']));
    const before = accounts();
    expect(await signUp(10, '2001:db8:aa:bb:1234:5678:9abc:def0')).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    expect(accounts()).toEqual(before);
    expect(hits()).toHaveLength(10);
    expect(await signUp(11, '2001:db8:aa:bc::1')).toEqual({ ok: true });
  });

  it('counts an IPv4-mapped IPv6 address as its IPv4 address', async () => {
    const addresses = Array.from({ length: 10 }, (_, n) => (n % 2 === 0 ? '192.0.2.10' : '::ffff:192.0.2.10'));
    await Promise.all(addresses.map((address, n) => signUp(n, address)));
    expect(await signUp(10, '::ffff:c000:20a')).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    expect(await signUp(11, '192.0.2.11')).toEqual({ ok: true });
  });
});
