// The SQLite-backed sliding-window limiter that sign-ups (and later posting) count against.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { takeRateLimitSlot, type RateLimitRule } from '@/lib/rate-limit/take-rate-limit-slot';
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
