// "You can post again in …": how long until someone may try again, in words, never sooner than true.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { waitLabel } from '@/lib/shared/format/wait';

const NOW = Date.UTC(2026, 0, 5, 12);
const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const label = (ms: number) => waitLabel(NOW + ms, NOW);

/** The wait a label promises, in milliseconds. */
function promised(text: string): number {
  const match = /^in (?:(\d+) hours?(?: (\d+) minutes?)?|(\d+) minutes?|(\d+) seconds?)$/.exec(text);
  if (!match) throw new Error(`not a wait label: ${text}`);
  const [, hours, hourMinutes, minutes, seconds] = match;
  if (hours !== undefined) return Number(hours) * HOUR + Number(hourMinutes ?? 0) * MINUTE;
  if (minutes !== undefined) return Number(minutes) * MINUTE;
  return Number(seconds) * SECOND;
}

describe('waitLabel', () => {
  it.each([
    [1, 'in 1 second'],
    [SECOND, 'in 1 second'],
    [SECOND + 1, 'in 2 seconds'],
    [40 * SECOND, 'in 40 seconds'],
    [59 * SECOND, 'in 59 seconds'],
    [59 * SECOND + 1, 'in 1 minute'],
    [MINUTE, 'in 1 minute'],
    [MINUTE + 1, 'in 2 minutes'],
    [3 * MINUTE, 'in 3 minutes'],
    [59 * MINUTE, 'in 59 minutes'],
    [59 * MINUTE + 1, 'in 1 hour'],
    [HOUR, 'in 1 hour'],
    [HOUR + MINUTE, 'in 1 hour 1 minute'],
    [2 * HOUR + 5 * MINUTE, 'in 2 hours 5 minutes'],
    [23 * HOUR + 59 * MINUTE, 'in 23 hours 59 minutes'],
    [24 * HOUR, 'in 24 hours'],
  ])('says %i ms as "%s"', (ms, expected) => {
    expect(label(ms)).toBe(expected);
  });

  it('says "in 1 second" for a moment already reached or past, never "in 0 seconds"', () => {
    expect(label(0)).toBe('in 1 second');
    expect(label(-5 * MINUTE)).toBe('in 1 second');
  });

  it('never promises less than the real wait, and rounds up by less than a unit (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 * 24 * HOUR }), (ms) => {
        const text = label(ms);
        const wait = promised(text);
        expect(wait).toBeGreaterThanOrEqual(ms);
        // Seconds round up by under a second; minutes (also within hours) by under a minute and a second.
        expect(wait - ms).toBeLessThan(ms < 59 * SECOND ? SECOND : MINUTE + SECOND);
        expect(text).not.toMatch(/\b(?:1 seconds|1 minutes|1 hours|0 \w+)\b/);
      }),
      { numRuns: 2_000 },
    );
  });
});
