// Security headers over HTTP against the production server: every kind of HTML page carries a CSP around
// a nonce fresh for each response that every one of its scripts carries, framing, sniffing and referrer
// rules; the session cookie's flags, Secure only when a trusted proxy says the browser used HTTPS; and a
// browser's sign-in, reply and moderation without one CSP violation.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { createUser } from '@/lib/users/create-user';
import { E2E_SYNTHETIC_SLUG } from '@/scripts/e2e-data';
import { SESSION_COOKIE, signInOverHttp } from '@/lib/ops/http-client/sign-in-over-http';
import { signIn, test as browserTest } from './support/browser';
import { commentCard, createArticle, submitReply } from './support/comments';
import { createAccount, e2eDb, systemActor, type Account } from './support/e2e-db';
import { cardState, openQueue, queueCard, reportAs } from './support/queue';

/** A page to fetch, who fetches it (a session cookie or none), and the status it answers with. */
type HtmlPage = { path: string; status: number; cookie: string | null };

/** Every Set-Cookie header, attributes included. */
function setCookies(response: Response): string[] {
  return response.headers.getSetCookie();
}

function nonceOf(policy: string): string {
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(nonce, `a nonce in ${policy}`).toBeDefined();
  return nonce!;
}

function directive(policy: string, name: string): string | undefined {
  return policy.split(';').map((part) => part.trim()).find((part) => part.startsWith(`${name} `));
}

/** Signs in through Auth.js's endpoints with extra request headers; returns the session cookie exactly as set. */
async function sessionSetCookie(baseUrl: string, account: Account, headers: Record<string, string>): Promise<string> {
  const csrf = await fetch(new URL('/api/auth/csrf', baseUrl), { headers });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(new URL('/api/auth/callback/credentials', baseUrl), {
    method: 'POST',
    redirect: 'manual',
    headers: {
      ...headers,
      'content-type': 'application/x-www-form-urlencoded',
      cookie: setCookies(csrf).map((cookie) => cookie.split(';', 1)[0]).join('; '),
    },
    body: new URLSearchParams({ email: account.email, password: account.password, csrfToken, callbackUrl: '/' }),
  });
  await response.arrayBuffer();
  expect(response.status).toBe(302);
  const session = setCookies(response).find((cookie) => /^(__Secure-)?authjs\.session-token=./.test(cookie));
  expect(session, 'a session cookie').toBeDefined();
  return session!;
}

