// The moderation queue in the browser: a second moderator's queue shows the first one's action without a reload,
// a keyboard-only pass ends with the database as intended, twenty keyboard actions held pending never show a stale card,
// the shortcuts and tab counts, and who is kept out.
import { reportRowsOf, commentRow, createArticle, postAs } from './support/comments';
import { expect, signIn, test } from './support/browser';
import { createAccount, e2eDb, lastLogId, logRows } from './support/e2e-db';
import {
  cardState, hideAs, holdQueueActions, insertOpenReport, mostPendingAtOnce, openQueue, queueCard, queueSightings, reportAs, staleSightings,
  watchQueueCards, watchQueueRefreshes,
} from './support/queue';

test.describe('the moderation queue', () => {
  test('a second moderator’s open queue shows the first moderator’s hide by its second refresh (every 5 s), without a reload', async ({ page, openPage }) => {
    // Four accounts (a scrypt each), two sign-ins, and two refreshes 5 s apart.
    test.setTimeout(60_000);
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

    await expect.poll(() => commentRow(e2eDb(), reply.id)?.status).toBe('hidden');
    expect(commentRow(e2eDb(), reply.id)).toMatchObject({ status: 'hidden', hidden_reason: 'spam' });

    // The other page refreshes every 5 s without a reload: its first refresh after the hide finds the reply gone from
    // Reported, and the next one asks for it by id, as it is still shown, and brings its new state.
    for (const refresh of ['finds the reply gone from the tab', 'asks for the reply by id']) {
      const request = await other.waitForRequest((sent) => new URL(sent.url()).pathname === '/api/moderation/queue');
      expect((await request.response())?.status(), refresh).toBe(200);
    }
    await expect(cardState(queueCard(other, 'Buy cheap watches at my shop'))).toContainText(`Hidden by ${first.email}`);
    await expect(cardState(queueCard(other, 'Buy cheap watches at my shop'))).toContainText('Hidden (Spam) · not flagged · no open reports');
  });

  test('a keyboard-only pass through Reported (j, h with a digit and Enter, j, d, u) leaves the database as intended', async ({ page }) => {
    // Four accounts (a scrypt each), a sign-in, and two refreshes 5 s apart.
    test.setTimeout(60_000);
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

  test('twenty keyboard actions in a row, all pending while the queue refreshes, then answered one at a time, never show a card going back', async ({ page }) => {
    // Twenty replies posted and reported, sixty key presses, and the page's refreshes (every 5 s) waited for, twice
    // while everything is pending, once between the server acting and its answer, twice after the last answer.
    test.setTimeout(150_000);
    const db = e2eDb();
    const article = createArticle();
    // Posting allows 5 replies a minute per author.
    const authors = [await createAccount('reader'), await createAccount('reader'), await createAccount('reader'), await createAccount('reader')];
    const [reporter, moderator] = [await createAccount('reader'), await createAccount('moderator')];
    const replies = Array.from({ length: 20 }, (_, index) => postAs(authors[index % 4]!, article.id, `Queued reply ${index + 1}`));
    for (const reply of replies) reportAs(reporter, reply.id);
    // The 1st, 3rd… cards get their reports dismissed, the 2nd, 4th… are hidden as spam.
    const hides = (index: number) => index % 2 === 1;
    const expected = (index: number) => hides(index)
      ? { status: 'hidden', words: 'Hidden (Spam) · not flagged · no open reports.', reportsListed: false, latest: 'Hidden by you' }
      : { status: 'visible', words: 'Visible · not flagged · no open reports.', reportsListed: false, latest: 'Reports dismissed by you' };
    const before = { status: 'visible', words: 'Visible · not flagged · 1 open report.', reportsListed: true };
    const expectedFor = (commentId: number) => expected(replies.findIndex((reply) => reply.id === commentId));

    await signIn(page, moderator.email, moderator.password);
    await openQueue(page, article.id);
    const cards = page.locator('article.queue-card');
    const saving = cards.filter({ hasText: 'saving…' });
    await expect(cards).toHaveCount(20);
    expect(await cards.evaluateAll((all) => all.map((card) => Number(card.getAttribute('data-comment-id'))))).toEqual(replies.map((reply) => reply.id));
    const logBefore = lastLogId(db);
    const actions = await holdQueueActions(page);
    const refreshes = watchQueueRefreshes(page);
    await watchQueueCards(page);

    // Every action is held before it reaches the server: each one typed is one more card saving.
    refreshes.startPhase('typing');
    for (const index of replies.keys()) {
      await page.keyboard.press('j');
      if (!hides(index)) await page.keyboard.press('d');
      else for (const key of ['h', '1', 'Enter']) await page.keyboard.press(key);
      await expect(saving).toHaveCount(index + 1);
    }

    // All twenty pending while the queue refreshes twice from a server that has none of them.
    refreshes.startPhase('all pending');
    await expect.poll(() => refreshes.answeredIn('all pending'), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    await expect(saving).toHaveCount(20);
    expect(logRows(db, logBefore)).toEqual([]);

    // Out of order: the server acts on the first action, and a refresh tells the page before the action's answer does.
    const first = await actions.next();
    await first.toServer();
    await expect.poll(() => logRows(db, logBefore).length).toBe(1);
    await expect(cardState(cards.first())).toContainText(`${expected(0).words} ${expected(0).latest}`, { timeout: 30_000 });
    await expect(cardState(cards.first())).not.toContainText('saving…');
    await expect(saving).toHaveCount(19);
    await first.answer();

    // The nineteen others, answered one after another while the page keeps refreshing.
    await actions.releaseAll();
    await expect.poll(() => logRows(db, logBefore).length, { timeout: 60_000 }).toBe(20);
    await expect(saving).toHaveCount(0, { timeout: 30_000 });
    const answeredFrom = (await queueSightings(page)).length - 1;
    // Then watch on, without reloading, for two refreshes after the last answer.
    refreshes.startPhase('answered');
    await expect.poll(() => refreshes.answeredIn('answered'), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);

    const sightings = await queueSightings(page);
    expect(staleSightings(sightings, before, expectedFor, answeredFrom)).toEqual([]);
    expect(sightings.at(-1)!.cards).toHaveLength(20);
    expect(refreshes.failed()).toEqual([]);
    expect(mostPendingAtOnce(sightings), 'actions waiting for the server together').toBe(20);
    await expect(page.getByRole('alert').filter({ hasText: /./ })).toHaveCount(0);

    for (const [index, reply] of replies.entries()) {
      const resolutions = reportRowsOf(db, reply.id).map(({ resolution, resolved_by_id }) => ({ resolution, resolved_by_id }));
      if (hides(index)) {
        expect(commentRow(db, reply.id)).toMatchObject({ status: 'hidden', hidden_reason: 'spam', hidden_by_id: moderator.id });
        expect(resolutions).toEqual([{ resolution: 'hidden', resolved_by_id: moderator.id }]);
      } else {
        expect(commentRow(db, reply.id)).toMatchObject({ status: 'visible', hidden_reason: null });
        expect(resolutions).toEqual([{ resolution: 'dismissed', resolved_by_id: moderator.id }]);
      }
    }
    const log = logRows(db, logBefore).map(({ target_id, action, actor_id }) => ({ target_id, action, actor_id }));
    expect(log.sort((a, b) => a.target_id! - b.target_id!)).toEqual(replies.map((reply, index) => ({
      target_id: reply.id, action: hides(index) ? 'comment_hidden' : 'reports_dismissed', actor_id: moderator.id,
    })));

    // A reload agrees: nothing left to review here, and the New tab shows each reply as the queue did.
    await page.reload();
    await expect(page.locator('.moderation-queue[data-hydrated]')).toBeVisible();
    await expect(page.getByText('Nothing to review here for this article.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Hidden (10)' })).toBeVisible();
    await openQueue(page, article.id, 'new');
    for (const [index, reply] of replies.entries()) {
      const card = page.locator(`article.queue-card[data-comment-id="${reply.id}"]`);
      await expect(card).toHaveAttribute('data-status', expected(index).status);
      await expect(cardState(card)).toContainText(`${expected(index).words} ${expected(index).latest}`);
    }
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
