// Which scheme and host a request was addressed to: the proxy's X-Forwarded-* headers only when TRUST_PROXY says one is in front of us.
import 'server-only';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * Headers through which a client could claim another scheme or host. Next.js and Auth.js
 * (`trustHost: true`) believe them: Auth.js picks Secure cookies from X-Forwarded-Proto, and Next.js
 * compares a server action's Origin with X-Forwarded-Host. Without a trusted proxy they are deleted,
 * and Next.js fills in the real ones (http, the Host header).
 */
const CLIENT_CLAIMS = ['x-forwarded-proto', 'x-forwarded-host', 'x-forwarded-port', 'forwarded'] as const;

export function dropUntrustedForwarding(headers: IncomingHttpHeaders, trustProxy: boolean): void {
  if (trustProxy) return;
  for (const name of CLIENT_CLAIMS) delete headers[name];
}

/** `scheme://host` as the browser saw it; null when the request names no host. */
export function ownOrigin(headers: IncomingHttpHeaders, trustProxy: boolean): string | null {
  const host = (trustProxy ? firstValue(headers['x-forwarded-host']) : undefined) ?? headers.host;
  if (!host) return null;
  const scheme = trustProxy && firstValue(headers['x-forwarded-proto'])?.toLowerCase() === 'https' ? 'https' : 'http';
  return `${scheme}://${host.toLowerCase()}`;
}

/** The first entry, as Next.js reads these headers, so that both agree on one host. */
function firstValue(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value?.split(',')[0]?.trim() || undefined;
}
