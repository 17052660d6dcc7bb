// The moderation queue in the browser: a second moderator's queue shows the first one's action without a reload,
// a keyboard-only pass ends with the database as intended, the shortcuts and tab counts, and who is kept out.
import { reportRowsOf, commentRow, createArticle, postAs } from './support/comments';
import { expect, signIn, test } from './support/browser';
import { createAccount, e2eDb } from './support/e2e-db';
import { cardState, hideAs, insertOpenReport, openQueue, queueCard, reportAs } from './support/queue';

test.describe('the moderation queue', () => {
  test('a second moderator’s open queue shows the first moderator’s hide within 10 seconds', async ({ page, openPage }) => {
    const article = createArticle();
    const [author, reporter, first, second] = [
      await createAccount('reader'), await createAccount('reader'), await createAccount('moderator'), await createAccount('moderator'),
    ];
    const reply = postAs(author, article.id, 'Buy cheap watches at my shop');
    reportAs(reporter, reply.id);
    const other = await openPage();
    await signIn(page, first.email, first.password);
    await signIn(other, second.email, second.password);
    await openQueue(page, article.id);
    await openQueue(other, article.id);
    await expect(cardState(queueCard(other, 'Buy cheap watches at my shop'))).toContainText('Visible · not flagged · 1 open report');

    const card = queueCard(page, 'Buy cheap watches at my shop');
    await card.getByRole('button', { name: /^Hide/ }).click();
    await card.getByLabel('Spam').check();
    await card.getByRole('button', { name: 'Hide reply', exact: true }).click();
    await expect(cardState(card)).toContainText('Hidden (Spam)');
    await expect(cardState(card)).toContainText(/Hidden by you (just now|\d+ s ago)/);

    await expect(cardState(queueCard(other, 'Buy cheap watches at my shop'))).toContainText(`Hidden by ${first.email}`, { timeout: 10_000 });
    await expect(cardState(queueCard(other, 'Buy cheap watches at my shop'))).toContainText('Hidden (Spam) · not flagged · no open reports');
    expect(commentRow(e2eDb(), reply.id)).toMatchObject({ status: 'hidden', hidden_reason: 'spam' });
  });

  test('a keyboard-only pass through Reported (j, h with a digit and Enter, j, d, u) leaves the database as intended', async ({ page }) => {
    const db = e2eDb();
    const article = createArticle();
    const [author, reporter, lateReporter, moderator] = [
      await createAccount('reader'), await createAccount('reader'), await createAccount('reader'), await createAccount('moderator'),
    ];
    const rude = postAs(author, article.id, 'You are all idiots');
    const disputed = postAs(author, article.id, 'The figures were wrong last year');
    reportAs(reporter, rude.id, 'harassment');
    reportAs(reporter, disputed.id);
    hideAs(moderator, disputed.id);
    insertOpenReport(lateReporter, disputed.id);

    await signIn(page, moderator.email, moderator.password);
    await openQueue(page, article.id);
    const rudeCard = queueCard(page, 'You are all idiots');
    const disputedCard = queueCard(page, 'The figures were wrong last year');
    await expect(cardState(disputedCard)).toContainText('Hidden (Spam) · not flagged · 1 open report');

    await page.keyboard.press('j');
    await expect(rudeCard).toBeFocused();
    await page.keyboard.press('h');
    await expect(rudeCard.getByRole('radio', { name: /Spam/ })).toBeFocused();
    await page.keyboard.press('2');
    await expect(rudeCard.getByRole('radio', { name: /Harassment/ })).toBeChecked();
    await page.keyboard.press('Enter');
    await expect(rudeCard).toBeFocused();
    await page.keyboard.press('j');
    await expect(disputedCard).toBeFocused();
    await page.keyboard.press('d');
    await page.keyboard.press('u');

    await expect.poll(() => commentRow(db, rude.id)?.status).toBe('hidden');
    await expect.poll(() => commentRow(db, disputed.id)?.status).toBe('visible');
    expect(commentRow(db, rude.id)).toMatchObject({ hidden_reason: 'harassment' });
    expect(reportRowsOf(db, rude.id).map((report) => report.resolution)).toEqual(['hidden']);
    expect(reportRowsOf(db, disputed.id).map((report) => report.resolution)).toEqual(['hidden', 'dismissed']);

    // After the page's next refresh (every 5 s) nothing old shows through.
    await page.waitForResponse((response) => new URL(response.url()).pathname === '/api/moderation/queue');
    await page.waitForResponse((response) => new URL(response.url()).pathname === '/api/moderation/queue');
    await expect(cardState(rudeCard)).toContainText('Hidden (Harassment) · not flagged · no open reports. Hidden by you');
    await expect(cardState(disputedCard)).toContainText('Visible · not flagged · no open reports. Unhidden by you');
    await expect(page.getByRole('alert').filter({ hasText: /./ })).toHaveCount(0);
  });
});

test.describe('around the queue', () => {
  test('? lists the shortcuts, the tabs show their counts', async ({ page }) => {
    const article = createArticle();
    const [author, reporter, moderator] = [await createAccount('reader'), await createAccount('reader'), await createAccount('moderator')];
    const reported = postAs(author, article.id, 'Reported once');
    const hidden = postAs(author, article.id, 'Hidden already');
    reportAs(reporter, reported.id);
    hideAs(moderator, hidden.id);
    await signIn(page, moderator.email, moderator.password);
    await openQueue(page, article.id);

    const tabs = page.getByRole('navigation', { name: 'Queue tabs' });
    await expect(tabs.getByRole('link', { name: 'Reported (1)' })).toHaveAttribute('aria-current', 'page');
    await expect(tabs.getByRole('link', { name: 'Flagged (0)' })).toBeVisible();
    await expect(tabs.getByRole('link', { name: 'Hidden (1)' })).toBeVisible();
    await expect(tabs.getByRole('link', { name: 'New (2)' })).toBeVisible();

    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('Next / previous reply');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    await tabs.getByRole('link', { name: 'Hidden (1)' }).click();
    await expect(queueCard(page, 'Hidden already')).toBeVisible();
    await expect(queueCard(page, 'Reported once')).toHaveCount(0);
  });

  test.describe('a reader', () => {
    test.use({
      // Chromium reports the 403 answer as a failed resource load; nothing else may fail.
      allowedConsoleErrors: [/^Failed to load resource: the server responded with a status of 403 \(Forbidden\) \(http:\/\/[^/]+\/moderation(\?[^)]*)?\)$/],
    });

    test('gets the 403 page, and anonymous visitors are sent to sign in', async ({ page }) => {
      await page.goto('/moderation');
      await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fmoderation/);
      const reader = await createAccount('reader');
      await signIn(page, reader.email, reader.password);
      const response = await page.goto('/moderation');
      expect(response?.status()).toBe(403);
      await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Moderation' })).toHaveCount(0);
    });
  });
});
