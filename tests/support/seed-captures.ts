// The committed demo captures (db/seed/*.txt), read as the seed script reads them.
export { readDemoCapture as readSeedCapture } from '@/lib/ops/seed/demo-captures';

/** The one entry whose body starts with `prefix`; fails the test when there are none or several. */
export function onlyWithPrefix<T extends { body: string | null }>(entries: readonly T[], prefix: string): T {
  const matches = entries.filter((entry) => entry.body !== null && entry.body.startsWith(prefix));
  if (matches.length !== 1) throw new Error(`expected exactly one comment starting "${prefix}", found ${matches.length}`);
  return matches[0]!;
}
