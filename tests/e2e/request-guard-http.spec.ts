// What scripts/serve.ts refuses before Next.js reads a request, over HTTP: a state-changing request from another
// site, a body over its limit, a body without a length and a path with a broken %-escape, each a readable JSON
// refusal that changes nothing.
import { expect, test } from '@playwright/test';
import { SERVER_ACTION_BODY_LIMIT } from '@/lib/shared/http/body-limits';
import { readServerActionIds, serverActionRequest, type ServerActionCall } from '@/lib/ops/http-client/server-actions';
import { signInOverHttp } from '@/lib/ops/http-client/sign-in-over-http';
import { commentRow, createArticle } from './support/comments';
import { createAccount, e2eDb, snapshot } from './support/e2e-db';

/** The refusal's status and its `{ error: { code } }`, read in full (a sender that cannot read it fails here). */
async function refusal(response: Response): Promise<{ status: number; code: string }> {
  expect(response.headers.get('content-type')).toContain('application/json');
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.message).not.toMatch(/at |\/work\/|node_modules|SELECT /);
  return { status: response.status, code: body.error.code };
}

test('refusals come before Next.js reads the request, are readable JSON, and change nothing', async ({ baseURL }) => {
  const db = e2eDb();
  const article = createArticle();
  const moderator = await createAccount('moderator');
  const cookie = await signInOverHttp(baseURL!, moderator.email, moderator.password);
  const comment = { kind: 'flag', commentId: article.importedIds[0]!, version: 1, reason: 'spam' };
  const call = (overrides: Partial<ServerActionCall>): Request =>
    serverActionRequest({ baseUrl: baseURL!, page: article.path, actionId: readServerActionIds().moderateCommentAction!, args: [comment], cookie, ...overrides });
  const before = { ...snapshot(db), comment: commentRow(db, comment.commentId) };

  expect(await refusal(await fetch(call({ origin: 'https://news.example.net' })))).toEqual({ status: 403, code: 'forbidden_origin' });
  expect(await refusal(await fetch(call({ origin: null, headers: { 'sec-fetch-site': 'cross-site' } })))).toEqual({ status: 403, code: 'forbidden_origin' });
  // A forged X-Forwarded-Host matching the forged Origin is not believed without TRUST_PROXY.
  expect(await refusal(await fetch(call({ origin: 'https://news.example.net', headers: { 'x-forwarded-host': 'news.example.net' } }))))
    .toEqual({ status: 403, code: 'forbidden_origin' });

  // A form posted from another site, its multipart body still arriving as the refusal is sent.
  const form = new FormData();
  form.set('1_note', 'x'.repeat(200_000));
  const foreignForm = await fetch(new URL(article.path, baseURL), {
    method: 'POST', headers: { origin: 'https://news.example.net', cookie, 'next-action': readServerActionIds().moderateCommentAction! }, body: form,
  });
  expect(await refusal(foreignForm)).toEqual({ status: 403, code: 'forbidden_origin' });

  const oversized = call({});
  const huge = await fetch(new Request(oversized, { body: JSON.stringify([{ ...comment, note: 'x'.repeat(SERVER_ACTION_BODY_LIMIT) }]) }));
  expect(await refusal(huge)).toEqual({ status: 413, code: 'body_too_large' });

  const body = new Blob([JSON.stringify([comment])]).stream();
  const chunked = await fetch(call({}).url, { method: 'POST', headers: call({}).headers, body, duplex: 'half' } as RequestInit);
  expect(await refusal(chunked)).toEqual({ status: 411, code: 'length_required' });

  const signIn = await fetch(new URL('/api/auth/callback/credentials', baseURL), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: moderator.email, password: 'p'.repeat(20_000) }),
  });
  expect(await refusal(signIn)).toEqual({ status: 413, code: 'body_too_large' });

  const brokenPath = await fetch(new URL('/api/articles/%E0%A4%A/comments', baseURL));
  expect(await refusal(brokenPath)).toEqual({ status: 400, code: 'bad_path' });

  expect({ ...snapshot(db), comment: commentRow(db, comment.commentId) }).toEqual(before);
  // The same call from our own pages goes through.
  const allowed = await fetch(call({}));
  expect(allowed.status).toBe(200);
  expect(await allowed.text()).toContain('"ok":true');
});
