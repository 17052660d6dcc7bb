// How many bytes a request body may have: enough for the largest real request, refused before it is read beyond that.
// Relative: next.config.ts imports this file, and its loader does not resolve the @/ alias.
import { COMMENT_MAX_LENGTH_CEILING } from '../comments/comment-rules';

/**
 * A server action's body: the longest comment any COMMENT_MAX_LENGTH allows, at UTF-8's 4 bytes a
 * character (the limit counts code points), plus room for the action's other arguments and the
 * multipart framing of a form posted without JavaScript. Bulk moderation's 100 ids fit in that room.
 */
export const SERVER_ACTION_BODY_LIMIT = COMMENT_MAX_LENGTH_CEILING * 4 + 64 * 1024;

/** Auth.js's POSTs carry an email, a password (1,024 characters at most), a CSRF token and a return path. */
export const AUTH_BODY_LIMIT = 16 * 1024;

/** The limit for a body sent to this path: Auth.js's endpoints have their own, everything else is a server action. */
export function bodyLimitFor(pathname: string): number {
  return isAuthPath(pathname) ? AUTH_BODY_LIMIT : SERVER_ACTION_BODY_LIMIT;
}

/**
 * Compared after decoding and collapsing slashes, so that `/api/%61uth` or `//api/auth` cannot reach
 * the same handler without the tighter limit (nor past the guard's list of Auth.js's actions).
 */
export function isAuthPath(pathname: string): boolean {
  let decoded = pathname;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    // A malformed escape never matches a route; the raw path is compared as it is.
  }
  const normalized = decoded.replace(/[\\/]+/g, '/').toLowerCase();
  return normalized === '/api/auth' || normalized.startsWith('/api/auth/');
}

/**
 * How much of a refused request's body is read and dropped so that its sender, still writing, can read
 * the refusal instead of failing on a closed socket; a bigger body has its connection cut.
 */
export const REFUSED_BODY_DRAIN_LIMIT = 2 * SERVER_ACTION_BODY_LIMIT;
