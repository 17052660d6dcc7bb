// A sliding-window rate limit kept in SQLite (so a restart does not reset it): at most `limit` events per key per window.
import 'server-only';
import type { Db } from '@/db/client';
import { prepared } from '@/db/prepared';

export type RateLimitRule = { bucket: string; limit: number; windowMs: number };

/**
 * Counts one event for `key` and answers ok, or refuses with the moment a slot frees up when the
 * key already had `limit` events in the window. A refused event is not counted, so waiting works.
 * A limit per client address passes `clientAddressKey(address)`, so that an IPv6 network counts once.
 */
export function takeRateLimitSlot(db: Db, rule: RateLimitRule, key: string, now: number): { ok: true } | { ok: false; retryAt: number } {
  return db.transaction((tx) => {
    const since = now - rule.windowMs;
    prepared(tx, 'DELETE FROM rate_limit_hits WHERE bucket = ? AND at <= ?').run(rule.bucket, since);
    // The limit-th most recent event: when it leaves the window, a slot is free again.
    const oldestCounted = prepared(tx, `SELECT at FROM rate_limit_hits WHERE bucket = ? AND key = ? AND at > ?
      ORDER BY at DESC LIMIT 1 OFFSET ?`).get(rule.bucket, key, since, rule.limit - 1) as { at: number } | undefined;
    if (oldestCounted) return { ok: false as const, retryAt: oldestCounted.at + rule.windowMs };
    prepared(tx, 'INSERT INTO rate_limit_hits (bucket, key, at) VALUES (?, ?, ?)').run(rule.bucket, key, now);
    return { ok: true as const };
  }, { behavior: 'immediate' });
}
