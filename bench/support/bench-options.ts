// Reading the benches' command-line numbers: whole numbers with a floor, and a list of connection counts.

/** `values[name]` as a whole number of at least `min`, or an error naming the option and the usage. */
export function wholeNumber(values: Record<string, unknown>, name: string, min: number, usage: string): number {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be a whole number of at least ${min} (got "${String(values[name])}")\n${usage}`);
  return value;
}

/** `10,50` → [10, 50]. */
export function connectionList(text: string, usage: string): number[] {
  const counts = text.split(',').map(Number);
  if (counts.some((count) => !Number.isInteger(count) || count < 1)) throw new Error(`--connections must list whole numbers, e.g. 10,50 (got "${text}")\n${usage}`);
  return counts;
}
