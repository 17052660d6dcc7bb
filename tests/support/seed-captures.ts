// The committed demo captures (db/seed/*.txt), read as the seed script reads them.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SEED_FOLDER = fileURLToPath(new URL('../../db/seed/', import.meta.url));

export function readSeedCapture(name: 'article.txt' | 'thread.txt'): string {
  return fs.readFileSync(`${SEED_FOLDER}${name}`, 'utf8');
}

/** The one entry whose body starts with `prefix`; fails the test when there are none or several. */
export function onlyWithPrefix<T extends { body: string | null }>(entries: readonly T[], prefix: string): T {
  const matches = entries.filter((entry) => entry.body !== null && entry.body.startsWith(prefix));
  if (matches.length !== 1) throw new Error(`expected exactly one comment starting "${prefix}", found ${matches.length}`);
  return matches[0]!;
}
