// A session cookie that is tampered with, cut short, empty or sealed with another secret counts as
// no session at all, on pages, route handlers and server actions alike, and never causes a 500.
import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { encode } from 'next-auth/jwt';
import { loadAuthSecret } from '@/lib/auth/auth-secret';
import { E2E_DATABASE_PATH } from '@/playwright.config';
import { SESSION_COOKIE } from '@/lib/ops/http-client/sign-in-over-http';
import { e2eDb, userRow } from '../support/e2e-db';
import { signInCallers, type Caller, type Session } from '../support/security-callers';
import { databaseImage, expectDatabaseUnchanged } from '../support/security-db';
import { ACTION_ROWS, ROUTE_ROWS, rowName, type Context } from '../support/security-endpoints';
import { expectNoLeak } from '../support/security-leaks';

let context: Context;
/** What every forgery is made from: the owner's real cookie, and a way to seal claims as Auth.js seals them. */
type Material = {
  value: string;
  ownerId: number;
  sessionVersion: number;
  seal: (claims: Record<string, unknown>, options?: { secret?: string; maxAge?: number }) => Promise<string>;
};
/** A cookie sealed with the server's own secret for the owner, as Auth.js seals one: the control that forging works at all. */
let genuine: string;

/** The cookie with one character changed in the middle of one segment of the compact JWE. */
function flipped(value: string, segment: number): string {
  const parts = value.split('.');
  const text = parts[segment]!;
  const at = Math.floor(text.length / 2);
  parts[segment] = text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
  return parts.join('.');
}

const FORGERIES: Record<string, (material: Material) => string | Promise<string>> = {
  'one character flipped (ciphertext)': ({ value }) => flipped(value, 3),
  'one character flipped (tag)': ({ value }) => flipped(value, 4),
  truncated: ({ value }) => value.slice(0, Math.floor(value.length / 2)),
  empty: () => '',
  // What the real server would seal for this owner, but with a secret it does not know.
  'sealed with a foreign secret': ({ seal, ownerId, sessionVersion }) =>
    seal({ sub: String(ownerId), sessionVersion }, { secret: randomBytes(32).toString('base64url') }),
  // Sealed with the real secret, yet no session: expired, from before a "sign out everywhere", or for no account.
  expired: ({ seal, ownerId, sessionVersion }) => seal({ sub: String(ownerId), sessionVersion }, { maxAge: -3600 }),
  'an older session version': ({ seal, ownerId, sessionVersion }) => seal({ sub: String(ownerId), sessionVersion: sessionVersion - 1 }),
  'a newer session version': ({ seal, ownerId, sessionVersion }) => seal({ sub: String(ownerId), sessionVersion: sessionVersion + 1 }),
  'an account that does not exist': ({ seal }) => seal({ sub: '999999999', sessionVersion: 1 }),
  'no account id': ({ seal, sessionVersion }) => seal({ sessionVersion }),
};
const forgeries: Record<string, string> = {};

test.beforeAll(async ({ baseURL }) => {
  const sessions: Record<Caller, Session> = await signInCallers(baseURL!);
  context = { baseUrl: baseURL!, sessions, ids: {} };
  const owner = sessions.owner.account!;
  const value = sessions.owner.cookie!.slice(SESSION_COOKIE.length + 1);
  expect(value.split('.'), 'a compact JWE').toHaveLength(5);
  const sessionVersion = userRow(e2eDb(), owner.id)!.session_version;
  // The secret the server signs with (AUTH_SECRET, or the file next to its database), for tokens only a thief of it could make.
  const secret = loadAuthSecret({ ...process.env, DATABASE_PATH: E2E_DATABASE_PATH });
  const seal: Material['seal'] = (claims, options = {}) =>
    encode({ token: claims, secret: options.secret ?? secret, salt: SESSION_COOKIE, maxAge: options.maxAge });
  genuine = await seal({ sub: String(owner.id), sessionVersion });
  for (const [label, forge] of Object.entries(FORGERIES)) forgeries[label] = await forge({ value, ownerId: owner.id, sessionVersion, seal });
});

test('the control: a cookie sealed with the server’s secret for the owner is the owner', async () => {
  const response = await fetch(new URL('/admin/users', context.baseUrl), { headers: { cookie: `${SESSION_COOKIE}=${genuine}` }, redirect: 'manual' });
  expect(response.status).toBe(200);
  expect(await response.text()).toContain('class="user-table"');
});

/**
 * Whoever the forged cookie is for, the server answers as it answers nobody. One test per forgery: each sends some
 * thirty requests and images the database around each, work that must not share one test's timeout.
 */
test.describe('every forged session cookie is anonymous on pages, route handlers and actions', () => {
  for (const label of Object.keys(FORGERIES)) {
    test(label, async () => {
      const forged: Session = { caller: 'owner', account: context.sessions.owner.account, cookie: `${SESSION_COOKIE}=${forgeries[label]}` };
      const headers = { cookie: forged.cookie! };

      for (const [path, status] of [['/', 200], ['/admin/users', 307], ['/moderation', 307], ['/moderation/log', 307]] as const) {
        const response = await fetch(new URL(path, context.baseUrl), { headers, redirect: 'manual' });
        const answer = { status: response.status, body: await response.text() };
        expectNoLeak(answer, `${label}: GET ${path}`);
        expect.soft(answer.status, `${label}: GET ${path}`).toBe(status);
        if (status === 307) expect.soft(response.headers.get('location'), `${label}: GET ${path}`).toContain('/signin?callbackUrl=');
        else expect.soft(answer.body, `${label}: GET ${path} shows nobody signed in`).not.toContain('Signed in as');
      }

      // Routes an owner may call: as nobody they refuse with 401, or answer as to anyone.
      for (const row of ROUTE_ROWS.filter((route) => route.method === 'GET')) {
        const target = await row.prepare(context, forged);
        const before = databaseImage();
        const answer = await row.call(context, forged, target);
        const what = `${label}: ${rowName(row)}`;
        expectNoLeak(answer, what);
        if (row.permission === null) expect.soft(answer.status, what).toBe(200);
        else expect.soft(answer.status, what).toBe(401);
        if (row.endpoint === 'GET /api/auth/session') expect.soft(answer.body.trim(), what).toBe('null');
        expectDatabaseUnchanged(before, what);
      }

      // Every action that needs a signed-in caller: UNAUTHENTICATED, nothing written.
      for (const row of ACTION_ROWS.filter((action) => action.permission !== null && !action.refusedForAll)) {
        const target = await row.prepare(context, forged);
        const before = databaseImage();
        const answer = await row.call(context, forged, target);
        const what = `${label}: ${rowName(row)}`;
        expectNoLeak(answer, what);
        expect.soft(answer.result, what).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
        expectDatabaseUnchanged(before, what);
      }
    });
  }
});
