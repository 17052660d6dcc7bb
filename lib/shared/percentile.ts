// The one percentile of the repository, by nearest rank: always a value that occurred, never an interpolation between two.

/**
 * The `percent`-th percentile (1 to 100) of values sorted ascending, by nearest rank: the value at
 * rank ceil(percent / 100 × n), counting from 1. So the median (50) of an even count is the lower
 * of the two middle values, and the 90th percentile of 10 values is the 9th. Null for no values.
 */
export function nearestRankPercentile(sorted: readonly number[], percent: number): number | null {
  if (sorted.length === 0) return null;
  // percent × n is a whole number, so the division lands exactly on an integer when it should.
  const rank = Math.max(1, Math.ceil((percent * sorted.length) / 100));
  return sorted[rank - 1]!;
}
