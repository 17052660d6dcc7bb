// Materialised paths: 12 decimal digits per level, sorting as the ids do.
import { describe, expect, it } from 'vitest';
import { childPath, idsInPath, pathSegment, subtreeEnd } from '@/lib/shared/thread/comment-path';

const MAX_ID = 10 ** 12 - 1;
/** Ids on both sides of places where the number gains a digit, plus the extremes. */
const BOUNDARY_IDS = [1, 2, 9, 10, 11, 99, 100, 101, 9_999, 10_000, 999_999, 1_000_000, 2 ** 31, 10 ** 11 - 1, 10 ** 11, MAX_ID];

describe('comment paths', () => {
  it('writes an id as 12 zero-padded decimal digits', () => {
    expect(pathSegment(1)).toBe('000000000001');
    expect(pathSegment(36)).toBe('000000000036');
    expect(pathSegment(1_000_000)).toBe('000001000000');
    expect(pathSegment(MAX_ID)).toBe('999999999999');
  });

  it('appends a reply to its parent and reads the ids back root first', () => {
    const root = childPath(null, 7);
    const reply = childPath(root, 1296);
    const deep = childPath(reply, MAX_ID);
    expect(root).toBe('000000000007');
    expect(reply).toBe('000000000007000000001296');
    expect(deep).toBe('000000000007000000001296999999999999');
    expect(idsInPath(deep)).toEqual([7, 1296, MAX_ID]);
    for (const id of BOUNDARY_IDS) expect(idsInPath(childPath(root, id))).toEqual([7, id]);
  });

  it('sorts paths as text in the numeric order of their ids', () => {
    const shuffled = [...BOUNDARY_IDS].reverse().sort((a, b) => (a % 7) - (b % 7));
    expect(shuffled).not.toEqual(BOUNDARY_IDS);
    const byPath = [...shuffled].sort((a, b) => (pathSegment(a) < pathSegment(b) ? -1 : 1));
    expect(byPath).toEqual(BOUNDARY_IDS);
    // The same holds one level down, and a whole subtree sorts before the next sibling.
    const parent = childPath(null, 36);
    const nextSibling = childPath(null, 37);
    for (const id of BOUNDARY_IDS) {
      const reply = childPath(parent, id);
      expect(reply > parent && reply < subtreeEnd(parent) && reply < nextSibling).toBe(true);
    }
    expect(nextSibling < subtreeEnd(parent)).toBe(false);
  });

  it('refuses ids that do not fit in a segment', () => {
    for (const id of [0, -1, 1.5, MAX_ID + 1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => pathSegment(id), String(id)).toThrow(RangeError);
      expect(() => childPath('000000000001', id), String(id)).toThrow(RangeError);
    }
  });
});
