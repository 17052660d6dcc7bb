// Moderating in the thread, with a moderator and a reader side by side: hiding with a public
// explanation (readers see the tombstone and the replies under it, and the text is nowhere in what
// they are sent), public and internal notes, History, a hide that lost the race to another
// moderator, and a moderator's real hide request replayed with a reader's session and with none:
// refused, nothing written.
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, signIn, test } from './support/browser';
import { branchOf, commentCard, commentRow, createArticle, postAs, type E2eArticle } from './support/comments';
import { createAccount, e2eDb, lastLogId, type Account } from './support/e2e-db';
import { cardById, catchNextServerAction, cookieHeaderOf, hideAs, logRowsAbout, moderatorControls } from './support/thread-moderation';

const SECRET_TEXT = 'Meet me behind the station, you know who you are';
const EXPLANATION = 'Threats against other readers are removed.';
const INTERNAL_NOTE = 'Second threat from this account this week';
const PUBLIC_NOTE = 'The paper has passed this on to the police.';
const INTERNAL_ANNOTATION = 'Checked with legal on Monday';

type Scene = { article: E2eArticle; author: Account; replier: Account; moderator: Account; hiddenId: number; underId: number };

/** An article with a reply (to be hidden) and a reply under it, and a moderator signed in on `page` with the thread open. */
async function setScene(page: Page): Promise<Scene> {
  const article = createArticle();
  const author = await createAccount('reader');
  const replier = await createAccount('reader');
  const moderator = await createAccount('moderator');
  const hidden = postAs(author, article.id, SECRET_TEXT, article.importedIds[0]!);
  const under = postAs(replier, article.id, 'Please keep it civil.', hidden.id);
  await signIn(page, moderator.email, moderator.password);
  await page.goto(article.path);
  return { article, author, replier, moderator, hiddenId: hidden.id, underId: under.id };
}

async function hideThroughThread(page: Page, commentId: number, reason: string, explanation: string, note: string) {
  const controls = moderatorControls(cardById(page, commentId));
  await controls.getByRole('button', { name: 'Hide', exact: true }).click();
  const form = controls.getByRole('form', { name: 'Hide this reply' });
  await form.getByRole('radio', { name: reason, exact: true }).check();
  await form.getByLabel('Public explanation (shown to readers, optional)').fill(explanation);
  await form.getByLabel('Internal note (moderators only, optional)').fill(note);
  await form.getByRole('button', { name: 'Hide reply', exact: true }).click();
}

async function annotateThroughThread(page: Page, commentId: number, visibility: RegExp, text: string) {
  const controls = moderatorControls(cardById(page, commentId));
  await controls.getByRole('button', { name: 'Annotate', exact: true }).click();
  const form = controls.getByRole('form', { name: 'Annotate this reply' });
  await form.getByRole('radio', { name: visibility }).check();
  await form.getByLabel('Note', { exact: true }).fill(text);
  await form.getByRole('button', { name: 'Add note', exact: true }).click();
  await expect(form).toHaveCount(0);
}

/** Everything an anonymous visitor is sent for the article: the page's HTML (with its RSC payload), the RSC payload alone, and both JSON answers. */
async function everythingSentToAnonymous(request: APIRequestContext, scene: Scene): Promise<string[]> {
  const slug = scene.article.slug;
  const answers = await Promise.all([
    request.get(scene.article.path),
    request.get(scene.article.path, { headers: { RSC: '1' } }),
    request.get(`/api/articles/${slug}/comments?limit=200`),
    request.get(`/api/articles/${slug}/comments/${scene.hiddenId}`),
  ]);
  for (const answer of answers) expect(answer.status(), answer.url()).toBe(200);
  return Promise.all(answers.map((answer) => answer.text()));
}

