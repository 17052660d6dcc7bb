// The one percentile (nearest rank) the transparency summary, the load driver and the benches report.
import { describe, expect, it } from 'vitest';
import { summarizeLoad } from '@/lib/ops/load/load-summary';
import { nearestRankPercentile } from '@/lib/shared/percentile';

describe('nearestRankPercentile', () => {
  it.each([
    [[], 50, null],
    [[7], 50, 7],
    [[7], 90, 7],
    [[1, 2, 3], 50, 2],
    [[1, 2, 3, 4], 50, 2],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90, 9],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90, 10],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20], 90, 18],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21], 90, 19],
    [[1, 2, 3], 100, 3],
    [[1, 2, 3], 1, 1],
  ])('of %j at %i is %j', (values, percent, expected) => {
    expect(nearestRankPercentile(values, percent)).toBe(expected);
  });

  it('lands on the exact rank wherever percent × n is a whole hundred (no floating-point step past it)', () => {
    for (let n = 1; n <= 1000; n++) {
      const values = Array.from({ length: n }, (_, index) => index + 1);
      expect(nearestRankPercentile(values, 90)).toBe(Math.ceil((9 * n) / 10));
      expect(nearestRankPercentile(values, 50)).toBe(Math.ceil(n / 2));
    }
  });
});

describe('summarizeLoad’s latency percentiles', () => {
  const run = (latenciesMs: number[]) => summarizeLoad({
    elapsedMs: 1000, requests: latenciesMs.length, acknowledged: [], refusals: {}, badAnswers: {}, transportErrors: {},
    inFlightAtStop: 0, unanswered: 0, latenciesMs, clientCpuMs: 0,
  }).latencyMs;

  it('are the nearest-rank p50, p95 and p99 of the answered requests, in any order', () => {
    const latencies = Array.from({ length: 200 }, (_, index) => 200 - index);
    expect(run(latencies)).toEqual({ p50: 100, p95: 190, p99: 198, max: 200 });
  });

  it('read 0 ms when nothing was answered', () => {
    expect(run([])).toEqual({ p50: 0, p95: 0, p99: 0, max: 0 });
  });
});
