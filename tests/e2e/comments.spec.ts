// Readers' comments in the browser: posting and replying (shown at once, in place), plain text only,
// editing within 15 minutes, deleting, what other readers see of a deleted comment and of a
// lookalike link, reporting, closing an article, what anonymous visitors see, new comments held
// back behind a bar, and the posting limit. Each test has an article and accounts of its own, so
// that the seed article's thread (checked by thread.spec.ts) stays as imported and no test depends
// on another.
import type { Locator, Page } from '@playwright/test';
import { setCommentsOpen } from '@/lib/articles/set-comments-open';
import { deleteComment } from '@/lib/comments/delete-comment';
import { userActor } from '@/tests/support/accounts';
import { accountBar, expect, signIn, submitSignIn, test } from './support/browser';
import {
  articleRow, branchOf, commentCard, commentRow, createArticle, formAlert, holdServerActions, newCommentForm,
  openSecondTab, parentTextOf, postAs, readerCommentRows, reportRowsOf, revisionRowsOf, submitComment, submitReply, triggerRefresh,
} from './support/comments';
import { createAccount, e2eDb, lastLogId, logRows } from './support/e2e-db';

const MINUTE = 60_000;

/** A comment the server has stored: it has its permalink, and no longer says "Posting…". */
async function expectSettled(card: Locator) {
  await expect(card.getByRole('link', { name: 'Link', exact: true })).toBeVisible();
  await expect(card.getByText('Posting…')).toHaveCount(0);
}

/** The comment body's paragraph, whose innerText is the text as the reader typed it. */
const paragraphOf = (card: Locator) => card.getByRole('paragraph');

