// Sessions at the HTTP level, against the production server and no browser: a session cookie from
// Auth.js's own endpoints, then what the server makes of that same cookie after the account changes
// behind its back. Playwright's plain `test`: the fixtures' console check needs a page, and there is none.
import { expect, test, type APIResponse, type PlaywrightWorkerArgs } from '@playwright/test';
import { banUser } from '@/lib/users/ban-user';
import { changeUserRole } from '@/lib/users/change-user-role';
import { revokeUserSessions } from '@/lib/users/revoke-user-sessions';
import { createAccount, e2eDb, systemActor, userRow } from './support/e2e-db';

type Playwright = PlaywrightWorkerArgs['playwright'];

const SESSION_COOKIE = 'authjs.session-token';

/** Signs in through GET /api/auth/csrf and POST /api/auth/callback/credentials; returns the session cookie's value. */
async function signInOverHttp(playwright: Playwright, baseURL: string, email: string, password: string): Promise<string> {
  const context = await playwright.request.newContext({ baseURL });
  try {
    const csrf = await context.get('/api/auth/csrf');
    expect(csrf.status()).toBe(200);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    expect(csrfToken).toMatch(/^[0-9a-f]{32,}$/);
    expect(setCookies(csrf).some((cookie) => cookie.startsWith('authjs.csrf-token='))).toBe(true);

    const response = await context.post('/api/auth/callback/credentials', {
      form: { email, password, csrfToken, callbackUrl: '/' },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(302);
    expect(new URL(response.headers().location!, baseURL).pathname).toBe('/');
    const sessionCookie = setCookies(response).find((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`));
    expect(sessionCookie, 'a session cookie').toBeDefined();
    expect(sessionCookie).toMatch(/;\s*HttpOnly/i);
    expect(sessionCookie).toMatch(/;\s*SameSite=Lax/i);
    const value = /^[^=]+=([^;]*)/.exec(sessionCookie!)![1]!;
    expect(value).not.toBe('');
    return value;
  } finally {
    await context.dispose();
  }
}

function setCookies(response: APIResponse): string[] {
  return response.headersArray().filter((header) => header.name.toLowerCase() === 'set-cookie').map((header) => header.value);
}

/**
 * A GET sending exactly this session cookie (or none), from a context of its own, so that a cookie the
 * server sets or clears in its answer can never stand in for the old one on the next request.
 */
async function get(playwright: Playwright, baseURL: string, path: string, session: string | null): Promise<{ status: number; location?: string; body: string }> {
  const context = await playwright.request.newContext({ baseURL });
  try {
    const response = await context.get(path, {
      headers: session === null ? {} : { cookie: `${SESSION_COOKIE}=${session}` },
      maxRedirects: 0,
    });
    return { status: response.status(), location: response.headers().location, body: await response.text() };
  } finally {
    await context.dispose();
  }
}

/** What the page header says about its viewer: signed in (name and role badge), or the sign-in link. */
function headerOf(html: string): { signedIn: false } | { signedIn: true; name: string; role: string; banned: boolean } {
  const nav = /<nav class="account-bar" aria-label="Account">([\s\S]*?)<\/nav>/.exec(html)?.[1];
  if (nav === undefined) throw new Error('no account bar in the page');
  if (!nav.includes('Signed in as')) {
    expect(nav).toMatch(/<a [^>]*href="\/signin[^"]*"[^>]*>Sign in<\/a>/);
    return { signedIn: false };
  }
  const name = /<bdi class="account-name">([^<]*)<\/bdi>/.exec(nav)?.[1];
  const role = /<span class="role-badge" data-role="([a-z]+)">/.exec(nav)?.[1];
  if (name === undefined || role === undefined) throw new Error(`unexpected account bar: ${nav}`);
  return { signedIn: true, name, role, banned: nav.includes('banned-badge') };
}

test.describe('session cookies over HTTP', () => {
  test('the role shown is read from the database on every request, not from the cookie', async ({ playwright, baseURL }) => {
    const db = e2eDb();
    const moderator = await createAccount('moderator');
    const cookie = await signInOverHttp(playwright, baseURL!, moderator.email, moderator.password);

    const before = await get(playwright, baseURL!, '/', cookie);
    expect(before.status).toBe(200);
    expect(headerOf(before.body)).toEqual({ signedIn: true, name: moderator.displayName, role: 'moderator', banned: false });

    expect(changeUserRole(db, systemActor(), { userId: moderator.id, role: 'reader' })).toMatchObject({ ok: true });

    const after = await get(playwright, baseURL!, '/', cookie);
    expect(after.status).toBe(200);
    expect(headerOf(after.body)).toEqual({ signedIn: true, name: moderator.displayName, role: 'reader', banned: false });
  });

  test('GET /api/auth/session answers in Auth.js’s shape: the viewer as read now in `user`, an ISO `expires`; null for nobody', async ({ playwright, baseURL }) => {
    const db = e2eDb();
    const moderator = await createAccount('moderator');
    const cookie = await signInOverHttp(playwright, baseURL!, moderator.email, moderator.password);
    const sessionOf = async (session: string | null) => {
      const answer = await get(playwright, baseURL!, '/api/auth/session', session);
      expect(answer.status).toBe(200);
      return JSON.parse(answer.body) as { user: Record<string, unknown>; expires: string } | null;
    };

    const signedIn = await sessionOf(cookie);
    expect(signedIn).toEqual({
      user: {
        id: String(moderator.id), name: moderator.displayName, email: moderator.email,
        displayName: moderator.displayName, role: 'moderator', banned: false, banReason: null,
      },
      expires: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
    });
    expect(Date.parse(signedIn!.expires)).toBeGreaterThan(Date.now());

    // The same cookie after the account changed behind its back: `user` is the account as it is now.
    expect(changeUserRole(db, systemActor(), { userId: moderator.id, role: 'reader' })).toMatchObject({ ok: true });
    expect(banUser(db, systemActor(), { userId: moderator.id, reason: 'Spam links' })).toMatchObject({ ok: true });
    expect((await sessionOf(cookie))?.user).toMatchObject({ id: String(moderator.id), role: 'reader', banned: true, banReason: 'Spam links' });

    expect(await sessionOf(null)).toBeNull();
  });

  test('a demoted owner’s old cookie no longer opens /admin/users (403)', async ({ playwright, baseURL }) => {
    const db = e2eDb();
    const owner = await createAccount('owner');
    // Another owner who is not banned, so the demotion is not refused as the last owner's.
    await createAccount('owner');
    const cookie = await signInOverHttp(playwright, baseURL!, owner.email, owner.password);

    const before = await get(playwright, baseURL!, '/admin/users', cookie);
    expect(before.status).toBe(200);
    expect(before.body).toContain('class="user-table"');

    expect(changeUserRole(db, systemActor(), { userId: owner.id, role: 'moderator' })).toMatchObject({ ok: true });
    expect(userRow(db, owner.id)?.role).toBe('moderator');

    const after = await get(playwright, baseURL!, '/admin/users', cookie);
    expect(after.status).toBe(403);
    // Next.js sends a 403 page as an empty HTML shell whose content is in the React payload.
    expect(after.body).toContain('Not allowed');
    expect(after.body).not.toContain('user-table');
    expect(after.body).not.toContain(owner.email);
  });

  test('after “sign out everywhere” the old cookie is anonymous, and /admin/users sends it to sign in', async ({ playwright, baseURL }) => {
    const db = e2eDb();
    const owner = await createAccount('owner');
    const cookie = await signInOverHttp(playwright, baseURL!, owner.email, owner.password);
    expect(headerOf((await get(playwright, baseURL!, '/', cookie)).body)).toMatchObject({ signedIn: true, role: 'owner' });
    expect((await get(playwright, baseURL!, '/admin/users', cookie)).status).toBe(200);

    expect(revokeUserSessions(db, systemActor(), { userId: owner.id })).toMatchObject({ ok: true });
    expect(userRow(db, owner.id)?.session_version).toBe(2);

    const home = await get(playwright, baseURL!, '/', cookie);
    expect(home.status).toBe(200);
    expect(headerOf(home.body)).toEqual({ signedIn: false });

    const admin = await get(playwright, baseURL!, '/admin/users', cookie);
    expect(admin.status).toBe(307);
    expect(new URL(admin.location!, baseURL).pathname + new URL(admin.location!, baseURL).search).toBe('/signin?callbackUrl=%2Fadmin%2Fusers');

    // Signing in again gives a cookie that works.
    const fresh = await signInOverHttp(playwright, baseURL!, owner.email, owner.password);
    expect(headerOf((await get(playwright, baseURL!, '/', fresh)).body)).toMatchObject({ signedIn: true, role: 'owner' });
  });

  test('a tampered or made-up cookie is treated as no session, never as a server error', async ({ playwright, baseURL }) => {
    const owner = await createAccount('owner');
    const cookie = await signInOverHttp(playwright, baseURL!, owner.email, owner.password);
    expect((await get(playwright, baseURL!, '/admin/users', cookie)).status).toBe(200);

    const segments = cookie.split('.');
    expect(segments, 'a compact JWE: header, key, IV, ciphertext, tag').toHaveLength(5);
    /** The cookie with one character changed in the middle of one segment (never the last, whose spare bits may not count). */
    const flipped = (segment: number) => {
      const parts = [...segments];
      const text = parts[segment]!;
      const at = Math.floor(text.length / 2);
      parts[segment] = text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
      return parts.join('.');
    };
    const forgeries: Record<string, string> = {
      'header changed': flipped(0),
      'IV changed': flipped(2),
      'ciphertext changed': flipped(3),
      'tag changed': flipped(4),
      truncated: cookie.slice(0, -10),
      'not a token': 'not-a-token',
      'unsigned JWT': `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(`{"sub":"${owner.id}","sessionVersion":1}`).toString('base64url')}.`,
    };

    for (const [label, forged] of Object.entries(forgeries)) {
      expect(forged, label).not.toBe(cookie);
      const home = await get(playwright, baseURL!, '/', forged);
      expect(home.status, `${label}: GET /`).toBe(200);
      expect(headerOf(home.body), label).toEqual({ signedIn: false });

      const admin = await get(playwright, baseURL!, '/admin/users', forged);
      expect(admin.status, `${label}: GET /admin/users`).toBe(307);
      expect(admin.location, label).toContain('/signin?callbackUrl=%2Fadmin%2Fusers');

      const session = await get(playwright, baseURL!, '/api/auth/session', forged);
      expect(session.status, `${label}: GET /api/auth/session`).toBe(200);
      expect(JSON.parse(session.body), label).toBeNull();
    }

    // The genuine cookie still works after all that.
    expect((await get(playwright, baseURL!, '/admin/users', cookie)).status).toBe(200);
  });
});
