// A forged X-Forwarded-For does not escape the per-address limits on sign-in failures and sign-ups;
// behind a proxy (TRUST_PROXY=1) the last hop's address is the client, so two of them count apart,
// and an IPv6 client counts by its /64, so changing addresses within it escapes nothing.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { SIGN_IN_MAX_FAILURES } from '@/lib/auth/sign-in-limiter';
import { SIGN_UP_LIMIT } from '@/lib/users/register-reader';
import { cookiesSetBy } from '@/lib/ops/http-client/sign-in-over-http';
import { clearRateLimits, createAccount, e2eDb, signInFailures } from '../support/e2e-db';
import { serverActionIds } from '../support/security-endpoints';
import { expectNoLeak } from '../support/security-leaks';
import { callFormAction } from '../support/security-requests';

/** One attempt through Auth.js's credentials callback; the `code` its redirect names (credentials, rate_limited) or 'signed-in'. */
async function signInAttempt(baseUrl: string, email: string, password: string, forwardedFor: string): Promise<string> {
  const csrf = await fetch(new URL('/api/auth/csrf', baseUrl), { headers: { 'x-forwarded-for': forwardedFor } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(new URL('/api/auth/callback/credentials', baseUrl), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookiesSetBy(csrf).join('; '), 'x-forwarded-for': forwardedFor },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: '/' }),
  });
  expectNoLeak({ status: response.status, body: await response.text() }, `sign-in from ${forwardedFor}`);
  const location = new URL(response.headers.get('location') ?? '/', baseUrl);
  return location.searchParams.get('error') === null ? 'signed-in' : (location.searchParams.get('code') ?? 'unknown');
}

/** One sign-up through the form's action; the result's code, or 'created' when it went on to sign in. */
async function signUpAttempt(baseUrl: string, forwardedFor: string): Promise<string> {
  const answer = await callFormAction({
    baseUrl, page: '/signup', actionId: serverActionIds().signUpAction!, cookie: null, headers: { 'x-forwarded-for': forwardedFor },
    fields: { callbackUrl: '/', email: `xff-${crypto.randomUUID().slice(0, 8)}@example.test`, displayName: 'Forwarded', password: 'a long enough password' },
  });
  expectNoLeak(answer, `sign-up from ${forwardedFor}`);
  if ((answer.headers.get('x-action-redirect') ?? '').startsWith('/signin?created=1')) return 'created';
  return (answer.result as { code?: string } | undefined)?.code ?? `status ${answer.status}`;
}

const unknownEmail = () => `nobody-${crypto.randomUUID().slice(0, 8)}@example.test`;
const forged = (index: number) => `198.51.100.${index + 1}`;

test.describe('without TRUST_PROXY, X-Forwarded-For is ignored', () => {
  test.afterEach(() => clearRateLimits(e2eDb()));

  test('sign-in failures from one client with a different forged address each still reach the per-address limit', async ({ baseURL }) => {
    clearRateLimits(e2eDb());
    for (let index = 0; index < SIGN_IN_MAX_FAILURES; index++) {
      // A different email each time, so only the address limit can stop the client.
      expect(await signInAttempt(baseURL!, unknownEmail(), 'wrong password', forged(index)), `attempt ${index + 1}`).toBe('credentials');
    }
    const account = await createAccount('reader');
    expect(await signInAttempt(baseURL!, account.email, account.password, forged(99))).toBe('rate_limited');
    expect(new Set(signInFailures(e2eDb()).map((row) => row.client_address))).toEqual(new Set(['127.0.0.1']));
  });

  test('sign-ups with a different forged address each still reach the per-address limit', async ({ baseURL }) => {
    clearRateLimits(e2eDb());
    for (let index = 0; index < SIGN_UP_LIMIT.limit; index++) {
      expect(await signUpAttempt(baseURL!, forged(index)), `sign-up ${index + 1}`).toBe('created');
    }
    expect(await signUpAttempt(baseURL!, forged(99))).toBe('RATE_LIMITED');
  });
});

