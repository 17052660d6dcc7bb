// Browser helpers for the account tests: more signed-in people than the one `page`, the real sign-in form, and where a page says things.
import type { Browser, BrowserContext, Locator, Page } from '@playwright/test';
import { expect, test as base } from '../fixtures';

/**
 * `openPage()` gives a page in a context of its own (its own cookies: another person), held to the
 * same rule as `page`: a console error or an uncaught exception in it fails the test.
 */
export const test = base.extend<{ openPage: () => Promise<Page> }>({
  openPage: async ({ browser, allowedConsoleErrors, baseURL }, provide) => {
    const contexts: BrowserContext[] = [];
    const errors: string[] = [];
    await provide(async () => {
      const context = await newContext(browser, baseURL);
      contexts.push(context);
      const page = await context.newPage();
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const text = `${message.text()} (${message.location().url})`;
        if (!allowedConsoleErrors.some((pattern) => pattern.test(text))) errors.push(text);
      });
      page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
      return page;
    });
    for (const context of contexts) await context.close();
    expect(errors, 'console errors in the other people’s pages').toEqual([]);
  },
});

export { expect };

function newContext(browser: Browser, baseURL: string | undefined): Promise<BrowserContext> {
  return browser.newContext(baseURL ? { baseURL } : {});
}

/** The header's account corner. */
export function accountBar(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Account' });
}

/** The role badge in the header ("reader", "moderator" or "owner"), not the "banned" one. */
export function roleBadge(page: Page): Locator {
  return accountBar(page).locator('.role-badge[data-role]');
}

/** Where a form shows the outcome of its last submission. */
export function formMessage(form: Locator): Locator {
  return form.locator('.form-message');
}

/** Signs in through the /signin form and waits until the header says who is signed in. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/signin');
  await submitSignIn(page, email, password);
  await expect(accountBar(page)).toContainText('Signed in as');
}

/** Fills and sends the sign-in form on the page already open, whatever the outcome. */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** The errors listed for a field: the items of the error lists its aria-describedby points at. */
export function fieldErrors(input: Locator): Promise<string[]> {
  return input.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id))
      .filter((node): node is HTMLElement => node !== null && node.classList.contains('field-errors'))
      .flatMap((list) => [...list.querySelectorAll('li')].map((item) => item.textContent ?? '')),
  );
}

/** The row of the owner's user list for one email, found with the page's search so that paging never hides it. */
export async function openUserRow(page: Page, email: string): Promise<Locator> {
  await page.goto(`/admin/users?${new URLSearchParams({ q: email })}`);
  const row = page.locator(`tr[data-email="${email}"]`);
  await expect(row).toBeVisible();
  return row;
}
