// Signs in the way a browser does, through Auth.js's own endpoints, for tests and benchmarks that talk to a server over HTTP.
import 'server-only';

export const SESSION_COOKIE = 'authjs.session-token';

/** Every cookie a response sets, as `name=value` pairs without their attributes. */
export function cookiesSetBy(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(';', 1)[0]!);
}

/**
 * GET /api/auth/csrf, then POST /api/auth/callback/credentials with its token; returns the Cookie
 * header value (`authjs.session-token=…`) a signed-in browser would send. Throws when refused.
 */
export async function signInOverHttp(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(new URL('/api/auth/csrf', baseUrl));
  if (!csrf.ok) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(new URL('/api/auth/callback/credentials', baseUrl), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookiesSetBy(csrf).join('; ') },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: '/' }),
  });
  await response.arrayBuffer();
  const session = cookiesSetBy(response).find((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`));
  if (response.status !== 302 || !session || session === `${SESSION_COOKIE}=`) {
    throw new Error(`signing in as ${email} was refused (${response.status} to ${response.headers.get('location')})`);
  }
  return session;
}