test.describe('posting and replying', () => {
  test('a comment and a reply to a reply appear at once in their place, and stay nested after a reload', async ({ page }) => {
    const db = e2eDb();
    const article = createArticle();
    const reader = await createAccount('reader');
    const texts = {
      top: 'A first thought on this article.',
      reply: 'Answering my own first thought.',
      replyToReply: 'And a second answer, one level deeper.',
    };
    await signIn(page, reader.email, reader.password);
    await page.goto(article.path);
    await expect(page.getByRole('heading', { name: '2 comments', exact: true })).toBeVisible();

    // The server's answer is held back, so what shows before it is the page's own doing.
    const release = await holdServerActions(page);
    await submitComment(page, texts.top);
    const top = commentCard(page, reader.displayName, texts.top);
    await expect(top.getByText('Posting…', { exact: true })).toBeVisible();
    await expect(top.getByRole('button', { name: 'Reply', exact: true }), 'no reply to a comment not stored yet').toHaveCount(0);
    release();
    await expectSettled(top);
    await expect(page.getByLabel('Write a comment', { exact: true }), 'the form empties once stored').toHaveValue('');
    expect(await parentTextOf(top)).toBeNull();

    await submitReply(top, texts.reply);
    const reply = commentCard(page, reader.displayName, texts.reply);
    await expectSettled(reply);
    await expect(top.getByLabel('Your reply'), 'the reply form closes once stored').toHaveCount(0);
    await expect(commentCard(branchOf(top), reader.displayName, texts.reply)).toBeVisible();
    expect(await parentTextOf(reply)).toBe(texts.top);

    // A reply to a reply, held again: it is already in its place, under the reply it answers.
    const releaseReply = await holdServerActions(page);
    await submitReply(reply, texts.replyToReply);
    const replyToReply = commentCard(page, reader.displayName, texts.replyToReply);
    await expect(commentCard(branchOf(reply), reader.displayName, texts.replyToReply).getByText('Posting…', { exact: true })).toBeVisible();
    expect(await parentTextOf(replyToReply)).toBe(texts.reply);
    releaseReply();
    await expectSettled(replyToReply);
    await expect(commentCard(branchOf(reply), reader.displayName, texts.replyToReply)).toBeVisible();
    await expect(commentCard(branchOf(top), reader.displayName, texts.replyToReply)).toBeVisible();
    expect(await parentTextOf(replyToReply)).toBe(texts.reply);
    await expect(page.getByRole('heading', { name: '5 comments', exact: true })).toBeVisible();

    await page.reload();
    await expect(replyToReply).toBeVisible();
    expect(await parentTextOf(top)).toBeNull();
    expect(await parentTextOf(reply)).toBe(texts.top);
    expect(await parentTextOf(replyToReply)).toBe(texts.reply);
    await expect(commentCard(branchOf(top), reader.displayName, texts.replyToReply)).toBeVisible();
    await expect(page.getByRole('heading', { name: '5 comments', exact: true })).toBeVisible();

    const rows = readerCommentRows(db, article.id);
    expect(rows).toEqual([
      expect.objectContaining({ parent_id: null, depth: 0, author_id: reader.id, body: texts.top }),
      expect.objectContaining({ parent_id: rows[0]?.id, depth: 1, author_id: reader.id, body: texts.reply }),
      expect.objectContaining({ parent_id: rows[1]?.id, depth: 2, author_id: reader.id, body: texts.replyToReply }),
    ]);
  });

  test('from the keyboard: Reply, type, Ctrl+Enter sends; Escape closes a reply form', async ({ page }) => {
    const db = e2eDb();
    const article = createArticle();
    const reader = await createAccount('reader');
    await signIn(page, reader.email, reader.password);
    await page.goto(article.path);

    const first = page.getByRole('article').filter({ hasText: 'Imported comment 1' });
    await first.getByRole('button', { name: 'Reply', exact: true }).click();
    await expect(page.getByLabel('Your reply', { exact: true })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByLabel('Your reply', { exact: true })).toHaveCount(0);
    await expect(first.getByRole('button', { name: 'Reply', exact: true }), 'focus goes back where it was').toBeFocused();

    await first.getByRole('button', { name: 'Reply', exact: true }).click();
    await page.keyboard.type('Sent without touching the mouse.');
    await page.keyboard.press('Control+Enter');
    await expectSettled(commentCard(page, reader.displayName, 'Sent without touching the mouse.'));
    await expect(page.getByLabel('Your reply', { exact: true })).toHaveCount(0);
    await expect(first.getByRole('button', { name: 'Reply', exact: true })).toBeFocused();
    expect(readerCommentRows(db, article.id).map((row) => [row.parent_id, row.body])).toEqual([
      [article.importedIds[0], 'Sent without touching the mouse.'],
    ]);
  });

  test('markup and scripts in a comment are shown as the text typed; only the https address becomes a link', async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    const db = e2eDb();
    const article = createArticle();
    const reader = await createAccount('reader');
    const url = 'https://example.org/reading?topic=1&page=2';
    const text = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '<a href="javascript:alert(1)">x</a>',
      'javascript:alert(1)',
      '&lt;b&gt; &amp;',
      `Worth reading: ${url} today`,
    ].join('\n');

    await signIn(page, reader.email, reader.password);
    await page.goto(article.path);
    await submitComment(page, text);
    const card = commentCard(page, reader.displayName, '<script>alert(1)</script>');

    const expectShownAsTyped = async () => {
      await expectSettled(card);
      await expect(paragraphOf(card)).toHaveCount(1);
      await expect(paragraphOf(card)).toHaveJSProperty('innerText', text);
      await expect(card.locator('img, script')).toHaveCount(0);
      const links = paragraphOf(card).getByRole('link');
      await expect(links).toHaveCount(1);
      await expect(links).toHaveText(url);
      await expect(links).toHaveAttribute('href', url);
      await expect(links).toHaveAttribute('rel', 'nofollow ugc noopener noreferrer');
    };
    await expectShownAsTyped();
    expect(readerCommentRows(db, article.id).map((row) => row.body)).toEqual([text]);

    await page.reload();
    await expectShownAsTyped();
    expect(dialogs, 'no script in the comment ran').toEqual([]);
  });
});

