// Reading the benches' command lines: the options every load bench shares, whole numbers with a floor, and a list of connection counts.
import path from 'node:path';

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

/** The options bench:moderation and bench:post share, for parseArgs; each adds its own. */
export function loadBenchOptions(defaults: { port: number; out: string }) {
  return {
    seconds: { type: 'string', default: '20' },
    connections: { type: 'string', default: '10,50' },
    warmup: { type: 'string', default: '3' },
    comments: { type: 'string', default: '10000' },
    port: { type: 'string', default: String(defaults.port) },
    seed: { type: 'string', default: '20260101' },
    keep: { type: 'boolean', default: false },
    out: { type: 'string', default: defaults.out },
  } as const;
}

type LoadBenchValues = { connections: string; keep: boolean; out: string } & Record<string, unknown>;

/** The shared options read and checked. */
export function loadBenchSettings(values: LoadBenchValues, usage: string) {
  return {
    seconds: wholeNumber(values, 'seconds', 1, usage),
    connections: connectionList(values.connections, usage),
    warmupSeconds: wholeNumber(values, 'warmup', 0, usage),
    comments: wholeNumber(values, 'comments', 100, usage),
    port: wholeNumber(values, 'port', 1, usage),
    seed: wholeNumber(values, 'seed', 0, usage),
    keep: values.keep,
    out: path.resolve(values.out),
  };
}
