// decodeSessionToken opens exactly the session tokens Auth.js's own decode opens, to the same claims, and nothing else.
import { decode, encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { sessionCookieIsSecure } from '@/lib/auth/session-cookie';
import { decodeSessionToken } from '@/lib/auth/session-token';

const SECRET = 'a-session-secret-that-is-long-enough-0123456789';
const SALT = 'authjs.session-token';
const CLAIMS = {
  sub: '42',
  sessionVersion: 3,
  viewer: { id: 42, email: 'mo@example.com', displayName: 'Mo « Ø »', role: 'moderator', banned: false, banReason: null },
};

/** Auth.js's answer: the claims, or null where its decode throws. */
async function authJsDecode(token: string, secret = SECRET, salt = SALT): Promise<Record<string, unknown> | null> {
  try {
    return (await decode({ token, secret, salt })) as Record<string, unknown> | null;
  } catch {
    return null;
  }
}

async function expectSameAnswer(token: string, secret = SECRET, salt = SALT): Promise<void> {
  expect(decodeSessionToken(token, secret, salt)).toEqual(await authJsDecode(token, secret, salt));
}

describe('decodeSessionToken', () => {
  it('opens a token Auth.js issued to the claims Auth.js reads, for the plain and the __Secure- cookie', async () => {
    for (const salt of [SALT, `__Secure-${SALT}`]) {
      const token = await encode({ token: CLAIMS, secret: SECRET, salt });
      const claims = decodeSessionToken(token, SECRET, salt);
      expect(claims).toMatchObject(CLAIMS);
      expect(claims).toEqual(await authJsDecode(token, SECRET, salt));
    }
  });

  it('refuses a token sealed under another secret or for the other cookie', async () => {
    const token = await encode({ token: CLAIMS, secret: SECRET, salt: SALT });
    expect(decodeSessionToken(token, `${SECRET}-other`, SALT)).toBeNull();
    expect(decodeSessionToken(token, SECRET, `__Secure-${SALT}`)).toBeNull();
    await expectSameAnswer(token, `${SECRET}-other`);
  });

  it('answers as Auth.js does for every one-character change and every truncation', async () => {
    const token = await encode({ token: CLAIMS, secret: SECRET, salt: SALT });
    let refused = 0;
    for (let index = 0; index < token.length; index++) {
      for (const replacement of ['A', 'z', '-', '.']) {
        if (token[index] === replacement) continue;
        const changed = `${token.slice(0, index)}${replacement}${token.slice(index + 1)}`;
        await expectSameAnswer(changed);
        if (decodeSessionToken(changed, SECRET, SALT) === null) refused++;
      }
      await expectSameAnswer(token.slice(0, index));
    }
    // Only a change in a part's unused last bits can leave the bytes, and so the token, intact.
    expect(refused).toBeGreaterThan(token.length * 3);
  });

  it('honours expiry with the same 15 s tolerance', async () => {
    const withinTolerance = await encode({ token: CLAIMS, secret: SECRET, salt: SALT, maxAge: -5 });
    const expired = await encode({ token: CLAIMS, secret: SECRET, salt: SALT, maxAge: -60 });
    expect(decodeSessionToken(withinTolerance, SECRET, SALT)).toMatchObject(CLAIMS);
    expect(decodeSessionToken(expired, SECRET, SALT)).toBeNull();
    await expectSameAnswer(withinTolerance);
    await expectSameAnswer(expired);
  });

  it('refuses garbage without throwing', () => {
    for (const token of ['', '....', 'a.b.c.d.e', 'not a token', 'e30..AAAA.AAAA.AAAA', `${'A'.repeat(40)}.${'B'.repeat(40)}`]) {
      expect(decodeSessionToken(token, SECRET, SALT)).toBeNull();
    }
  });
});

describe('sessionCookieIsSecure', () => {
  const headers = (proto?: string) => new Headers(proto ? { 'x-forwarded-proto': proto } : {});

  it('follows X-Forwarded-Proto, and https when it is missing, as Auth.js does', () => {
    expect(sessionCookieIsSecure(headers('http'), {})).toBe(false);
    expect(sessionCookieIsSecure(headers('https'), {})).toBe(true);
    expect(sessionCookieIsSecure(headers(), {})).toBe(true);
  });

  it('lets AUTH_URL or NEXTAUTH_URL decide when set', () => {
    expect(sessionCookieIsSecure(headers('http'), { AUTH_URL: 'https://news.example.com' })).toBe(true);
    expect(sessionCookieIsSecure(headers('https'), { NEXTAUTH_URL: 'http://localhost:3000' })).toBe(false);
  });
});