test.describe('editing and deleting one’s own comment', () => {
  test('an edit within 15 minutes changes the text in place and marks it edited; after 15 minutes Edit is gone', async ({ page }) => {
    const db = e2eDb();
    const article = createArticle();
    const reader = await createAccount('reader');
    const original = 'The vote is on Tuesday.';
    const corrected = 'The vote is on Wednesday, not Tuesday as I first wrote.';
    await signIn(page, reader.email, reader.password);
    await page.goto(article.path);
    await submitComment(page, original);
    const card = page.getByRole('article', { name: `Comment by ${reader.displayName}`, exact: true });
    await expectSettled(card);
    await expect(card.getByText('edited', { exact: true })).toHaveCount(0);

    await card.getByRole('button', { name: 'Edit', exact: true }).click();
    const field = card.getByLabel('Edit your comment', { exact: true });
    await expect(field).toHaveValue(original);
    await field.fill(corrected);
    await card.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(field).toHaveCount(0);
    await expect(paragraphOf(card)).toHaveText(corrected);
    await expect(card.getByText('edited', { exact: true })).toBeVisible();

    await page.reload();
    await expect(paragraphOf(card)).toHaveText(corrected);
    await expect(card.getByText('edited', { exact: true })).toBeVisible();

    const [row] = readerCommentRows(db, article.id);
    expect(commentRow(db, row!.id)).toMatchObject({ body: corrected, version: 2, edited_at: expect.any(String) });
    expect(revisionRowsOf(db, row!.id)).toEqual([
      expect.objectContaining({ version: 1, body: original }),
    ]);

    // The edit form is open when the 15 minutes run out: the server refuses and the text stays.
    await card.getByRole('button', { name: 'Edit', exact: true }).click();
    await field.fill('A third version that comes too late.');
    db.$client.prepare('UPDATE comments SET created_at = ? WHERE id = ?').run(new Date(Date.now() - 16 * MINUTE).toISOString(), row!.id);
    await card.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(formAlert(card.locator('form'))).toHaveText('Comments can be edited for 15 minutes after posting, and that time has passed.');
    expect(commentRow(db, row!.id)).toMatchObject({ body: corrected, version: 2 });

    await page.reload();
    await expect(paragraphOf(card)).toHaveText(corrected);
    await expect(card.getByRole('button', { name: 'Delete', exact: true })).toBeVisible();
    await expect(card.getByRole('button', { name: 'Edit', exact: true })).toHaveCount(0);
  });

  test('a deleted comment becomes “Deleted by its author.” with its reply still under it, and its text leaves the page', async ({ page }) => {
    const db = e2eDb();
    const article = createArticle();
    const author = await createAccount('reader');
    const replier = await createAccount('reader');
    const deletedText = 'A comment I will regret, number 8e1f.';
    const replyText = 'A reply that stays when the comment it answers goes.';
    const comment = postAs(author, article.id, deletedText);
    postAs(replier, article.id, replyText, comment.id);

    await signIn(page, author.email, author.password);
    await page.goto(article.path);
    const card = commentCard(page, author.displayName, deletedText);
    const reply = commentCard(page, replier.displayName, replyText);
    await expect(commentCard(branchOf(card), replier.displayName, replyText)).toBeVisible();

    await card.getByRole('button', { name: 'Delete', exact: true }).click();
    const confirm = card.getByRole('group', { name: 'Delete this comment' });
    await expect(confirm).toContainText('the replies under it stay');
    await confirm.getByRole('button', { name: 'Delete comment', exact: true }).click();

    const tombstone = page.getByRole('article', { name: 'Comment not shown', exact: true });
    const expectDeletedInPlace = async () => {
      await expect(tombstone).toHaveText('Deleted by its author.');
      await expect(page.getByText(deletedText)).toHaveCount(0);
      await expect(commentCard(branchOf(tombstone), replier.displayName, replyText)).toBeVisible();
      await expect(reply.getByRole('button', { name: 'Report', exact: true })).toBeVisible();
    };
    await expectDeletedInPlace();

    await page.reload();
    await expectDeletedInPlace();
    expect(await page.content()).not.toContain(deletedText);
    const api = await page.request.get(`/api/articles/${article.slug}/comments?limit=200`);
    expect(api.ok()).toBe(true);
    const json = await api.text();
    expect(json).toContain(replyText);
    expect(json).not.toContain(deletedText);

    // Kept for moderators, never sent to readers.
    expect(commentRow(db, comment.id)).toMatchObject({ status: 'deleted', body: deletedText, version: 2 });
  });
});

