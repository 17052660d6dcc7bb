// Materialised-path encoding: each level is the comment's id as 12 zero-padded decimal digits.

export const PATH_SEGMENT_LENGTH = 12;
const MAX_ID = 10 ** PATH_SEGMENT_LENGTH - 1;
const SEGMENT = /^\d{12}$/;

export function pathSegment(id: number): string {
  if (!Number.isSafeInteger(id) || id < 1 || id > MAX_ID) throw new RangeError(`comment id out of range: ${id}`);
  return String(id).padStart(PATH_SEGMENT_LENGTH, '0');
}

export function childPath(parentPath: string | null, id: number): string {
  return (parentPath ?? '') + pathSegment(id);
}

/** The ids along a path, root first; the last one is the comment itself. */
export function idsInPath(path: string): number[] {
  const ids: number[] = [];
  for (let i = 0; i < path.length; i += PATH_SEGMENT_LENGTH) ids.push(Number(path.slice(i, i + PATH_SEGMENT_LENGTH)));
  return ids;
}

export function isPathSegment(value: string): boolean {
  return SEGMENT.test(value);
}

/** Exclusive upper bound of a subtree's paths: '~' sorts after every digit. */
export function subtreeEnd(path: string): string {
  return `${path}~`;
}