test.describe('every HTML page', () => {
  let pages: HtmlPage[];

  test.beforeAll(async ({ baseURL }) => {
    const db = e2eDb();
    const comment = db.$client
      .prepare('SELECT c.id FROM comments c JOIN articles a ON a.id = c.article_id WHERE a.slug = ? ORDER BY c.id LIMIT 1')
      .get(E2E_SYNTHETIC_SLUG) as { id: number };
    const [owner, moderator] = [await createAccount('owner'), await createAccount('moderator')];
    const [ownerCookie, moderatorCookie] = [
      await signInOverHttp(baseURL!, owner.email, owner.password),
      await signInOverHttp(baseURL!, moderator.email, moderator.password),
    ];
    pages = [
      { path: '/', status: 200, cookie: null },
      { path: `/articles/${E2E_SYNTHETIC_SLUG}`, status: 200, cookie: null },
      { path: `/articles/${E2E_SYNTHETIC_SLUG}/comments/${comment.id}`, status: 200, cookie: null },
      { path: '/signin', status: 200, cookie: null },
      { path: '/signup', status: 200, cookie: null },
      { path: '/moderation', status: 200, cookie: moderatorCookie },
      { path: '/moderation/log', status: 200, cookie: moderatorCookie },
      { path: '/admin/users', status: 200, cookie: ownerCookie },
      { path: '/admin/users', status: 403, cookie: moderatorCookie },
      { path: '/no-such-page', status: 404, cookie: null },
      { path: '/api/no-such-endpoint', status: 404, cookie: null },
    ];
  });

  test('carries a CSP with a nonce fresh for each response, which every script in it carries', async ({ baseURL }) => {
    const nonces = new Set<string>();
    for (const { path: pagePath, status, cookie } of pages) {
      for (let load = 0; load < 2; load += 1) {
        const response = await fetch(new URL(pagePath, baseURL), { headers: cookie ? { cookie } : {}, redirect: 'manual' });
        const html = await response.text();
        const where = `${pagePath} (${status})`;
        expect(response.status, where).toBe(status);
        expect(response.headers.get('content-type'), where).toContain('text/html');
        const policy = response.headers.get('content-security-policy') ?? '';
        const nonce = nonceOf(policy);
        expect(nonces.has(nonce), `${where}: a nonce never seen before`).toBe(false);
        nonces.add(nonce);
        expect(directive(policy, 'script-src'), where).toBe(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
        expect(directive(policy, 'frame-ancestors'), where).toBe("frame-ancestors 'none'");
        expect(directive(policy, 'object-src'), where).toBe("object-src 'none'");
        expect(policy, where).not.toContain('unsafe');
        expect(response.headers.get('x-content-type-options'), where).toBe('nosniff');
        expect(response.headers.get('referrer-policy'), where).toBe('strict-origin-when-cross-origin');
        expect(response.headers.get('x-frame-options'), where).toBe('DENY');

        const scripts = html.match(/<script\b[^>]*>/g) ?? [];
        expect(scripts.length, `${where}: scripts in the page`).toBeGreaterThan(0);
        for (const script of scripts) expect(script, where).toContain(` nonce="${nonce}"`);
        expect(html, `${where}: no inline style attributes, which style-src would refuse`).not.toMatch(/<[a-z][^>]*\sstyle="/i);
      }
    }
  });

  test('a static file carries the headers that do not depend on the page', async ({ baseURL }) => {
    const html = await (await fetch(new URL('/', baseURL))).text();
    const script = /<script\b[^>]*\ssrc="([^"]+)"/.exec(html)?.[1];
    expect(script).toMatch(/^\/_next\/static\//);
    const response = await fetch(new URL(script!, baseURL));
    expect(response.status).toBe(200);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });
});

test.describe('the session cookie', () => {
  test('is HttpOnly and SameSite=Lax, and not Secure over plain HTTP even when the client claims HTTPS', async ({ baseURL }) => {
    const reader = await createAccount('reader');
    const claims: Record<string, string>[] = [{}, { 'x-forwarded-proto': 'https' }, { forwarded: 'proto=https' }];
    for (const headers of claims) {
      const cookie = await sessionSetCookie(baseURL!, reader, headers);
      const where = JSON.stringify(headers);
      expect(cookie.startsWith(`${SESSION_COOKIE}=`), where).toBe(true);
      expect(cookie, where).toMatch(/;\s*HttpOnly/i);
      expect(cookie, where).toMatch(/;\s*SameSite=Lax/i);
      expect(cookie, where).not.toMatch(/;\s*Secure/i);
    }
  });

  test.describe('behind a trusted proxy (TRUST_PROXY=1)', () => {
    let server: ChildProcess | undefined;
    let dir: string;
    let baseUrl: string;
    let account: Account;

    test.beforeAll(async () => {
      test.setTimeout(120_000);
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'threadkeeper-trusted-proxy-'));
      const databaseFile = path.join(dir, 'trusted.db');
      const db = openDatabase(databaseFile);
      migrateDatabase(db);
      account = { id: 0, email: 'reader@trusted.test', password: 'correct horse battery', displayName: 'Trusted reader', role: 'reader' };
      const created = await createUser(db, systemActor(), account);
      if (!created.ok) throw new Error(created.message);
      db.$client.close();
      const port = await freePort();
      baseUrl = `http://127.0.0.1:${port}`;
      // Its own process group, so that the tsx wrapper and the server under it end together.
      server = spawn(process.execPath, [require.resolve('tsx/cli'), 'scripts/serve.ts', '-p', String(port), '-H', '127.0.0.1'], {
        env: { ...process.env, DATABASE_PATH: databaseFile, TRUST_PROXY: '1', NEXT_TELEMETRY_DISABLED: '1' },
        stdio: 'ignore',
        detached: true,
      });
      await waitUntilServing(baseUrl);
    });

    test.afterAll(() => {
      if (server?.pid) process.kill(-server.pid, 'SIGTERM');
      fs.rmSync(dir, { recursive: true, force: true });
    });

    test('is Secure (and __Secure-) when the proxy says the browser used HTTPS, and not otherwise', async () => {
      const secure = await sessionSetCookie(baseUrl, account, { 'x-forwarded-proto': 'https' });
      expect(secure.startsWith(`__Secure-${SESSION_COOKIE}=`)).toBe(true);
      expect(secure).toMatch(/;\s*Secure/i);
      expect(secure).toMatch(/;\s*HttpOnly/i);
      expect(secure).toMatch(/;\s*SameSite=Lax/i);

      const plain = await sessionSetCookie(baseUrl, account, { 'x-forwarded-proto': 'http' });
      expect(plain.startsWith(`${SESSION_COOKIE}=`)).toBe(true);
      expect(plain).not.toMatch(/;\s*Secure/i);
    });
  });
});

browserTest('signing in, opening a thread, replying and moderating in the queue raise no CSP violation', async ({ page }) => {
  const violations: string[] = [];
  await page.exposeFunction('reportCspViolation', (violation: string) => violations.push(violation));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportCspViolation: (violation: string) => void }).reportCspViolation;
      void report(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  const article = createArticle();
  const [moderator, reporter] = [await createAccount('moderator'), await createAccount('reader')];

  await signIn(page, moderator.email, moderator.password);
  await page.goto(article.path);
  const first = commentCard(page, 'Imported Ida', `Imported comment 1 on ${article.slug}`);
  const text = 'A reply written under a strict Content-Security-Policy.';
  await submitReply(first, text);
  const reply = commentCard(page, moderator.displayName, text);
  await expect(reply.getByRole('link', { name: 'Link', exact: true })).toBeVisible();

  const replyId = Number(/\/comments\/(\d+)/.exec((await reply.getByRole('link', { name: 'Link', exact: true }).getAttribute('href')) ?? '')?.[1]);
  reportAs(reporter, replyId);
  await openQueue(page, article.id);
  const card = queueCard(page, text);
  await card.getByRole('button', { name: /^Hide/ }).click();
  await card.getByLabel('Spam').check();
  await card.getByRole('button', { name: 'Hide reply', exact: true }).click();
  await expect(cardState(card)).toContainText('Hidden (Spam)');

  expect(violations).toEqual([]);
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilServing(baseUrl: string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(new URL('/signin', baseUrl))).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the TRUST_PROXY=1 server did not answer at ${baseUrl} within 90 s`);
}