test.describe('what other readers see', () => {
  test('a comment deleted by its author is a tombstone with no name, and the name is in neither the page nor the JSON', async ({ page }) => {
    const db = e2eDb();
    const article = createArticle();
    const author = await createAccount('reader', { displayName: 'Withdrawn Wanda 5c2d' });
    const reader = await createAccount('reader');
    const comment = postAs(author, article.id, 'Something Wanda takes back.');
    expect(deleteComment(db, userActor(db, author.id), { commentId: comment.id })).toMatchObject({ ok: true });

    const expectNoName = async () => {
      await page.goto(article.path);
      const tombstone = page.getByRole('article', { name: 'Comment not shown', exact: true });
      await expect(tombstone).toHaveText('Deleted by its author.');
      await expect(page.getByText(author.displayName)).toHaveCount(0);
      // The HTML carries the React payload the thread hydrates from.
      expect(await page.content()).not.toContain(author.displayName);
      const api = await page.request.get(`/api/articles/${article.slug}/comments?limit=200`);
      expect(api.ok()).toBe(true);
      expect(await api.json()).toMatchObject({ comments: expect.arrayContaining([expect.objectContaining({ id: comment.id, status: 'deleted', authorName: null })]) });
      const branch = await page.request.get(`/api/articles/${article.slug}/comments/${comment.id}`);
      expect(branch.ok()).toBe(true);
      expect(await branch.text()).not.toContain(author.displayName);
    };
    await expectNoName();
    await signIn(page, reader.email, reader.password);
    await expectNoName();
  });

  test('a link whose host passes for another shows the host in punycode; a host wholly in one script reads as typed', async ({ page }) => {
    const article = createArticle();
    const author = await createAccount('reader');
    const lookalike = 'https://\u0430pple.com/signin'; // a Cyrillic а
    const cyrillic = 'https://пример.рф/новости';
    postAs(author, article.id, `Sign in at ${lookalike} or read ${cyrillic}`);

    await page.goto(article.path);
    const links = commentCard(page, author.displayName, 'Sign in at').getByRole('paragraph').getByRole('link');
    await expect(links).toHaveText(['https://xn--pple-43d.com/signin', cyrillic]);
    await expect(links.first()).toHaveAttribute('href', 'https://xn--pple-43d.com/signin');
    await expect(links.last()).toHaveAttribute('href', new URL(cyrillic).href);
  });
});

