// A refusal that writes nothing: the answer is the expected failure and every comment-related table is as before.
import { expect } from 'vitest';
import type { Db } from '@/db/client';
import { commentTables } from './comments';

/** Runs `perform`, expects it to answer `expected` (a refusal), and every table of commentTables to be as before. */
export function expectRefusedWritingNothing(db: Db, perform: () => unknown, expected: object): void {
  const before = commentTables(db);
  expect(perform()).toEqual(expected);
  expect(commentTables(db)).toEqual(before);
}
