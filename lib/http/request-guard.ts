// What scripts/serve.ts refuses before Next.js sees a request: another host's address, methods the app has no use for,
// broken paths, addresses under /api/auth that Auth.js does not answer, state-changing requests from other sites, bodies
// over their limit.
import 'server-only';
import type { IncomingHttpHeaders } from 'node:http';
import { bodyLimitFor, isAuthPath } from '../shared/http/body-limits';
import { ownOrigin } from './forwarded-headers';

export type Refusal = { status: number; code: string; message: string; headers?: Record<string, string> };

type RequestLine = { method?: string; url?: string; headers: IncomingHttpHeaders };

/** A request another website made a browser send. */
export const FOREIGN_ORIGIN: Refusal = {
  status: 403,
  code: 'forbidden_origin',
  message: 'This request was sent by another website, so it was refused. Changes can only be made from this site’s own pages.',
};

/**
 * Checked in our own HTTP server rather than proxy.ts: it costs a few comparisons instead of a proxy
 * invocation on every server action, and it answers before Next.js's action handler (which meets a
 * foreign Origin with a 500) or Auth.js reads a byte of the body.
 */
export function refusalFor(request: RequestLine, trustProxy: boolean): Refusal | null {
  const target = request.url ?? '/';
  if (!target.startsWith('/')) {
    // Next.js would take the host from an absolute-form target (`GET http://evil.example/ HTTP/1.1`) and redirect
    // there; one naming our own host was already made a path by originFormOf.
    return { status: 400, code: 'bad_request_target', message: 'The request names another host (or no path), so it was refused.' };
  }
  const path = pathOf(target);
  if (!decodesAsUtf8(path)) {
    // Next.js answers a broken escape in a dynamic segment with a bare 500.
    return { status: 400, code: 'bad_path', message: 'The address contains a broken %-escape, so no page can match it.' };
  }
  const method = request.method ?? 'GET';
  // Next.js meets TRACE, PUT, DELETE… on a page with a bare 500; no page or route here answers them.
  if (!SERVED_METHODS.includes(method)) return methodNotAllowed(SERVED_METHODS);
  // GET and HEAD handlers only read, so any site may link to them (the log export, which appends the record of
  // its own reading, refuses another site's request itself).
  const readOnly = method === 'GET' || method === 'HEAD';
  return (readOnly ? null : foreignOrigin(request.headers, trustProxy) ?? oversizedBody(request.headers, path)) ?? unknownAuthAction(path, method);
}

const SERVED_METHODS = ['GET', 'HEAD', 'POST', 'OPTIONS'];

function methodNotAllowed(allowed: readonly string[]): Refusal {
  return {
    status: 405,
    code: 'method_not_allowed',
    message: `This address answers only ${allowed.join(', ')}.`,
    headers: { Allow: allowed.join(', ') },
  };
}

/**
 * The request target in origin form (`/path?query`), which is all Next.js should see: as it came, or the
 * path of an absolute-form target naming our own host (HTTP/1.1 servers must accept that form); the target
 * unchanged otherwise (another host's address, `*`, `host:port`), for refusalFor to refuse.
 */
export function originFormOf(target: string, headers: IncomingHttpHeaders, trustProxy: boolean): string {
  if (target.startsWith('/')) return target;
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return target;
  }
  const ours = [headers.host?.toLowerCase(), ownOrigin(headers, trustProxy)?.replace(/^https?:\/\//, '')];
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !ours.includes(url.host)) return target;
  // The raw path and query, not url.pathname: URL would resolve `..` and re-escape what the other checks must see.
  const rest = target.slice(target.indexOf('//') + 2);
  const slash = rest.search(/[/?]/);
  const path = slash === -1 ? '/' : rest.slice(slash);
  return path.startsWith('/') ? path : `/${path}`;
}

/**
 * The Auth.js actions this app uses (credentials sign-in, sign-out, the session and its CSRF token) or that Auth.js
 * answers as a redirect to our sign-in page (signin, error), with their methods. Auth.js meets any other address under
 * /api/auth, or a HEAD, with an error line in the server log: anyone could flood the log, so those are answered here.
 */
const AUTH_ACTIONS: Record<string, readonly string[]> = {
  session: ['GET', 'POST'],
  csrf: ['GET'],
  providers: ['GET'],
  signin: ['GET', 'POST'],
  'signin/credentials': ['GET', 'POST'],
  'callback/credentials': ['POST'],
  signout: ['GET', 'POST'],
  error: ['GET'],
};

function unknownAuthAction(path: string, method: string): Refusal | null {
  if (!isAuthPath(path)) return null;
  // Only the plain spelling: Auth.js reads the raw path, so `/api/auth/%73ession` or `/api/auth/Session` is unknown to it.
  const action = /^\/api\/auth\/(.+?)\/?$/.exec(path)?.[1] ?? '';
  const methods = Object.hasOwn(AUTH_ACTIONS, action) ? AUTH_ACTIONS[action] : undefined;
  if (!methods) return { status: 404, code: 'not_found', message: 'There is no such sign-in address.' };
  // Next.js answers OPTIONS for a route handler itself, without calling Auth.js.
  if (method === 'OPTIONS' || methods.includes(method)) return null;
  return methodNotAllowed(methods);
}

function decodesAsUtf8(path: string): boolean {
  if (!path.includes('%')) return true;
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

function foreignOrigin(headers: IncomingHttpHeaders, trustProxy: boolean): Refusal | null {
  const origin = headers.origin;
  const crossSite = headers['sec-fetch-site'] === 'cross-site';
  // No Origin is a request from outside a browser (a script, curl): it carries only cookies its sender already holds.
  if (!crossSite && (origin === undefined || origin.toLowerCase() === ownOrigin(headers, trustProxy))) return null;
  return FOREIGN_ORIGIN;
}

/**
 * Node's parser never delivers more than Content-Length bytes, so checking the declared length caps
 * the body. A chunked body declares none and could not be capped without buffering it ahead of
 * Next.js, so it is refused: browsers send a length for every form and fetch this app makes.
 */
function oversizedBody(headers: IncomingHttpHeaders, path: string): Refusal | null {
  const declared = headers['content-length'];
  if (declared === undefined) {
    if (headers['transfer-encoding'] === undefined) return null;
    return { status: 411, code: 'length_required', message: 'A request body must state its length (Content-Length).' };
  }
  const limit = bodyLimitFor(path);
  if (Number(declared) <= limit) return null;
  return {
    status: 413,
    code: 'body_too_large',
    message: `The request is larger than the ${Math.floor(limit / 1024).toLocaleString('en-US')} KB this address accepts.`,
  };
}

function pathOf(url: string | undefined): string {
  const path = url ?? '/';
  const query = path.indexOf('?');
  return query === -1 ? path : path.slice(0, query);
}
