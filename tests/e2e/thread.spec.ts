import type { Page } from '@playwright/test';
import { E2E_DEEP_CHAIN, E2E_DEEP_SLUG, E2E_SYNTHETIC_SLUG } from '@/scripts/e2e-data';
import { expect, test } from './fixtures';
import { expectedSeedComments, SEED_SLUG, SEED_TITLE } from './seed-thread';

/** Every comment on the page: its text as rendered, its parent's text, and its nesting depth. */
async function renderedComments(page: Page) {
  return page.locator('.thread > .comment-list article.comment').evaluateAll((cards) =>
    cards.map((card) => {
      const textOf = (article: Element | null | undefined) => {
        const body = article?.querySelector(':scope > .comment-body');
        if (!body) return null;
        return [...body.querySelectorAll('p')].map((p) => (p as HTMLElement).innerText).join('\n\n');
      };
      const item = card.closest('li');
      const parentCard = item?.parentElement?.closest('li')?.querySelector(':scope > article.comment');
      let depth = 0;
      for (let list = item?.parentElement?.closest('li'); list; list = list.parentElement?.closest('li')) depth++;
      return { text: textOf(card), parentText: textOf(parentCard), depth };
    }),
  );
}

test('the home page lists the seed article with its date and comment count', async ({ page }) => {
  await page.goto('/');
  const entry = page.getByRole('listitem').filter({ hasText: SEED_TITLE });
  await expect(entry.getByRole('link', { name: SEED_TITLE })).toHaveAttribute('href', `/articles/${SEED_SLUG}`);
  await expect(entry).toContainText('December 2018');
  await expect(entry).toContainText('21 comments');
});

test('the article page shows every seed comment nested under the comment it answers', async ({ page }) => {
  await page.goto(`/articles/${SEED_SLUG}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_TITLE);
  await expect(page.getByText('Photo: Noticias Barquisimeto retrieved')).toBeVisible();
  await expect(page.getByText('Caracas Chronicles is 100% reader-supported')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: '21 comments' })).toBeVisible();

  const rendered = (await renderedComments(page)).filter((comment) => comment.text !== null);
  expect(rendered).toEqual(expectedSeedComments());
  await expect(page.getByText('This comment is no longer available.')).toHaveCount(1);
});

/** Collapses the "@Kathy" branch, checks what a reader sees, and expands it again. */
async function collapseAndExpandBranch(page: Page) {
  const branch = page.locator('li.comment-item').filter({
    has: page.locator(':scope > article', { hasText: '@Kathy: The Monroe Doctrine is alive and well' }),
  });
  const reply = page.getByText('You nailed it. And it shows how desperate Russia is');
  await expect(reply).toBeVisible();

  const toggle = branch.locator(':scope > details > summary');
  await toggle.getByText('Collapse').click();
  await expect(reply).toBeHidden();
  await expect(toggle.getByText('Expand (4 replies hidden)')).toBeVisible();
  await expect(toggle.getByText('Collapse')).toBeHidden();
  await expect(page.getByText('@Kathy: The Monroe Doctrine is alive and well')).toBeVisible();

  await toggle.getByText('Expand (4 replies hidden)').click();
  await expect(reply).toBeVisible();
  await expect(toggle.getByText('Collapse')).toBeVisible();
}

test('collapsing a branch hides its replies and says how many are hidden', async ({ page }) => {
  await page.goto(`/articles/${SEED_SLUG}`);
  await collapseAndExpandBranch(page);
});

test('"Load more comments" appends the next pages without reloading', async ({ page }) => {
  await page.goto(`/articles/${E2E_SYNTHETIC_SLUG}`);
  const topLevel = page.locator('.thread > .comment-list > li');
  await expect(topLevel).toHaveCount(50);
  await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));

  await page.getByRole('button', { name: 'Load more comments' }).click();
  await expect(topLevel).toHaveCount(100);
  await page.getByRole('button', { name: 'Load more comments' }).click();
  await expect(topLevel).toHaveCount(150);
  expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);

  const api = await page.request.get(`/api/articles/${E2E_SYNTHETIC_SLUG}/comments?limit=200`);
  const all = (await api.json()).comments.filter((comment: { depth: number }) => comment.depth === 0).length;
  while (await page.getByRole('button', { name: 'Load more comments' }).isVisible()) {
    await page.getByRole('button', { name: 'Load more comments' }).click();
    await expect(page.getByRole('button', { name: 'Loading comments…' })).toHaveCount(0);
  }
  await expect(topLevel).toHaveCount(all);
  await expect(page.getByText('That is every comment.')).toBeVisible();
});

test('a branch deeper than the page ends in "Continue this thread", which opens it with its context', async ({ page }) => {
  await page.goto(`/articles/${E2E_DEEP_SLUG}`);
  await expect(page.getByText('Level 8 of the chain.')).toBeVisible();
  await expect(page.getByText('Level 9 of the chain.')).toHaveCount(0);

  await page.getByRole('link', { name: `Continue this thread (${E2E_DEEP_CHAIN - 8} replies)` }).click();
  await expect(page).toHaveURL(/\/articles\/deep-e2e\/comments\/\d+$/);
  await expect(page.getByText(`Level ${E2E_DEEP_CHAIN} of the chain.`)).toBeVisible();
  const context = page.getByRole('region', { name: 'In reply to' });
  await expect(context.getByText('Level 0 of the chain.')).toBeVisible();
  await expect(context.getByText('Level 7 of the chain.')).toBeVisible();
});

test.describe('an unknown address', () => {
  test.use({ allowedConsoleErrors: [/status of 404/] });

  test('an unknown article gets the not-found page', async ({ page }) => {
    const response = await page.goto('/articles/no-such-article');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  });

  test('an unknown comment and a malformed page cursor get the not-found page', async ({ page }) => {
    for (const address of [`/articles/${SEED_SLUG}/comments/999999`, `/articles/${SEED_SLUG}/comments/abc`, `/articles/${SEED_SLUG}?after=zzz`]) {
      const response = await page.goto(address);
      expect(response?.status(), address).toBe(404);
      await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    }
  });
});

test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });

  test('the seed thread is complete and collapses natively', async ({ page }) => {
    await page.goto(`/articles/${SEED_SLUG}`);
    const rendered = (await renderedComments(page)).filter((comment) => comment.text !== null);
    expect(rendered).toEqual(expectedSeedComments());
    await collapseAndExpandBranch(page);
  });

  test('"Load more comments" is a link through every page', async ({ page }) => {
    await page.goto(`/articles/${E2E_SYNTHETIC_SLUG}`);
    const api = await page.request.get(`/api/articles/${E2E_SYNTHETIC_SLUG}/comments?limit=200`);
    const expectedIds = (await api.json()).comments.map((comment: { id: number }) => `comment-${comment.id}`);
    const seen: string[] = [];
    for (;;) {
      seen.push(...(await page.locator('.thread article.comment').evaluateAll((cards) => cards.map((card) => card.id))));
      const more = page.getByRole('link', { name: 'Load more comments' });
      if ((await more.count()) === 0) break;
      const next = new URL((await more.getAttribute('href'))!, page.url());
      await more.click();
      await page.waitForURL((url) => url.search === next.search);
    }
    expect(seen).toEqual(expectedIds);
  });
});
