// Materialised paths: 8 base-36 digits per level, sorting as the ids do.
import { describe, expect, it } from 'vitest';
import { childPath, idsInPath, pathSegment, subtreeEnd } from '@/lib/thread/comment-path';

const MAX_ID = 36 ** 8 - 1;
/** Ids on both sides of every place where base 36 gains a digit, plus the extremes. */
const BOUNDARY_IDS = [1, 2, 9, 10, 35, 36, 37, 1295, 1296, 46_655, 46_656, 1_679_615, 1_679_616, 2 ** 31, 36 ** 7 - 1, 36 ** 7, MAX_ID];

describe('comment paths', () => {
  it('writes an id as 8 base-36 digits', () => {
    expect(pathSegment(1)).toBe('00000001');
    expect(pathSegment(35)).toBe('0000000z');
    expect(pathSegment(36)).toBe('00000010');
    expect(pathSegment(MAX_ID)).toBe('zzzzzzzz');
  });

  it('appends a reply to its parent and reads the ids back root first', () => {
    const root = childPath(null, 7);
    const reply = childPath(root, 1296);
    const deep = childPath(reply, MAX_ID);
    expect(root).toBe('00000007');
    expect(reply).toBe('0000000700000100');
    expect(deep).toBe('0000000700000100zzzzzzzz');
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
      expect(() => childPath('00000001', id), String(id)).toThrow(RangeError);
    }
  });
});