test('a moderator hides a reply with a public explanation; an anonymous reader sees the tombstone and the replies under it, never the text', async ({ page, openPage, request }) => {
  const scene = await setScene(page);
  await hideThroughThread(page, scene.hiddenId, 'Harassment', EXPLANATION, INTERNAL_NOTE);

  // The moderator's own card: the reader's tombstone, and the text still there for them, with who, when and why.
  const moderatorCard = cardById(page, scene.hiddenId);
  await expect(moderatorCard.getByText('Hidden by moderators — Harassment', { exact: true })).toBeVisible();
  const controls = moderatorControls(moderatorCard);
  await expect(controls.getByRole('button', { name: 'Unhide', exact: true }), 'focus returns to the button that opened the form').toBeFocused();
  await expect(controls.getByText(`Hidden by ${scene.moderator.email}`)).toBeVisible();
  await expect(controls.getByText(SECRET_TEXT)).toBeVisible();
  await expect(controls.getByText(`Internal note: ${INTERNAL_NOTE}`)).toBeVisible();
  await expect.poll(() => commentRow(e2eDb(), scene.hiddenId)?.status).toBe('hidden');

  const reader = await openPage();
  await reader.goto(scene.article.path);
  const tombstone = reader.getByRole('article', { name: 'Comment not shown', exact: true });
  await expect(tombstone.getByRole('paragraph').nth(0)).toHaveText('Hidden by moderators — Harassment');
  await expect(tombstone.getByRole('paragraph').nth(1)).toHaveText(EXPLANATION);
  await expect(commentCard(branchOf(tombstone), scene.replier.displayName, 'Please keep it civil.')).toBeVisible();
  await expect(reader.getByRole('button', { name: 'Hide', exact: true })).toHaveCount(0);

  expect(await reader.content()).not.toContain(SECRET_TEXT);
  for (const sent of await everythingSentToAnonymous(request, scene)) {
    expect(sent).not.toContain(SECRET_TEXT);
    expect(sent).not.toContain(INTERNAL_NOTE);
    expect(sent).not.toContain(scene.moderator.email);
  }
  const json = await (await request.get(`/api/articles/${scene.article.slug}/comments?limit=200`)).json();
  expect(json.comments.find((comment: { id: number }) => comment.id === scene.hiddenId)).toMatchObject({
    status: 'hidden', body: null, hiddenReason: 'harassment', hiddenExplanation: EXPLANATION,
  });
  expect(JSON.stringify(json)).not.toContain('"moderation"');
});

test('a public note shows to readers as “Moderator note”; an internal one is not sent to them', async ({ page, openPage, request }) => {
  const scene = await setScene(page);
  await annotateThroughThread(page, scene.hiddenId, /^Public/, PUBLIC_NOTE);
  await annotateThroughThread(page, scene.hiddenId, /^Internal/, INTERNAL_ANNOTATION);
  const notes = moderatorControls(cardById(page, scene.hiddenId)).getByRole('list', { name: 'Notes on this reply' });
  await expect(notes.getByRole('listitem')).toHaveCount(2);
  await expect(notes.getByRole('button', { name: 'Remove note', exact: true })).toHaveCount(2);

  const reader = await openPage();
  await reader.goto(scene.article.path);
  const card = commentCard(reader, scene.author.displayName, SECRET_TEXT);
  const publicNotes = card.getByRole('list', { name: 'Moderator notes' });
  await expect(publicNotes.getByRole('listitem')).toHaveCount(1);
  await expect(publicNotes.getByText('Moderator note', { exact: true })).toBeVisible();
  await expect(publicNotes.getByText(PUBLIC_NOTE)).toBeVisible();
  expect(await reader.content()).not.toContain(INTERNAL_ANNOTATION);
  for (const sent of await everythingSentToAnonymous(request, scene)) expect(sent).not.toContain(INTERNAL_ANNOTATION);

  // Removed: gone for the reader on the next load as well.
  await notes.getByRole('listitem').filter({ hasText: PUBLIC_NOTE }).getByRole('button', { name: 'Remove note' }).click();
  await expect(notes.getByRole('listitem')).toHaveCount(1);
  await expect.poll(() => logRowsAbout(e2eDb(), scene.hiddenId).map((row) => row.action)).toEqual(['annotation_added', 'annotation_added', 'annotation_removed']);
  await reader.reload();
  await expect(card).toBeVisible();
  await expect(card.getByText(PUBLIC_NOTE)).toHaveCount(0);
});

test('History lists every logged change to the reply, newest first, and its earlier texts', async ({ page }) => {
  const scene = await setScene(page);
  await hideThroughThread(page, scene.hiddenId, 'Harassment', EXPLANATION, INTERNAL_NOTE);
  await expect(moderatorControls(cardById(page, scene.hiddenId)).getByRole('button', { name: 'Unhide', exact: true })).toBeVisible();
  await annotateThroughThread(page, scene.hiddenId, /^Internal/, INTERNAL_ANNOTATION);

  const controls = moderatorControls(cardById(page, scene.hiddenId));
  await controls.getByRole('button', { name: 'History', exact: true }).click();
  const history = controls.getByRole('region', { name: 'History of this reply' });
  const entries = history.getByRole('list').first().getByRole('listitem').filter({ has: page.locator('time') });
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toContainText('Note added');
  await expect(entries.nth(0)).toContainText(`Internal note: ${INTERNAL_ANNOTATION}`);
  await expect(entries.nth(1)).toContainText('Hidden');
  await expect(entries.nth(1)).toContainText(scene.moderator.email);
  await expect(entries.nth(1)).toContainText('Reason: Harassment');
  await expect(entries.nth(1)).toContainText(`Public note: ${EXPLANATION}`);
  await expect(entries.nth(1)).toContainText('status: visible → hidden');

  await history.getByRole('button', { name: 'Close history', exact: true }).click();
  await expect(controls.getByRole('button', { name: 'History', exact: true })).toBeFocused();
});