test.describe('with TRUST_PROXY=1, the last hop names the client', () => {
  const port = 3202;
  const baseUrl = `http://127.0.0.1:${port}`;
  let server: ChildProcess | undefined;
  let dir: string;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'threadkeeper-trust-proxy-'));
    // Its own group, so afterAll can end the server and the tsx wrapper around it together.
    server = spawn(process.execPath, [require.resolve('tsx/cli'), 'scripts/serve.ts', '--port', String(port), '--hostname', '127.0.0.1'], {
      env: { ...process.env, DATABASE_PATH: path.join(dir, 'trust-proxy.db'), TRUST_PROXY: '1', NEXT_TELEMETRY_DISABLED: '1' },
      stdio: 'ignore',
      detached: true,
    });
    for (let waited = 0; ; waited += 250) {
      if (server.exitCode !== null) throw new Error(`the TRUST_PROXY server exited with ${server.exitCode}`);
      const up = await fetch(new URL('/api/auth/csrf', baseUrl)).then((response) => response.ok, () => false);
      if (up) break;
      if (waited > 150_000) throw new Error('the TRUST_PROXY server did not start');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  });

  test.afterAll(() => {
    if (server?.pid !== undefined && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('sign-in failures count per last-hop address, whatever the client put before it', async () => {
    for (let index = 0; index < SIGN_IN_MAX_FAILURES; index++) {
      // The entries before the proxy's own are the client's to forge; only the last one counts.
      const header = `${forged(index)}, 203.0.113.7`;
      expect(await signInAttempt(baseUrl, unknownEmail(), 'wrong password', header), `attempt ${index + 1}`).toBe('credentials');
    }
    expect(await signInAttempt(baseUrl, unknownEmail(), 'wrong password', '203.0.113.7')).toBe('rate_limited');
    expect(await signInAttempt(baseUrl, unknownEmail(), 'wrong password', '203.0.113.7, 203.0.113.8')).toBe('credentials');
  });

  test('sign-ups count per last-hop address', async () => {
    for (let index = 0; index < SIGN_UP_LIMIT.limit; index++) {
      expect(await signUpAttempt(baseUrl, `${forged(index)}, 203.0.113.20`), `sign-up ${index + 1}`).toBe('created');
    }
    expect(await signUpAttempt(baseUrl, '203.0.113.20')).toBe('RATE_LIMITED');
    expect(await signUpAttempt(baseUrl, '203.0.113.21')).toBe('created');
  });

  /** Ten addresses of 2001:db8:5:6::/64, each written differently. */
  const oneNetwork = (tag: number) => [
    `2001:db8:5:6::${tag}:1`, `2001:DB8:5:6::${tag}:2`, `2001:0db8:0005:0006:0000:0000:${tag}:0003`, `2001:db8:5:6:0:0:${tag}:4`,
    `2001:db8:5:6:ffff:ffff:${tag}:5`, `2001:db8:5:6:1::${tag}`, `2001:db8:5:6:${tag}::7`, `2001:db8:5:6::${tag}:8%eth0`,
    `2001:db8:5:6:abcd::${tag}:9`, `2001:db8:5:6:${tag}::a`,
  ];

  test('sign-in failures from ten addresses of one IPv6 /64 reach the limit for the whole /64, and only for it', async () => {
    const addresses = oneNetwork(1);
    for (const [index, address] of addresses.entries()) {
      expect(await signInAttempt(baseUrl, unknownEmail(), 'wrong password', address), `attempt ${index + 1} from ${address}`).toBe('credentials');
    }
    expect(await signInAttempt(baseUrl, unknownEmail(), 'wrong password', '2001:db8:5:6:1234:5678:9abc:def0')).toBe('rate_limited');
    expect(await signInAttempt(baseUrl, unknownEmail(), 'wrong password', '2001:db8:5:7::1')).toBe('credentials');
  });

  test('sign-ups from ten addresses of one IPv6 /64 reach the limit for the whole /64, and only for it', async () => {
    const addresses = oneNetwork(2);
    for (const [index, address] of addresses.entries()) {
      expect(await signUpAttempt(baseUrl, address), `sign-up ${index + 1} from ${address}`).toBe('created');
    }
    expect(await signUpAttempt(baseUrl, '2001:db8:5:6:1234:5678:9abc:def0')).toBe('RATE_LIMITED');
    expect(await signUpAttempt(baseUrl, '2001:db8:5:7::1')).toBe('created');
  });
});
