// Deliberately malformed requests, sent the way a curious or hostile client would: an unknown action,
// a broken or wrongly typed body, huge numbers, bad query strings, ids that do not exist and the
// wrong content type. Each is answered without a 5xx (but for bodies Next.js itself cannot decode, below),
// without a stack trace, SQL or a path, and nothing is written (the owner sends them: the caller the
// table refuses least).
import { expect, test } from '@playwright/test';
import { SESSION_COOKIE } from '@/lib/ops/http-client/sign-in-over-http';
import { serverActionRequest } from '@/lib/ops/http-client/server-actions';
import { clearRateLimits, e2eDb, lastLogId, logRows } from '../support/e2e-db';
import { signInCallers, type Caller, type Session } from '../support/security-callers';
import { databaseImage, expectDatabaseUnchanged } from '../support/security-db';
import { ACTION_ROWS, actionPage, serverActionIds, type Context, type Target } from '../support/security-endpoints';
import { expectNoLeak, leaksIn } from '../support/security-leaks';
import { formActionRequest, send } from '../support/security-requests';

let context: Context;
let owner: Session;
let target: Target;

test.beforeAll(async ({ baseURL }) => {
  const sessions: Record<Caller, Session> = await signInCallers(baseURL!);
  context = { baseUrl: baseURL!, sessions, ids: serverActionIds() };
  owner = sessions.owner;
  target = await ACTION_ROWS[0]!.prepare(context, owner);
});

/** Sends each request as it is; none may fail the server, leak, or write. */
async function expectAllClean(requests: [string, Request][]): Promise<void> {
  for (const [label, request] of requests) {
    const before = databaseImage();
    const answer = await send(request);
    expectNoLeak(answer, label);
    expectDatabaseUnchanged(before, label);
  }
}

/** The actions a form calls (multipart); every other action takes one JSON object. */
const FORM_ACTIONS = ['banUserAction', 'unbanUserAction', 'changeUserRoleAction', 'revokeUserSessionsAction', 'signInAction', 'signUpAction', 'signOutAction'];

const origin = () => new URL(context.baseUrl).origin;

/** A raw action POST (to the target's article page unless another is given): any id, content type and body. */
function rawAction(actionId: string, contentType: string | null, body: BodyInit, page = `/articles/${target.slug}`): Request {
  return new Request(new URL(page, context.baseUrl), {
    method: 'POST',
    headers: {
      accept: 'text/x-component', 'next-action': actionId, origin: origin(), cookie: owner.cookie!,
      ...(contentType === null ? {} : { 'content-type': contentType }),
    },
    body,
  });
}

test('unknown actions, broken bodies and the wrong content type', async () => {
  const moderate = context.ids.moderateCommentAction!;
  const ban = context.ids.banUserAction!;
  const multipart = new FormData();
  multipart.append('0', '[{"commentId":999999999}]');
  await expectAllClean([
    ['unknown action id', rawAction('7f'.repeat(21), 'text/plain;charset=UTF-8', '[{}]')],
    ['action id that is not hex', rawAction('not-an-action', 'text/plain;charset=UTF-8', '[{}]')],
    ['empty action id', rawAction('', 'text/plain;charset=UTF-8', '[{}]')],
    ['JSON that is not a list', rawAction(moderate, 'text/plain;charset=UTF-8', '{"commentId":1}')],
    ['a React reference to nothing', rawAction(moderate, 'text/plain;charset=UTF-8', '["$@99"]')],
    ['a React reference to a form that is not there', rawAction(moderate, 'text/plain;charset=UTF-8', '["$K1"]')],
    // A comment that does not exist: the request may well be decoded and run, and must still change nothing.
    ['application/json', rawAction(moderate, 'application/json', '[{"kind":"flag","commentId":999999999,"version":1,"reason":"spam"}]')],
    ['no content type', rawAction(moderate, null, '[{"kind":"flag","commentId":999999999,"version":1,"reason":"spam"}]')],
    ['multipart to a JSON action', rawAction(moderate, null, multipart)],
    ['urlencoded', rawAction(moderate, 'application/x-www-form-urlencoded', 'kind=flag&commentId=999999999&version=1')],
    ['JSON to a form action', rawAction(ban, 'text/plain;charset=UTF-8', '[{"ok":null},{"userId":"1","reason":"x"}]', '/admin/users')],
    ['a form action without its form', rawAction(ban, 'text/plain;charset=UTF-8', '[{"ok":null}]', '/admin/users')],
    ['sign-in without its form', rawAction(context.ids.signInAction!, 'text/plain;charset=UTF-8', '[null, null]', '/signin')],
    ['sign-up with a string for a form', rawAction(context.ids.signUpAction!, 'text/plain;charset=UTF-8', '[{"ok":null},"form"]', '/signup')],
    ['an action posted to a page that does not use it', rawAction(ban, 'text/plain;charset=UTF-8', '[{"ok":null}]')],
  ]);
});

