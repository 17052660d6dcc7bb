// Bodies over their limit are refused before anything reads them (413), a body without a stated
// length is refused (411), and one within the limit but over a field's own limit is a typed
// refusal: in every case nothing is written and nothing about the server leaks.
import { expect, test } from '@playwright/test';
import { AUTH_BODY_LIMIT, SERVER_ACTION_BODY_LIMIT } from '@/lib/shared/http/body-limits';
import { serverActionRequest } from '@/lib/ops/http-client/server-actions';
import type { ModerationVerbKind } from '@/lib/shared/moderation/verbs';
import { signInCallers, type Caller, type Session } from '../support/security-callers';
import { databaseImage, expectDatabaseUnchanged } from '../support/security-db';
import { ACTION_ROWS, serverActionIds, type Context } from '../support/security-endpoints';
import { expectNoLeak } from '../support/security-leaks';
import { formActionRequest, send } from '../support/security-requests';

let context: Context;
let owner: Session;

test.beforeAll(async ({ baseURL }) => {
  const sessions: Record<Caller, Session> = await signInCallers(baseURL!);
  context = { baseUrl: baseURL!, sessions, ids: serverActionIds() };
  owner = sessions.owner;
});

const row = (verb: ModerationVerbKind) => ACTION_ROWS.find((action) => action.verb === verb)!;
const bytes = (request: Request) => request.clone().arrayBuffer().then((body) => body.byteLength);

/** Sends a request made by `make` for a fresh target as the owner; the answer must be `status` with `code`, and nothing written. */
async function expectRefusedUnchanged(label: string, make: () => Promise<Request> | Request, status: number, code: string): Promise<void> {
  const request = await make();
  const before = databaseImage();
  const answer = await send(request);
  expectNoLeak(answer, label);
  expect.soft(answer.status, label).toBe(status);
  expect.soft(JSON.parse(answer.body || 'null'), label).toMatchObject({ error: { code } });
  expectDatabaseUnchanged(before, label);
}

test('a server action body over the limit is refused with 413, JSON and multipart alike', async () => {
  const target = await row('flag').prepare(context, owner);
  await expectRefusedUnchanged('flag with an oversized note', async () => {
    const request = serverActionRequest({
      baseUrl: context.baseUrl, page: `/articles/${target.slug}`, actionId: context.ids.moderateCommentAction!, cookie: owner.cookie,
      args: [{ kind: 'flag', commentId: target.commentId, version: target.version, reason: 'spam', note: 'x'.repeat(SERVER_ACTION_BODY_LIMIT) }],
    });
    expect(await bytes(request)).toBeGreaterThan(SERVER_ACTION_BODY_LIMIT);
    return request;
  }, 413, 'body_too_large');

  await expectRefusedUnchanged('sign-up with an oversized display name', async () => {
    const request = formActionRequest({
      baseUrl: context.baseUrl, page: '/signup', actionId: context.ids.signUpAction!, previousState: { ok: null }, cookie: null,
      fields: { callbackUrl: '/', email: 'oversized@example.test', displayName: 'y'.repeat(SERVER_ACTION_BODY_LIMIT), password: 'a long enough password' },
    });
    expect(await bytes(request)).toBeGreaterThan(SERVER_ACTION_BODY_LIMIT);
    return request;
  }, 413, 'body_too_large');
});

test('an Auth.js POST over its limit is refused with 413', async () => {
  for (const path of ['/api/auth/callback/credentials', '/api/auth/signout', '/api/%61uth/callback/credentials']) {
    await expectRefusedUnchanged(`POST ${path}`, () => new Request(new URL(path, context.baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: new URL(context.baseUrl).origin },
      body: new URLSearchParams({ email: 'someone@example.test', password: 'p'.repeat(AUTH_BODY_LIMIT), csrfToken: 'x' }),
      redirect: 'manual',
    }), 413, 'body_too_large');
  }
});

test('a body without a stated length (chunked) is refused with 411', async () => {
  const target = await row('hide').prepare(context, owner);
  const json = JSON.stringify([{ kind: 'hide', commentId: target.commentId, version: target.version, reason: 'spam' }]);
  await expectRefusedUnchanged('chunked hide', () => new Request(new URL(`/articles/${target.slug}`, context.baseUrl), {
    method: 'POST',
    headers: { 'next-action': context.ids.moderateCommentAction!, 'content-type': 'text/plain;charset=UTF-8', cookie: owner.cookie!, origin: new URL(context.baseUrl).origin },
    body: new ReadableStream({ start: (controller) => { controller.enqueue(new TextEncoder().encode(json)); controller.close(); } }),
    duplex: 'half',
  } as RequestInit & { duplex: 'half' }), 411, 'length_required');
});

test('within the body limit but over a field’s own limit: a typed refusal, nothing written', async () => {
  const target = await row('flag').prepare(context, owner);
  const before = databaseImage();
  const answer = await send(serverActionRequest({
    baseUrl: context.baseUrl, page: `/articles/${target.slug}`, actionId: context.ids.moderateCommentAction!, cookie: owner.cookie,
    args: [{ kind: 'flag', commentId: target.commentId, version: target.version, reason: 'spam', note: 'n'.repeat(Math.floor(SERVER_ACTION_BODY_LIMIT / 2)) }],
  }));
  expectNoLeak(answer, 'flag with a long note');
  expect(answer.result).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  expectDatabaseUnchanged(before, 'flag with a long note');
});
