// Playwright's test, failing any test whose pages log a console error or throw (hydration mismatches included).
import { test as base, expect } from '@playwright/test';

type Options = { allowedConsoleErrors: RegExp[] };

/**
 * Chromium asks for /favicon.ico by itself when a navigation replaces a page before its icon link was
 * used (seen on a busy machine: a sign-in redirect followed at once by another page). Every page
 * names /icon.svg in its head, so that probe's 404 is the browser's, not a page's error.
 */
const BROWSER_FAVICON_PROBE = /^Failed to load resource: the server responded with a status of 404 \(Not Found\) \(http:\/\/[^/]+\/favicon\.ico\)$/;

export const test = base.extend<Options & { failOnConsoleErrors: void }>({
  allowedConsoleErrors: [[], { option: true }],
  failOnConsoleErrors: [
    async ({ page, allowedConsoleErrors }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const text = `${message.text()} (${message.location().url})`;
        if (BROWSER_FAVICON_PROBE.test(text)) return;
        if (!allowedConsoleErrors.some((pattern) => pattern.test(text))) errors.push(text);
      });
      page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
      await use();
      expect(errors, 'console errors in the page').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