// Next.js decodes an action's body before any of our code runs, and meets a body the React client never
// sends with a 500 of its own. Known and pinned here: the answer names nothing (no stack, SQL or path),
// and nothing is written. Should Next.js start refusing these with a 4xx, this test says so.
test('an action body that is not what React sends: Next.js answers a bare 500, and nothing changes', async () => {
  const moderate = context.ids.moderateCommentAction!;
  const bodies: [string, Request][] = [
    ['truncated JSON', rawAction(moderate, 'text/plain;charset=UTF-8', '[{"commentId":')],
    ['not JSON at all', rawAction(moderate, 'text/plain;charset=UTF-8', 'hello')],
    ['empty body', rawAction(moderate, 'text/plain;charset=UTF-8', '')],
    ['a multipart type with a JSON body', rawAction(moderate, 'multipart/form-data; boundary=xyz', '[{}]')],
  ];
  for (const [label, request] of bodies) {
    const before = databaseImage();
    const answer = await send(request);
    expect.soft(answer.status, `${label}: status`).toBe(500);
    expect.soft(leaksIn(answer.body), `${label}: leaks in the body`).toEqual([]);
    expectDatabaseUnchanged(before, label);
  }
});

test('wrong argument types and huge numbers are typed refusals from every JSON action', async () => {
  const ARGS: [string, unknown[]][] = [
    ['no argument', []],
    ['null', [null]],
    ['a string', ['flag it']],
    ['a list', [[1, 2, 3]]],
    ['ids as strings', [{ kind: 'flag', commentId: String(target.commentId), version: '1', articleId: String(target.articleId), reason: 'spam', body: 'x', open: 'false' }]],
    ['huge ids', [{ kind: 'removeAnnotation', commentId: 1e308, version: 1e308, articleId: 1e308, annotationId: 1e308, reason: 'spam', body: 'x', open: false }]],
    ['unsafe integers', [{ kind: 'flag', commentId: 2 ** 53 + 1, version: 2 ** 63, articleId: 2 ** 53 + 1, reason: 'spam', body: 'x', open: false }]],
    ['negative and fractional', [{ kind: 'flag', commentId: -1, version: 1.5, articleId: 0, reason: 'spam', body: 'x', open: false }]],
    ['ids that do not exist', [{ kind: 'removeAnnotation', commentId: 999_999_999, version: 1, articleId: 999_999_999, annotationId: 999_999_999, reason: 'spam', body: 'x', open: false, visibility: 'internal', items: [{ commentId: 999_999_999, version: 1 }], action: 'flag' }]],
    ['an unknown reason', [{ kind: 'hide', commentId: target.commentId, version: target.version, reason: 'because', items: [{ commentId: target.commentId, version: 1 }], action: 'explode' }]],
    ['nested objects for text', [{ kind: 'annotate', commentId: target.commentId, version: target.version, reason: { toString: 'spam' }, body: { $gt: '' }, note: ['a'] }]],
    ['a prototype key', [JSON.parse('{"__proto__":{"ok":true},"kind":"unflag","commentId":999999999,"version":1}')]],
    ['an unknown verb', [{ kind: 'explode', commentId: target.commentId, version: target.version }]],
  ];
  const jsonActions = [...new Set(ACTION_ROWS.map((row) => row.endpoint))].filter((name) => !FORM_ACTIONS.includes(name));
  expect(jsonActions).toHaveLength(7);
  for (const name of jsonActions) {
    for (const [what, args] of ARGS) {
      const label = `${name} with ${what}`;
      const before = databaseImage();
      const answer = await send(serverActionRequest({ baseUrl: context.baseUrl, page: actionPage(name, target), actionId: context.ids[name]!, args, cookie: owner.cookie }));
      expectNoLeak(answer, label);
      expect.soft(answer.result, label).toMatchObject({ ok: false });
      expectDatabaseUnchanged(before, label);
    }
  }
});

test('form actions sent the wrong fields are typed refusals', async () => {
  clearRateLimits(e2eDb());
  const cases: [string, Record<string, string>][] = [
    ['no fields', {}],
    ['a user id that is not a number', { userId: 'abc', reason: 'x', role: 'owner' }],
    ['a huge user id', { userId: '1e309', reason: 'x', role: 'owner' }],
    ['a user that does not exist', { userId: '999999999', reason: 'x', role: 'owner' }],
    ['an unknown role', { userId: '999999999', role: 'superuser' }],
  ];
  for (const name of ['banUserAction', 'unbanUserAction', 'changeUserRoleAction', 'revokeUserSessionsAction', 'signInAction', 'signUpAction']) {
    for (const [what, fields] of cases) {
      const label = `${name} with ${what}`;
      const before = databaseImage();
      const page = { signInAction: '/signin', signUpAction: '/signup' }[name] ?? '/admin/users';
      const answer = await send(formActionRequest({ baseUrl: context.baseUrl, page, actionId: context.ids[name]!, fields, cookie: owner.cookie }));
      expectNoLeak(answer, label);
      expect.soft(answer.result, label).toMatchObject({ ok: false });
      // A failed sign-in is counted (sign_in_failures) by design; everything else writes nothing.
      if (name !== 'signInAction') expectDatabaseUnchanged(before, label);
    }
  }
});

