// Helpers for the comment tests: an article of the test's own, other people acting through lib/
// behind the page's back, the rows a comment action writes, and the page's comments found by
// role and text.
import { randomUUID } from 'node:crypto';
import type { Locator, Page } from '@playwright/test';
import type { Db } from '@/db/client';
import { postComment, type PostCommentInput } from '@/lib/comments/post-comment';
import type { CommentView } from '@/lib/shared/thread/types';
import { userActor } from '@/tests/support/accounts';
import { insertArticle, type CommentRow, type ReportRow, type RevisionRow } from '@/tests/support/comments';
import { expect } from '../fixtures';
import { e2eDb, type Account } from './e2e-db';

export { articleRow, commentRow, type CommentRow, type ReportRow, type RevisionRow } from '@/tests/support/comments';

export type E2eArticle = { id: number; slug: string; path: string; importedIds: number[] };

/**
 * A new article open to comments, with two imported comments, that no other test or spec reads:
 * the seed article's thread and count are checked by thread.spec.ts and must stay as imported.
 */
export function createArticle(): E2eArticle {
  const slug = `comments-e2e-${randomUUID().slice(0, 8)}`;
  const { articleId, commentIds } = insertArticle(e2eDb(), slug);
  return { id: articleId, slug, path: `/articles/${slug}`, importedIds: commentIds };
}

/** The comments of one article written by readers (not imported), oldest first. */
export function readerCommentRows(db: Db, articleId: number): CommentRow[] {
  return db.$client.prepare("SELECT * FROM comments WHERE article_id = ? AND origin = 'reader' ORDER BY id").all(articleId) as CommentRow[];
}

export function revisionRowsOf(db: Db, commentId: number): RevisionRow[] {
  return db.$client.prepare('SELECT * FROM comment_revisions WHERE comment_id = ? ORDER BY id').all(commentId) as RevisionRow[];
}

export function reportRowsOf(db: Db, commentId: number): ReportRow[] {
  return db.$client.prepare('SELECT * FROM reports WHERE comment_id = ? ORDER BY id').all(commentId) as ReportRow[];
}

/** Someone else posts (or replies) behind the page's back, through the same rules as the server. */
export function postAs(account: Account, articleId: number, body: string, parentId: number | null = null): CommentView {
  const db = e2eDb();
  const input: PostCommentInput = { articleId, parentId, body };
  const result = postComment(db, userActor(db, account.id), input);
  if (!result.ok) throw new Error(`${account.email} could not post: ${result.message}`);
  return result.comment;
}

/**
 * A comment on the page as a reader finds it: by who wrote it and what its text says (in the text
 * itself, not in a reply being written under it, whose field holds text too).
 */
export function commentCard(scope: Page | Locator, authorName: string, text: string): Locator {
  const page = 'page' in scope ? scope.page() : scope;
  return scope
    .getByRole('article', { name: `Comment by ${authorName}`, exact: true })
    .filter({ has: page.getByRole('paragraph').filter({ hasText: text }) });
}

/** The list item holding a comment: the comment itself and, under it, every reply in its branch. */
export function branchOf(card: Locator): Locator {
  return card.locator('xpath=parent::li');
}

/** The text of the comment a card answers, read from the nesting of the lists (null at top level). */
export function parentTextOf(card: Locator): Promise<string | null> {
  return card.evaluate((article) => {
    const parentArticle = article.closest('li')?.parentElement?.closest('li')?.querySelector(':scope > article');
    return parentArticle?.querySelector(':scope > .comment-body')?.textContent ?? null;
  });
}

/** The "Write a comment" form under the article. */
export function newCommentForm(page: Page): Locator {
  return page.locator('form').filter({ has: page.getByLabel('Write a comment', { exact: true }) });
}

/** The form's own error (Next's route announcer is an alert too, so never look for alerts page-wide). */
export function formAlert(form: Locator): Locator {
  return form.getByRole('alert');
}

/** Writes a new comment under the article and sends it; does not wait for the server. */
export async function submitComment(page: Page, text: string): Promise<void> {
  await page.getByLabel('Write a comment', { exact: true }).fill(text);
  await page.getByRole('button', { name: 'Post comment', exact: true }).click();
}

/** Opens "Reply" on a comment, writes and sends the reply; does not wait for the server. */
export async function submitReply(card: Locator, text: string): Promise<void> {
  await card.getByRole('button', { name: 'Reply', exact: true }).click();
  await card.getByLabel('Your reply', { exact: true }).fill(text);
  await card.getByRole('button', { name: 'Post reply', exact: true }).click();
}

/**
 * Holds every server action the page sends (posting, editing, reporting…) until `release()`, so
 * that what the page shows while it waits for the server can be seen; `release()` lets them all go,
 * and those sent after it pass at once. Each call holds anew.
 */
export async function holdServerActions(page: Page): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/articles/**', async (route) => {
    const request = route.request();
    if (request.method() === 'POST' && request.headers()['next-action']) await released;
    await route.fallback();
  });
  return release;
}

/** Makes the thread look for news, as a reader coming back to the tab would. */
export async function triggerRefresh(page: Page, slug: string): Promise<void> {
  const refreshed = page.waitForResponse(
    (response) => new URL(response.url()).pathname === `/api/articles/${slug}/comments` && response.request().method() === 'GET',
  );
  await page.evaluate(() => window.dispatchEvent(new Event('visibilitychange')));
  expect((await refreshed).ok(), 'the thread refreshed').toBe(true);
}

/**
 * Another tab of the same person (same cookies), its console errors and uncaught exceptions
 * collected for the test to check, as the fixtures do for `page`.
 */
export async function openSecondTab(page: Page): Promise<{ tab: Page; consoleErrors: string[] }> {
  const tab = await page.context().newPage();
  const consoleErrors: string[] = [];
  tab.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  tab.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
  return { tab, consoleErrors };
}
