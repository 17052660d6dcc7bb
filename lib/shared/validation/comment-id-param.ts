// A comment id from a URL segment: digits only, no leading zero, within the ids a path can hold.
const COMMENT_ID = /^[1-9]\d{0,11}$/;

export function parseCommentId(segment: string): number | null {
  return COMMENT_ID.test(segment) ? Number(segment) : null;
}
