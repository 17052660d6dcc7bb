// The suite's hand-built action requests are the ones the UI sends: caught in Chromium as a person
// signs up, signs in, flags a reply and signs out, then compared with what the HTTP helpers build.
import type { Request } from '@playwright/test';
import { readServerActionIds, serverActionRequest } from '@/lib/ops/http-client/server-actions';
import { expect, test } from '../fixtures';
import { accountBar } from '../support/browser';
import { createArticle, postAs } from '../support/comments';
import { clearRateLimits, createAccount, e2eDb } from '../support/e2e-db';
import { formActionRequest } from '../support/security-requests';
import { cardById, moderatorControls } from '../support/thread-moderation';

type Sent = { action: string; contentType: string; body: Buffer; url: string };

/** Every server action the page sends, in order. */
function watchActions(page: import('@playwright/test').Page): Sent[] {
  const sent: Sent[] = [];
  page.on('request', (request: Request) => {
    const headers = request.headers();
    if (request.method() !== 'POST' || !headers['next-action']) return;
    sent.push({ action: headers['next-action'], contentType: headers['content-type'] ?? '', body: request.postDataBuffer() ?? Buffer.alloc(0), url: request.url() });
  });
  return sent;
}

/** A body read as the server reads it, as [name, value] pairs (JSON bodies as one pair named ""). */
async function partsOf(contentType: string, body: BodyInit | Buffer): Promise<[string, string][]> {
  const request = new Request('http://x/', { method: 'POST', headers: { 'content-type': contentType }, body: body as BodyInit });
  if (!contentType.startsWith('multipart/form-data')) return [['', await request.text()]];
  return [...(await request.formData()).entries()].map(([name, value]) => [name, String(value)]);
}

/** Multipart types differ only by their random boundary. */
const mediaType = (contentType: string) => contentType.split(';')[0]!.trim();

test('hand-built action requests match what the UI sends: header, content type and body', async ({ page, baseURL }) => {
  const ids = readServerActionIds();
  const db = e2eDb();
  clearRateLimits(db);
  const sent = watchActions(page);

  // Sign-up: useActionState with FormData.
  const email = `shape-${Date.now()}@example.test`;
  await page.goto('/signup');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Display name', { exact: true }).fill('Shape Tester');
  await page.getByLabel('Password', { exact: true }).fill('a long enough password');
  await page.getByRole('button', { name: 'Create account', exact: true }).click();
  await expect(page).toHaveURL(/\/signin\?created=1/);

  // Sign-in as a moderator, the same kind of form.
  const moderator = await createAccount('moderator');
  await page.getByLabel('Email', { exact: true }).fill(moderator.email);
  await page.getByLabel('Password', { exact: true }).fill(moderator.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(accountBar(page)).toContainText('Signed in as');

  // A flag in the thread: a plain object argument, the verb named by its kind.
  const article = createArticle();
  const author = await createAccount('reader');
  const reply = postAs(author, article.id, 'A reply the moderator flags', article.importedIds[0]!);
  await page.goto(article.path);
  const controls = moderatorControls(cardById(page, reply.id));
  await controls.getByRole('button', { name: 'Flag', exact: true }).click();
  const form = controls.getByRole('form', { name: 'Flag this reply' });
  await form.getByRole('radio', { name: 'Spam', exact: true }).check();
  await form.getByRole('button', { name: 'Flag reply', exact: true }).click();
  await expect.poll(() => sent.some((request) => request.action === ids.moderateCommentAction)).toBe(true);

  // Sign-out: a plain <form action>, the form its only argument.
  await accountBar(page).getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(accountBar(page)).not.toContainText('Signed in as');

  const byAction = (name: string) => {
    const found = sent.find((request) => request.action === ids[name]);
    expect(found, `the UI sent ${name}`).toBeDefined();
    return found!;
  };

  // Flag and sign-out: the argument list as JSON, sent as text/plain (sign-out's server-component form sends none: `[]`).
  for (const [name, page, args] of [
    ['moderateCommentAction', article.path, [expect.objectContaining({ kind: 'flag', commentId: reply.id, version: reply.version, reason: 'spam' })]],
    ['signOutAction', '/', []],
  ] as const) {
    const ui = byAction(name);
    const sentArgs = JSON.parse(ui.body.toString('utf8')) as unknown[];
    expect(sentArgs, name).toEqual(args);
    const built = serverActionRequest({ baseUrl: baseURL!, page, actionId: ids[name]!, args: sentArgs, cookie: null });
    expect(built.headers.get('next-action'), name).toBe(ui.action);
    expect(built.headers.get('content-type'), name).toBe(ui.contentType);
    expect(Buffer.from(await built.arrayBuffer()).equals(ui.body), `${name}: body`).toBe(true);
  }

  // Sign-up and sign-in (useActionState): the same multipart parts, names and values, as the helper builds from the same fields.
  for (const name of ['signUpAction', 'signInAction']) {
    const ui = byAction(name);
    expect(mediaType(ui.contentType), name).toBe('multipart/form-data');
    const allParts = await partsOf(ui.contentType, ui.body);
    // The form's hidden inputs for submissions without JavaScript ride along; the server reads none of them on a fetch.
    const uiParts = allParts.filter(([part]) => !part.startsWith('_1_$ACTION_'));
    const fields = Object.fromEntries(uiParts.filter(([part]) => part.startsWith('_1_')).map(([part, value]) => [part.slice(3), value]));
    const request = formActionRequest({ baseUrl: baseURL!, page: '/', actionId: ids[name]!, fields, cookie: null });
    expect(request.headers.get('next-action'), name).toBe(ui.action);
    const ownType = request.headers.get('content-type')!;
    expect(mediaType(ownType), name).toBe('multipart/form-data');
    const ownParts = await partsOf(ownType, Buffer.from(await request.arrayBuffer()));
    expect(ownParts.toSorted(), `${name}: parts`).toEqual(uiParts.toSorted());
  }
});
