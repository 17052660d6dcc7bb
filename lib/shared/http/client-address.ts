// Which address a request came from, decided once by our HTTP server and passed to the app in a header it overwrites.

/** Environment variables as given; a plain object in tests. */
type Environment = Readonly<Record<string, string | undefined>>;

/** Set by scripts/serve.ts on every request, replacing whatever the client sent under this name. */
export const CLIENT_ADDRESS_HEADER = 'x-threadkeeper-client-address';

/** What the app sees when a request did not pass through scripts/serve.ts (for example `next dev`). */
export const UNKNOWN_CLIENT_ADDRESS = 'unknown';

/**
 * The socket's address, unless TRUST_PROXY says a proxy in front of us appends the client's address
 * to X-Forwarded-For: then the last entry, the one our proxy wrote. Earlier entries come from the
 * client and are never trusted.
 */
export function resolveClientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustProxy: boolean,
): string {
  if (trustProxy && forwardedFor !== undefined) {
    const entries = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
      .split(',').map((entry) => entry.trim()).filter(Boolean);
    const last = entries.at(-1);
    if (last) return normalizeAddress(last);
  }
  return socketAddress ? normalizeAddress(socketAddress) : UNKNOWN_CLIENT_ADDRESS;
}

/** An IPv4 client on a dual-stack socket shows as ::ffff:a.b.c.d; it is the same client as a.b.c.d. */
function normalizeAddress(address: string): string {
  const lower = address.toLowerCase();
  return lower.startsWith('::ffff:') && lower.includes('.') ? lower.slice('::ffff:'.length) : lower;
}

export function trustProxyFrom(env: Environment = process.env): boolean {
  return env.TRUST_PROXY === '1';
}

/** The address scripts/serve.ts wrote into the request's headers. */
export function clientAddressOf(headers: Headers): string {
  return headers.get(CLIENT_ADDRESS_HEADER) ?? UNKNOWN_CLIENT_ADDRESS;
}
