// The permission matrix: every server action and route handler called directly over HTTP as each of
// the five kinds of caller. The expected verdict of every cell comes from lib/auth/permissions.ts
// (`can` over ROLE_PERMISSIONS) and the lib function's own rule (tests/e2e/support/security-endpoints.ts).
// A refused cell answers with a typed refusal and leaves the database byte for byte as it was; an
// allowed cell makes its change and exactly its one log row (none where lib logs nothing).
import { expect, test } from '@playwright/test';
import type { Permission } from '@/lib/shared/auth/permissions';
import { MODERATION_VERBS } from '@/lib/shared/moderation/verbs';
import { clearRateLimits, e2eDb, lastLogId, logRows } from '../support/e2e-db';
import { CALLERS, expectationFor, refusalStatus, signInCallers, type Caller, type Session } from '../support/security-callers';
import { databaseImage, expectDatabaseUnchanged } from '../support/security-db';
import { ACTION_ROWS, ROUTE_ROWS, rowName, serverActionIds, type ActionRow, type Context, type RouteRow } from '../support/security-endpoints';
import { expectNoLeak } from '../support/security-leaks';

let context: Context;

test.beforeAll(async ({ baseURL }) => {
  context = { baseUrl: baseURL!, sessions: await signInCallers(baseURL!), ids: serverActionIds() };
});

test('the matrix names every server action the build has', () => {
  const named = new Set(ACTION_ROWS.map((row) => row.endpoint));
  expect([...named].sort()).toEqual(Object.keys(context.ids).filter((name) => name.endsWith('Action')).sort());
  expect(named.size).toBe(14);
});

test('the matrix calls every moderation verb', () => {
  expect(ACTION_ROWS.flatMap((row) => row.verb ?? []).sort()).toEqual(Object.keys(MODERATION_VERBS).sort());
});

/** One cell: the call as this caller, then what the answer and the database must show. */
async function runCell(row: ActionRow | RouteRow, session: Session): Promise<void> {
  const db = e2eDb();
  const label = `${rowName(row)} (${row.who}) as ${session.caller}`;
  const expected = row.refusedForAll ? (session.caller === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN') : expectationFor(session.caller, row.permission);
  const target = await row.prepare(context, session);
  const before = databaseImage();
  const logId = lastLogId(db);
  const answer = await row.call(context, session, target);
  expectNoLeak(answer, label);

  if (expected !== 'allowed') {
    if (row.kind === 'action') {
      expect.soft(answer.status, `${label}: status`).toBe(200);
      expect.soft(answer.result, `${label}: the typed refusal`).toMatchObject({ ok: false, code: expected });
    } else {
      expect.soft(answer.status, `${label}: status`).toBe(refusalStatus(expected));
      expect.soft(JSON.parse(answer.body || 'null'), `${label}: the JSON refusal`).toMatchObject({ error: { code: expected.toLowerCase() } });
    }
    expectDatabaseUnchanged(before, label);
    return;
  }
  try {
    row.effect(context, session, target, answer);
  } catch (error) {
    expect.soft(`${(error as Error).message}; answered ${answer.status} ${answer.body.slice(0, 300)}`, `${label}: allowed`).toBe('as allowed');
  }
  if (row.readOnly) {
    expectDatabaseUnchanged(before, label);
    return;
  }
  const written = logRows(db, logId).map((log) => log.action);
  expect.soft(written, `${label}: log rows`).toEqual(row.logs === null ? [] : [row.logs]);
}

const cells = (rows: (ActionRow | RouteRow)[]) => {
  for (const row of rows) {
    test(`${rowName(row)}: ${row.who}`, async () => {
      // Sign-in and sign-up count against the one address every test shares.
      clearRateLimits(e2eDb());
      for (const caller of CALLERS) await runCell(row, context.sessions[caller as Caller]);
    });
  }
};

/** Pages by who may open them: anyone else signed in gets 403 (forbidden()), anonymous visitors are sent to sign in (307). */
const PAGE_ROWS: { path: (slug: string, authorId: number) => string; permission: Permission | null }[] = [
  { path: () => '/', permission: null },
  { path: (slug) => `/articles/${slug}`, permission: null },
  { path: () => '/signin', permission: null },
  { path: () => '/signup', permission: null },
  { path: () => '/moderation', permission: 'comment.moderate' },
  { path: (_slug, authorId) => `/moderation/authors/${authorId}`, permission: 'comment.moderate' },
  { path: () => '/moderation/log', permission: 'moderation.log.view' },
  { path: () => '/admin/users', permission: 'users.manage' },
];

test('pages: each caller gets the page, 403 or the way to sign in, and a GET changes nothing', async () => {
  const target = await ACTION_ROWS[0]!.prepare(context, context.sessions.owner);
  const authorId = context.sessions.reader.account!.id;
  for (const row of PAGE_ROWS) {
    for (const caller of CALLERS) {
      const session = context.sessions[caller];
      const path = row.path(target.slug, authorId);
      const label = `GET ${path} as ${caller}`;
      const expected = expectationFor(caller, row.permission);
      const before = databaseImage();
      const response = await fetch(new URL(path, context.baseUrl), { headers: session.cookie ? { cookie: session.cookie } : {}, redirect: 'manual' });
      const answer = { status: response.status, body: await response.text() };
      expectNoLeak(answer, label);
      expect.soft(answer.status, label).toBe(expected === 'allowed' ? 200 : expected === 'UNAUTHENTICATED' ? 307 : 403);
      expectDatabaseUnchanged(before, label);
    }
  }
});

test.describe('server actions', () => cells(ACTION_ROWS));
test.describe('route handlers', () => cells(ROUTE_ROWS));