test.describe('reporting', () => {
  test('a reader reports a comment with a reason and a note, sees “Reported”, and cannot report it twice', async ({ page, openPage }) => {
    const db = e2eDb();
    const article = createArticle();
    const author = await createAccount('reader');
    const reader = await createAccount('reader');
    const text = 'Buy cheap watches at my shop, best prices anywhere!';
    const comment = postAs(author, article.id, text);

    // The author sees Edit and Delete on their own comment, but no Report; other comments they may report.
    const authorPage = await openPage();
    await signIn(authorPage, author.email, author.password);
    await authorPage.goto(article.path);
    const ownCard = commentCard(authorPage, author.displayName, text);
    await expect(ownCard.getByRole('button', { name: 'Delete', exact: true })).toBeVisible();
    await expect(ownCard.getByRole('button', { name: 'Report', exact: true })).toHaveCount(0);
    await expect(authorPage.getByRole('button', { name: 'Report', exact: true })).toHaveCount(article.importedIds.length);

    await signIn(page, reader.email, reader.password);
    await page.goto(article.path);
    // The same reader's second tab, opened before the report is sent.
    const { tab: secondTab, consoleErrors } = await openSecondTab(page);
    await secondTab.goto(article.path);
    const cardInSecondTab = commentCard(secondTab, author.displayName, text);
    await expect(cardInSecondTab.getByRole('button', { name: 'Report', exact: true })).toBeVisible();

    const card = commentCard(page, author.displayName, text);
    await card.getByRole('button', { name: 'Report', exact: true }).click();
    const form = card.getByRole('form', { name: 'Report this comment' });
    await expect(form.getByRole('radio')).toHaveCount(6);
    await form.getByRole('radio', { name: 'Spam', exact: true }).check();
    await form.getByLabel('Note for the moderators (optional)', { exact: true }).fill('  The same advert as yesterday.  ');
    await form.getByRole('button', { name: 'Send report', exact: true }).click();
    await expect(form).toHaveCount(0);
    await expect(card.getByText('Reported', { exact: true })).toBeVisible();
    await expect(card.getByRole('button', { name: 'Report', exact: true })).toHaveCount(0);

    await page.reload();
    await expect(card.getByText('Reported', { exact: true })).toBeVisible();
    await expect(card.getByRole('button', { name: 'Report', exact: true })).toHaveCount(0);

    const reportsOfComment = () => reportRowsOf(db, comment.id);
    expect(reportsOfComment()).toEqual([
      expect.objectContaining({ reporter_id: reader.id, reason: 'spam', note: 'The same advert as yesterday.', resolved_at: null }),
    ]);

    // The second tab still offers Report; sending it is refused, and the tab learns it was reported.
    await cardInSecondTab.getByRole('button', { name: 'Report', exact: true }).click();
    const secondForm = cardInSecondTab.getByRole('form', { name: 'Report this comment' });
    await secondForm.getByRole('radio', { name: 'Harassment', exact: true }).check();
    await secondForm.getByRole('button', { name: 'Send report', exact: true }).click();
    await expect(formAlert(secondForm)).toHaveText('You already reported this comment. Moderators will look at it.');
    await expect(cardInSecondTab.getByText('Reported', { exact: true })).toBeVisible();
    expect(reportsOfComment(), 'still the one report').toHaveLength(1);
    expect(consoleErrors, 'console errors in the second tab').toEqual([]);
  });
});

