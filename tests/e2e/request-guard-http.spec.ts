// What scripts/serve.ts refuses before Next.js reads a request, over HTTP: a state-changing request from another
// site, a body over its limit, a body without a length, a path with a broken %-escape, a method no page serves, an
// address under /api/auth that Auth.js does not answer and a request line naming another host, each a readable
// JSON refusal that changes nothing.
import net from 'node:net';
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

/** Writes `head` as it is on a fresh connection (`node:net`: fetch would rewrite or forbid it) and reads the whole answer. */
function rawRequest(baseUrl: string, head: string): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    // Written, not ended: the server drops a connection whose client has already closed its side.
    const socket = net.connect(Number(port), hostname, () => socket.write(`${head}\r\nConnection: close\r\n\r\n`));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const answer = Buffer.concat(chunks);
      const headEnd = answer.indexOf('\r\n\r\n');
      const [statusLine = '', ...lines] = answer.subarray(0, headEnd).toString('latin1').split('\r\n');
      const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
      const body = answer.subarray(headEnd + 4);
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: (headers['transfer-encoding'] === 'chunked' ? dechunk(body) : body).toString('utf8') });
    });
  });
}

/** A chunked body's data: each chunk is its length in hex, CRLF, that many bytes, CRLF; a zero length ends it. */
function dechunk(raw: Buffer): Buffer {
  const data: Buffer[] = [];
  for (let at = 0; ; ) {
    const lineEnd = raw.indexOf('\r\n', at);
    const size = parseInt(raw.subarray(at, lineEnd).toString('latin1'), 16);
    if (!size) return Buffer.concat(data);
    data.push(raw.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}

/** A raw answer's status and `{ error: { code } }`, with no Location to follow and nothing from the server's insides. */
function rawRefusal(answer: Awaited<ReturnType<typeof rawRequest>>): { status: number; code: string } {
  expect(answer.headers['content-type']).toContain('application/json');
  expect(answer.headers.location).toBeUndefined();
  const body = JSON.parse(answer.body) as { error: { code: string; message: string } };
  expect(body.error.message).not.toMatch(/at |\/work\/|node_modules|SELECT /);
  return { status: answer.status, code: body.error.code };
}

test('a method no page serves, an unknown sign-in address and another host in the request line are refused in words', async ({ baseURL }) => {
  const db = e2eDb();
  const host = new URL(baseURL!).host;
  const before = snapshot(db);

  for (const method of ['TRACE', 'PUT', 'DELETE']) {
    const answer = await rawRequest(baseURL!, `${method} / HTTP/1.1\r\nHost: ${host}`);
    expect(rawRefusal(answer), method).toEqual({ status: 405, code: 'method_not_allowed' });
    expect(answer.headers.allow).toBe('GET, HEAD, POST, OPTIONS');
  }

  // Auth.js would answer these itself and write an error line to the server log for each.
  for (const path of ['/api/auth/nope', '/api/auth/callback/github', '/api/auth/%73ession']) {
    expect(await refusal(await fetch(new URL(path, baseURL))), path).toEqual({ status: 404, code: 'not_found' });
  }
  const head = await fetch(new URL('/api/auth/session', baseURL), { method: 'HEAD' });
  expect([head.status, head.headers.get('allow')]).toEqual([405, 'GET, POST']);
  expect((await fetch(new URL('/api/auth/csrf', baseURL))).status).toBe(200);

  for (const target of ['http://evil.example/', 'http://evil.example/articles', '*']) {
    const answer = await rawRequest(baseURL!, `GET ${target} HTTP/1.1\r\nHost: ${host}`);
    expect(rawRefusal(answer), target).toEqual({ status: 400, code: 'bad_request_target' });
  }
  // The same form naming our own host is served as its path is.
  const own = await rawRequest(baseURL!, `GET http://${host}/api/auth/csrf HTTP/1.1\r\nHost: ${host}`);
  expect(own.status).toBe(200);
  expect(own.body).toContain('csrfToken');

  expect(snapshot(db)).toEqual(before);
});
