// A state-changing request sent by another site (a foreign Origin, Sec-Fetch-Site: cross-site) is
// refused with 403 forbidden_origin before anything is read or written, for every server action and
// Auth.js's POSTs; the same request with no Origin at all (a script, not a browser) goes through.
import { expect, test } from '@playwright/test';
import { e2eDb, lastLogId, logRows, clearRateLimits } from '../support/e2e-db';
import { signInCallers, type Caller, type Session } from '../support/security-callers';
import { databaseImage, expectDatabaseUnchanged } from '../support/security-db';
import { ACTION_ROWS, ROUTE_ROWS, rowName, serverActionIds, type ActionRow, type Context, type RouteRow } from '../support/security-endpoints';
import { expectNoLeak } from '../support/security-leaks';

let context: Context;

test.beforeAll(async ({ baseURL }) => {
  const sessions: Record<Caller, Session> = await signInCallers(baseURL!);
  context = { baseUrl: baseURL!, sessions, ids: serverActionIds() };
});

const FOREIGN = [
  { origin: 'https://evil.example', headers: { 'sec-fetch-site': 'cross-site' } },
  // A look-alike: the same host name on another port is another origin.
  { origin: 'http://127.0.0.1:1', headers: {} },
  // A browser that names no Origin but says the request is cross-site.
  { origin: null, headers: { 'sec-fetch-site': 'cross-site' } },
] as const;

/** The rows that change state or sign someone in or out, each once, called by the owner (whom the table allows everything). */
const stateChanging: (ActionRow | RouteRow)[] = [
  ...ACTION_ROWS.filter((row) => !row.refusedForAll),
  ...ROUTE_ROWS.filter((row) => row.kind === 'route' && row.method === 'POST'),
];

for (const row of stateChanging) {
  test(`${rowName(row)}: refused from another site, allowed without an Origin`, async () => {
    clearRateLimits(e2eDb());
    const owner = context.sessions.owner;
    for (const foreign of FOREIGN) {
      const label = `${rowName(row)} from ${foreign.origin} ${JSON.stringify(foreign.headers)}`;
      const target = await row.prepare(context, owner);
      const before = databaseImage();
      const answer = await row.call(context, owner, target, { origin: foreign.origin, headers: { ...foreign.headers } });
      expectNoLeak(answer, label);
      expect.soft(answer.status, label).toBe(403);
      expect.soft(JSON.parse(answer.body.startsWith('{') ? answer.body : 'null'), label).toMatchObject({ error: { code: 'forbidden_origin' } });
      expectDatabaseUnchanged(before, label);
    }

    // No Origin and no Sec-Fetch-Site: not a browser, so no cross-site forgery; the call works as usual.
    const target = await row.prepare(context, owner);
    const logId = lastLogId(e2eDb());
    const answer = await row.call(context, owner, target, { origin: null });
    const label = `${rowName(row)} without an Origin`;
    expectNoLeak(answer, label);
    try {
      row.effect(context, owner, target, answer);
    } catch (error) {
      expect.soft(`${(error as Error).message}; answered ${answer.status} ${answer.body.slice(0, 300)}`, label).toBe('as allowed');
    }
    if (!row.readOnly) expect.soft(logRows(e2eDb(), logId).map((log) => log.action), label).toEqual(row.logs === null ? [] : [row.logs]);
  });
}

test('the log export, the one GET that writes, refuses a request another site made and still serves the owner', async () => {
  const owner = context.sessions.owner;
  const exportUrl = new URL('/api/moderation-log/export?format=ndjson', context.baseUrl);
  const before = databaseImage();
  const crossSite = await fetch(exportUrl, { headers: { cookie: owner.cookie!, 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate' } });
  const refusal = await crossSite.text();
  expect(crossSite.status).toBe(403);
  expect(JSON.parse(refusal)).toMatchObject({ error: { code: 'forbidden_origin' } });
  expectNoLeak({ status: crossSite.status, body: refusal }, 'cross-site export');
  expectDatabaseUnchanged(before, 'cross-site export');

  const lastBefore = lastLogId(e2eDb());
  const sameSite = await fetch(exportUrl, { headers: { cookie: owner.cookie!, 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'navigate' } });
  expect(sameSite.status).toBe(200);
  await sameSite.text();
  await expect.poll(() => logRows(e2eDb(), lastBefore).map((row) => row.action)).toEqual(['log_exported']);
});
