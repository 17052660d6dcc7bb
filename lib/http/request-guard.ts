// What scripts/serve.ts refuses before Next.js sees a request: broken paths, state-changing requests from other sites, bodies over their limit.
import 'server-only';
import type { IncomingHttpHeaders } from 'node:http';
import { bodyLimitFor } from '../shared/http/body-limits';
import { ownOrigin } from './forwarded-headers';

export type Refusal = { status: number; code: string; message: string };

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
  const path = pathOf(request.url);
  if (!decodesAsUtf8(path)) {
    // Next.js answers a broken escape in a dynamic segment with a bare 500.
    return { status: 400, code: 'bad_path', message: 'The address contains a broken %-escape, so no page can match it.' };
  }
  const method = request.method ?? 'GET';
  // GET and HEAD handlers only read, so any site may link to them (the log export, which appends the record of
  // its own reading, refuses a cross-site request itself).
  if (method === 'GET' || method === 'HEAD') return null;
  return foreignOrigin(request.headers, trustProxy) ?? oversizedBody(request.headers, path);
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
