// The signed-in account behind a request's session cookie, checked against the database as Auth.js's jwt callback does.
import 'server-only';
import { getToken } from 'next-auth/jwt';
import type { ViewerRow } from './session-user';
import { currentSessionUser, sessionSecret } from './auth';
import { sessionCookieIsSecure } from './session-cookie';
import { decodeSessionToken } from './session-token';

/**
 * What `auth()` answers, without its costs: `auth()` runs Auth.js's whole session endpoint on an
 * internal request (decrypt, the jwt callback, a fresh token encrypted for a cookie that a server
 * component or action then throws away, a JSON response parsed back), about 1.2 ms of CPU a call.
 * Here Auth.js's getToken still finds the cookie (its name, chunks), the token is opened by
 * decodeSessionToken, and only its user id and session version are used: the account is read
 * again from `users`, exactly as the jwt callback does. Only the Cookie header is handed over,
 * so an Authorization header is never taken for a session, as with `auth()`.
 */
export async function readSession(requestHeaders: Headers): Promise<ViewerRow | null> {
  const token = await getToken({
    req: { headers: { cookie: requestHeaders.get('cookie') ?? '' } },
    secret: sessionSecret(),
    secureCookie: sessionCookieIsSecure(requestHeaders),
    decode: async ({ token: sealed, secret, salt }) => (sealed ? decodeSessionToken(sealed, String(secret), salt) : null),
  });
  if (!token?.sub) return null;
  return currentSessionUser(Number(token.sub), token.sessionVersion);
}
