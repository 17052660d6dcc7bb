// The sliding-window question behind the posting and reporting limits: given an author's newest
// events, is the window full now, and until when?
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WindowRule } from '@/lib/shared/comments/comment-rules';
import { windowFullUntil } from '@/lib/rate-limit/window-full-until';

const NOW = Date.UTC(2026, 0, 5, 12);
const RULE: WindowRule = { limit: 3, windowMs: 60_000, label: '3 a minute' };
const iso = (ms: number) => new Date(ms).toISOString();
/** ISO times of events `msAgo` before NOW, given newest first. */
const ago = (...msAgo: number[]) => msAgo.map((ms) => iso(NOW - ms));

describe('windowFullUntil', () => {
  it('has room when there are fewer events than the limit', () => {
    expect(windowFullUntil([], RULE, NOW)).toBeNull();
    expect(windowFullUntil(ago(0), RULE, NOW)).toBeNull();
    expect(windowFullUntil(ago(0, 0), RULE, NOW)).toBeNull();
  });

  it('is full until the limit-th newest event leaves the window', () => {
    expect(windowFullUntil(ago(1_000, 20_000, 30_000), RULE, NOW)).toBe(NOW + 30_000);
    expect(windowFullUntil(ago(0, 0, 0), RULE, NOW)).toBe(NOW + 60_000);
    // Older events beyond the limit-th do not change the answer.
    expect(windowFullUntil(ago(1_000, 20_000, 30_000, 40_000, 50_000), RULE, NOW)).toBe(NOW + 30_000);
  });

  it('has room again at the very moment the event leaves, not a millisecond before', () => {
    expect(windowFullUntil(ago(0, 0, 59_999), RULE, NOW)).toBe(NOW + 1);
    expect(windowFullUntil(ago(0, 0, 60_000), RULE, NOW)).toBeNull();
    expect(windowFullUntil(ago(0, 0, 90_000), RULE, NOW)).toBeNull();
  });

  it('works for a limit of one and for a day-long window', () => {
    expect(windowFullUntil(ago(10_000), { limit: 1, windowMs: 60_000, label: 'once a minute' }, NOW)).toBe(NOW + 50_000);
    const day = 24 * 60 * 60_000;
    const events = Array.from({ length: 100 }, (_, i) => iso(NOW - i * 60_000));
    expect(windowFullUntil(events, { limit: 100, windowMs: day, label: '100 a day' }, NOW)).toBe(NOW - 99 * 60_000 + day);
    expect(windowFullUntil(events.slice(0, 99), { limit: 100, windowMs: day, label: '100 a day' }, NOW)).toBeNull();
  });

  it('agrees with counting the events inside the window millisecond by millisecond (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 5_000 }),
        fc.array(fc.integer({ min: 0, max: 10_000 }), { maxLength: 10 }),
        (limit, windowMs, msAgo) => {
          const rule = { limit, windowMs, label: 'test' };
          const times = msAgo.map((ms) => NOW - ms).sort((a, b) => b - a);
          // How many events the database query would see at `at`: created_at > at - windowMs.
          const inWindow = (at: number) => times.filter((t) => t > at - windowMs && t <= at).length;
          const until = windowFullUntil(times.map(iso), rule, NOW);
          if (until === null) {
            expect(inWindow(NOW)).toBeLessThan(limit);
          } else {
            expect(until).toBeGreaterThan(NOW);
            expect(inWindow(NOW)).toBeGreaterThanOrEqual(limit);
            expect(inWindow(until - 1)).toBeGreaterThanOrEqual(limit);
            expect(inWindow(until)).toBeLessThan(limit);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
