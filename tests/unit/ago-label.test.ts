import { describe, expect, it } from 'vitest';
import { agoLabel } from '@/lib/shared/format/ago';

const NOW = Date.parse('2026-11-22T12:00:00.000Z');

describe('agoLabel', () => {
  it.each([
    [0, 'just now'],
    [4_999, 'just now'],
    [12_000, '12 s ago'],
    [59_999, '59 s ago'],
    [60_000, '1 min ago'],
    [59 * 60_000, '59 min ago'],
    [2 * 3_600_000 + 5 * 60_000, '2 h ago'],
    [47 * 3_600_000, '47 h ago'],
    [4 * 86_400_000, '4 days ago'],
  ])('%i ms before now reads "%s"', (elapsed, label) => {
    expect(agoLabel(NOW - elapsed, NOW)).toBe(label);
  });

  it('treats a time slightly ahead of this clock (another server\'s) as just now', () => {
    expect(agoLabel(NOW + 3_000, NOW)).toBe('just now');
  });
});