test.describe('closed articles', () => {
  test('a comment posted after the article was closed behind the page’s back is taken back, and the form keeps its text', async ({ page }) => {
    const db = e2eDb();
    const article = createArticle();
    const owner = await createAccount('owner');
    const reader = await createAccount('reader');
    const text = 'Posted just as the doors closed.';
    await signIn(page, reader.email, reader.password);
    await page.goto(article.path);
    await expect(page.getByLabel('Write a comment', { exact: true })).toBeVisible();

    const closed = setCommentsOpen(db, userActor(db, owner.id), { articleId: article.id, open: false });
    expect(closed).toEqual({ ok: true, commentsOpen: false });

    const release = await holdServerActions(page);
    await submitComment(page, text);
    const card = commentCard(page, reader.displayName, text);
    await expect(card.getByText('Posting…', { exact: true })).toBeVisible();
    release();
    await expect(card).toHaveCount(0);
    await expect(formAlert(newCommentForm(page))).toHaveText('Comments are closed on this article.');
    await expect(page.getByLabel('Write a comment', { exact: true })).toHaveValue(text);
    // The refusal refreshed the thread: the page now says comments are closed and offers no Reply.
    await expect(page.getByText('Comments are closed.', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Reply', exact: true })).toHaveCount(0);
    expect(readerCommentRows(db, article.id), 'nothing stored').toEqual([]);
    expect(articleRow(db, article.id)?.comment_count).toBe(2);
  });

  test('an owner closes comments on the article page; a reader’s open page loses its form and Reply buttons on refresh', async ({ page, openPage }) => {
    const db = e2eDb();
    const article = createArticle();
    const owner = await createAccount('owner');
    const reader = await createAccount('reader');
    const logBefore = lastLogId(db);

    const readerPage = await openPage();
    await signIn(readerPage, reader.email, reader.password);
    await readerPage.goto(article.path);
    await expect(readerPage.getByLabel('Write a comment', { exact: true })).toBeVisible();
    await expect(readerPage.getByRole('button', { name: 'Reply', exact: true })).toHaveCount(2);
    await expect(readerPage.getByRole('button', { name: 'Close comments' }), 'only owners may close').toHaveCount(0);

    await signIn(page, owner.email, owner.password);
    await page.goto(article.path);
    await page.getByRole('button', { name: 'Close comments', exact: true }).click();
    await expect(page.getByText('Comments are now closed.', { exact: true })).toBeVisible();
    await expect(page.getByText('Comments are closed.', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Reopen comments', exact: true })).toBeVisible();
    await expect(page.getByLabel('Write a comment', { exact: true })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Reply', exact: true })).toHaveCount(0);
    expect(articleRow(db, article.id)?.comments_open).toBe(0);

    await triggerRefresh(readerPage, article.slug);
    await expect(readerPage.getByText('Comments are closed.', { exact: true })).toBeVisible();
    await expect(readerPage.getByLabel('Write a comment', { exact: true })).toHaveCount(0);
    await expect(readerPage.getByRole('button', { name: 'Reply', exact: true })).toHaveCount(0);
    await expect(readerPage.getByRole('button', { name: 'Report', exact: true }), 'reporting goes on').toHaveCount(2);

    await page.getByRole('button', { name: 'Reopen comments', exact: true }).click();
    await expect(page.getByText('Comments are open again.', { exact: true })).toBeVisible();
    await expect(page.getByLabel('Write a comment', { exact: true })).toBeVisible();
    expect(articleRow(db, article.id)?.comments_open).toBe(1);

    await triggerRefresh(readerPage, article.slug);
    await expect(readerPage.getByLabel('Write a comment', { exact: true })).toBeVisible();
    await expect(readerPage.getByRole('button', { name: 'Reply', exact: true })).toHaveCount(2);

    expect(logRows(db, logBefore).map((row) => ({ action: row.action, actor_id: row.actor_id, target_id: row.target_id }))).toEqual([
      { action: 'comments_closed', actor_id: owner.id, target_id: article.id },
      { action: 'comments_opened', actor_id: owner.id, target_id: article.id },
    ]);
  });
});

test.describe('anonymous visitors', () => {
  test('see no form, and “Sign in to reply” brings them back to the article with the form', async ({ page }) => {
    const article = createArticle();
    const reader = await createAccount('reader');
    await page.goto(article.path);
    await expect(page.getByText('Imported comment 1', { exact: false })).toBeVisible();
    await expect(page.getByLabel('Write a comment', { exact: true })).toHaveCount(0);
    for (const action of ['Reply', 'Report', 'Edit', 'Delete']) {
      await expect(page.getByRole('button', { name: action, exact: true }), action).toHaveCount(0);
    }

    const signInLink = page.getByRole('link', { name: 'Sign in to reply', exact: true });
    await expect(signInLink).toHaveAttribute('href', `/signin?${new URLSearchParams({ callbackUrl: `${article.path}#comments` })}`);
    await signInLink.click();
    await expect(page).toHaveURL((url) => url.pathname === '/signin');
    await submitSignIn(page, reader.email, reader.password);
    await expect(page).toHaveURL((url) => url.pathname === article.path);
    await expect(accountBar(page)).toContainText(`Signed in as ${reader.displayName}`);
    await expect(page.getByLabel('Write a comment', { exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Sign in to reply' })).toHaveCount(0);
  });
});

test.describe('new comments while the page is open', () => {
  /** The bar that holds back other people's new comments. */
  const newCommentsBar = (page: Page, count: number) =>
    page.getByRole('button', { name: `${count} new ${count === 1 ? 'comment' : 'comments'} — show`, exact: true });

  test('another reader’s comment waits behind “1 new comment — show”; the reader’s own never do', async ({ page }) => {
    const article = createArticle();
    const reader = await createAccount('reader');
    const other = await createAccount('reader');
    await signIn(page, reader.email, reader.password);
    await page.goto(article.path);

    const othersText = 'Meanwhile, in another browser, someone else wrote this.';
    postAs(other, article.id, othersText);
    await triggerRefresh(page, article.slug);
    await expect(newCommentsBar(page, 1)).toBeVisible();
    await expect(commentCard(page, other.displayName, othersText)).toHaveCount(0);

    await newCommentsBar(page, 1).click();
    await expect(commentCard(page, other.displayName, othersText)).toBeVisible();
    await expect(page.getByRole('button', { name: /new comments? — show$/ })).toHaveCount(0);

    // Another one from someone else, the reader's own from this page, and one from their other tab.
    const othersSecond = 'A second comment from the other reader.';
    const ownHere = 'My own comment, from this page.';
    const ownElsewhere = 'My own comment, from my other tab.';
    postAs(other, article.id, othersSecond);
    await submitComment(page, ownHere);
    await expectSettled(commentCard(page, reader.displayName, ownHere));
    postAs(reader, article.id, ownElsewhere);
    await triggerRefresh(page, article.slug);
    await expect(newCommentsBar(page, 1)).toBeVisible();
    await expect(commentCard(page, reader.displayName, ownHere)).toBeVisible();
    await expect(commentCard(page, reader.displayName, ownElsewhere)).toBeVisible();
    await expect(commentCard(page, other.displayName, othersSecond)).toHaveCount(0);

    await newCommentsBar(page, 1).click();
    await expect(commentCard(page, other.displayName, othersSecond)).toBeVisible();
    await expect(page.getByRole('heading', { name: '6 comments', exact: true })).toBeVisible();
  });

  test('a held-back reply leaves its parent looking whole: no “Continue this thread”, no count of it', async ({ page }) => {
    const article = createArticle();
    const reader = await createAccount('reader');
    const other = await createAccount('reader');
    await signIn(page, reader.email, reader.password);
    await page.goto(article.path);
    await expect(page.getByRole('heading', { name: '2 comments', exact: true })).toBeVisible();

    const replyText = 'A reply that arrives while the page is open.';
    postAs(other, article.id, replyText, article.importedIds[0]);
    await triggerRefresh(page, article.slug);
    await expect(newCommentsBar(page, 1)).toBeVisible();
    await expect(page.getByRole('link', { name: /Continue this thread/ })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: '2 comments', exact: true })).toBeVisible();

    await newCommentsBar(page, 1).click();
    await expect(commentCard(page, other.displayName, replyText)).toBeVisible();
    await expect(page.getByRole('heading', { name: '3 comments', exact: true })).toBeVisible();
  });
});

test.describe('the posting limit', () => {
  test('the sixth comment within a minute is refused with the wait, and taken back from the thread', async ({ page }) => {
    const db = e2eDb();
    const article = createArticle();
    const reader = await createAccount('reader');
    await signIn(page, reader.email, reader.password);
    await page.goto(article.path);

    for (let number = 1; number <= 5; number++) {
      const text = `Quick comment number ${number}.`;
      await submitComment(page, text);
      await expectSettled(commentCard(page, reader.displayName, text));
      await expect(page.getByLabel('Write a comment', { exact: true })).toHaveValue('');
    }
    const sixth = 'Quick comment number 6, one too many.';
    await submitComment(page, sixth);
    await expect(formAlert(newCommentForm(page))).toHaveText(/^You can post 5 comments a minute\. You can post again in (\d+ seconds?|1 minute)\.$/);
    await expect(commentCard(page, reader.displayName, sixth)).toHaveCount(0);
    await expect(page.getByLabel('Write a comment', { exact: true })).toHaveValue(sixth);
    expect(readerCommentRows(db, article.id)).toHaveLength(5);
  });
});
