// Helpers for the moderation queue tests: reported replies set up through lib/ behind the page's back, and the queue's cards as a moderator finds them.
import './allow-server-only';
import type { Locator, Page } from '@playwright/test';
import { hideComment } from '@/lib/moderation/hide-comment';
import { reportComment } from '@/lib/reports/report-comment';
import { userActor } from '@/tests/support/accounts';
import { expect } from '../fixtures';
import { commentRow } from './comments';
import { e2eDb, type Account } from './e2e-db';

export function reportAs(account: Account, commentId: number, reason: 'spam' | 'harassment' = 'spam'): void {
  const db = e2eDb();
  const result = reportComment(db, userActor(db, account.id), { commentId, reason });
  if (!result.ok) throw new Error(`${account.email} could not report ${commentId}: ${result.message}`);
}

export function hideAs(account: Account, commentId: number): void {
  const db = e2eDb();
  const version = commentRow(db, commentId)!.version;
  const result = hideComment(db, userActor(db, account.id), { commentId, version, reason: 'spam' });
  if (!result.ok) throw new Error(`${account.email} could not hide ${commentId}: ${result.message}`);
}

/** A report that reached a reply while it was hidden (a reader's page from before the hide), which the reply form cannot send any more. */
export function insertOpenReport(reporter: Account, commentId: number): void {
  e2eDb().$client
    .prepare("INSERT INTO reports (comment_id, reporter_id, reason, note, created_at) VALUES (?, ?, 'spam', NULL, ?)")
    .run(commentId, reporter.id, new Date().toISOString());
}

/** Opens one tab of the queue narrowed to one article (other tests' replies stay out) and waits until its keys work. */
export async function openQueue(page: Page, articleId: number, tab = 'reported'): Promise<void> {
  await page.goto(`/moderation?${new URLSearchParams({ tab, article: String(articleId) })}`);
  await expect(page.locator('.moderation-queue[data-hydrated]')).toBeVisible();
}

/** The queue card of the reply whose text is `text`. */
export function queueCard(page: Page, text: string): Locator {
  return page.locator('article.queue-card').filter({ has: page.locator('.queue-text').getByText(text, { exact: true }) });
}

/** The words on a card saying its state and who last acted. */
export function cardState(card: Locator): Locator {
  return card.locator('.queue-state');
}