test('hiding a reply another moderator hid meanwhile: refused, the card shows it as it is now and says who hid it', async ({ page }) => {
  const scene = await setScene(page);
  const other = await createAccount('moderator');
  hideAs(other, scene.hiddenId, 1, 'spam');

  await hideThroughThread(page, scene.hiddenId, 'Harassment', EXPLANATION, INTERNAL_NOTE);
  const controls = moderatorControls(cardById(page, scene.hiddenId));
  await expect(controls.getByRole('alert')).toContainText(`Hidden by ${other.email}`);
  await expect(controls.getByRole('form', { name: 'Hide this reply' }), 'the form closes: the reply changed under it').toHaveCount(0);
  await expect(cardById(page, scene.hiddenId).getByText('Hidden by moderators — Spam', { exact: true })).toBeVisible();
  await expect(controls.getByRole('button', { name: 'Unhide', exact: true })).toBeVisible();
  expect(logRowsAbout(e2eDb(), scene.hiddenId).map((row) => [row.action, row.actor_name])).toEqual([['comment_hidden', other.email]]);
});

test.describe('a replayed hide request', () => {
  // The captured request is aborted on its way out, which Chromium reports in the console.
  test.use({ allowedConsoleErrors: [/net::ERR_FAILED/] });

  test('is refused with a reader’s session and with none, writing nothing; the moderator’s own session shows it was a real hide', async ({ page, openPage, playwright, baseURL }) => {
    const scene = await setScene(page);
    const target = postAs(scene.author, scene.article.id, 'A fresh reply nobody has moderated yet.', scene.article.importedIds[1]!);
    await page.reload();

    // The moderator really presses Hide; the browser's request is caught and aborted before the
    // server sees it, so the replays below send exactly those bytes (action id, arguments, version
    // as the moderator saw it) against a reply that is still visible at that version.
    const { caught } = await catchNextServerAction(page);
    await hideThroughThread(page, target.id, 'Spam', 'Advertising', 'Replayed later');
    const request = await caught;
    // The page took its change back and says the request failed.
    await expect(moderatorControls(cardById(page, target.id)).getByRole('alert')).toContainText('Something went wrong');
    await expect(moderatorControls(cardById(page, target.id)).getByRole('button', { name: 'Hide', exact: true })).toBeVisible();
    expect(request.headers['next-action']).toBeTruthy();
    expect(request.body.toString('utf8')).toContain(`"commentId":${target.id}`);

    const reader = await createAccount('reader');
    const readerPage = await openPage();
    await signIn(readerPage, reader.email, reader.password);
    const before = { comment: commentRow(e2eDb(), target.id), lastLogId: lastLogId(e2eDb()) };
    expect(before.comment).toMatchObject({ status: 'visible', version: 1 });

    const replay = async (cookie: string | null) => {
      // A context of its own for each replay: nothing carried over from another session's answers.
      const context = await playwright.request.newContext({ baseURL });
      const answer = await context.post(request.url, {
        headers: { ...request.headers, ...(cookie !== null && { cookie }) },
        data: request.body,
      });
      const text = await answer.text();
      await context.dispose();
      return { status: answer.status(), text };
    };

    for (const [who, cookie, code] of [
      ['a reader', await cookieHeaderOf(readerPage), 'FORBIDDEN'],
      ['no one', null, 'UNAUTHENTICATED'],
    ] as const) {
      const answer = await replay(cookie);
      expect(answer.status, `${who}: an answer, not a server error`).toBe(200);
      expect(answer.text, `${who}: the refusal`).toContain(code);
      expect(commentRow(e2eDb(), target.id), `${who}: the reply as it was`).toEqual(before.comment);
      expect(lastLogId(e2eDb()), `${who}: no log row`).toBe(before.lastLogId);
    }

    // The same bytes with the moderator's session hide the reply: what was refused was a real hide.
    const accepted = await replay(await cookieHeaderOf(page));
    expect(accepted.status).toBe(200);
    expect(commentRow(e2eDb(), target.id)).toMatchObject({ status: 'hidden', version: 2 });
    expect(logRowsAbout(e2eDb(), target.id).map((row) => row.action)).toEqual(['comment_hidden']);
  });
});