test('bad query strings, bad path ids and methods the routes do not have', async () => {
  const get = (path: string, cookie: string | null = owner.cookie): [string, Request] =>
    [`GET ${path}`, new Request(new URL(path, context.baseUrl), { headers: cookie ? { cookie } : {}, redirect: 'manual' })];
  const slug = target.slug;
  await expectAllClean([
    get(`/api/articles/${slug}/comments?limit=abc`),
    get(`/api/articles/${slug}/comments?limit=99999999999999999999`),
    get(`/api/articles/${slug}/comments?depth=-1&after=zzz`),
    get(`/api/articles/${slug}/comments?limit=1&limit=2`),
    get(`/api/articles/${slug}/comments?after=%00%ff`),
    get('/api/articles/no-such-article/comments'),
    get(`/api/articles/${slug}/comments/abc`),
    get(`/api/articles/${slug}/comments/0`),
    get(`/api/articles/${slug}/comments/99999999999999999999999`),
    get(`/api/articles/${slug}/comments/999999999999`),
    get(`/api/articles/${slug}/comments/1e5`),
    get('/api/moderation/queue?tab=zzz'),
    get('/api/moderation/queue?article=abc&after=nope&include=1,,2'),
    get('/api/moderation/queue?include=' + Array.from({ length: 500 }, (_, i) => i + 1).join(',')),
    get('/api/moderation/queue?tab=new&tab=hidden'),
    get('/api/moderation/queue?article=99999999999999999'),
    get('/api/moderation/comments/abc/history'),
    get('/api/moderation/comments/-1/history'),
    get('/api/moderation/comments/999999999999/history'),
    get("/api/moderation/comments/1'%20OR%201=1/history"),
    get('/api/moderation-log/export?format=xml'),
    get('/api/moderation-log/export?format=csv&from=2026-13-45'),
    get('/api/moderation-log/export?format=json&unknown=1'),
    get('/api/moderation-log/export?format=json&actor=abc&comment=-5&article=1e99'),
    get('/api/moderation-log/summary?from=bad&to=worse'),
    get('/api/moderation-log/summary?format=json&action=comment_hidden'),
    get('/api/moderation-log/summary?from=2026-02-30'),
    get('/api/auth/nope'),
    get('/api/auth/callback/nope'),
    get('/api/auth/session', `${SESSION_COOKIE}=${'A'.repeat(4000)}`),
    ['POST /api/moderation/queue', new Request(new URL('/api/moderation/queue', context.baseUrl), { method: 'POST', headers: { cookie: owner.cookie!, origin: origin() }, body: '{}' })],
    ['DELETE /api/articles/…/comments', new Request(new URL(`/api/articles/${slug}/comments`, context.baseUrl), { method: 'DELETE', headers: { cookie: owner.cookie!, origin: origin() } })],
    ['POST /api/auth/callback/credentials as JSON', new Request(new URL('/api/auth/callback/credentials', context.baseUrl), { method: 'POST', headers: { 'content-type': 'application/json', origin: origin() }, body: '{"email":1,"password":{}}', redirect: 'manual' })],
    ['POST /api/auth/callback/credentials without a CSRF token', new Request(new URL('/api/auth/callback/credentials', context.baseUrl), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: origin() }, body: 'email=a&password=b', redirect: 'manual' })],
  ]);
});

// Decoding the path's escapes is Next.js's too, before any route handler runs.
test('a path with a broken percent-escape', async () => {
  for (const path of ['/api/articles/%E0%A4%A/comments', '/articles/%E0%A4%A', '/api/moderation/comments/%ZZ/history']) {
    await expectAllClean([[`GET ${path}`, new Request(new URL(path, context.baseUrl), { headers: { cookie: owner.cookie! }, redirect: 'manual' })]]);
  }
});

test('SQL in a log search is text: the owner’s export finds nothing, and writes only its log_exported row', async () => {
  const logId = lastLogId(e2eDb());
  const tables = e2eDb().$client.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
  const answer = await send(new Request(new URL(`/api/moderation-log/export?${new URLSearchParams({ format: 'json', q: "'); DROP TABLE users; --" })}`, context.baseUrl), { headers: { cookie: owner.cookie! } }));
  expectNoLeak(answer, 'export searching for SQL');
  expect(answer.status).toBe(200);
  expect(logRows(e2eDb(), logId).map((row) => row.action)).toEqual(['log_exported']);
  expect(e2eDb().$client.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all()).toEqual(tables);
});
