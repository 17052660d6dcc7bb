// Which session cookie Auth.js uses for a request: `__Secure-authjs.session-token` when the site is served over HTTPS.
import 'server-only';

type Environment = Readonly<Record<string, string | undefined>>;

/**
 * The same decision Auth.js makes for `auth()` (createActionURL, then `useSecureCookies ??
 * url.protocol === 'https:'`): AUTH_URL (or NEXTAUTH_URL) when set, otherwise X-Forwarded-Proto,
 * which Next.js sets from the connection and scripts/serve.ts lets only a trusted proxy send.
 */
export function sessionCookieIsSecure(requestHeaders: Headers, env: Environment = process.env): boolean {
  const configured = env.AUTH_URL ?? env.NEXTAUTH_URL;
  if (configured) return new URL(configured).protocol === 'https:';
  const protocol = requestHeaders.get('x-forwarded-proto') ?? 'https';
  return (protocol.endsWith(':') ? protocol : `${protocol}:`) === 'https:';
}
