// The transparency summary in the browser: an owner reads today's figures on the log page and downloads them as
// CSV, the month links open it, and over HTTP owners get it while moderators get 403 and strangers 401, before any 400.
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Page } from '@playwright/test';
import { countLabel } from '@/lib/shared/format/count';
import { readTransparencySummary } from '@/lib/log/transparency-summary';
import { durationLabel } from '@/lib/shared/log/transparency-summary-duration';
import { periodLabel } from '@/lib/shared/log/transparency-summary-period';
import type { TransparencySummary } from '@/lib/shared/log/transparency-summary-types';
import { dismissReports } from '@/lib/moderation/dismiss-reports';
import { userActor } from '@/tests/support/accounts';
import { commentRow, createArticle, postAs } from './support/comments';
import { expect, signIn, test } from './support/browser';
import { createAccount, e2eDb, systemActor, type Account } from './support/e2e-db';
import { hideAs, reportAs } from './support/queue';

const today = () => new Date().toISOString().slice(0, 10);
const percent = (share: number | null) => new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 }).format(share ?? 0);

function dismissAs(account: Account, commentId: number): void {
  const db = e2eDb();
  const result = dismissReports(db, userActor(db, account.id), { commentId, version: commentRow(db, commentId)!.version });
  if (!result.ok) throw new Error(`${account.email} could not dismiss reports on ${commentId}: ${result.message}`);
}

/** What the summary of today holds now, read as the command line would read it. */
function summaryOfToday(): TransparencySummary {
  const answer = readTransparencySummary(e2eDb(), systemActor(), { from: today(), to: today() });
  if (!answer.ok) throw new Error(answer.message);
  return answer.summary;
}

/** A fresh moderator who hides one reported reply and dismisses the reports on another, on an article of the test's own. */
async function moderatedToday() {
  const article = createArticle();
  const [author, reporter, moderator] = [await createAccount('reader'), await createAccount('reader'), await createAccount('moderator')];
  const spam = postAs(author, article.id, 'Cheap watches, follow the link');
  const fair = postAs(author, article.id, 'A fair point, bluntly made');
  reportAs(reporter, spam.id);
  reportAs(reporter, fair.id, 'harassment');
  hideAs(moderator, spam.id);
  dismissAs(moderator, fair.id);
  return { article, moderator };
}

const region = (page: Page, period: string) => page.getByRole('region', { name: `Transparency summary, ${period}` });

test.describe('the transparency summary', () => {
  test('an owner reads today’s figures on the log page and downloads the same as CSV', async ({ page }) => {
    const { article, moderator } = await moderatedToday();
    const owner = await createAccount('owner');
    const expected = summaryOfToday();

    await signIn(page, owner.email, owner.password);
    await page.goto(`/moderation/log?${new URLSearchParams({ summary: '1', from: today(), to: today() })}`);
    const summary = region(page, periodLabel({ from: today(), to: today() }));
    await expect(summary).toBeVisible();
    await expect(summary).toContainText(`${countLabel(expected.rows, 'log entry', 'log entries')} in this period.`);

    const moderators = summary.getByRole('table', { name: /Moderators and owners/ });
    await expect(moderators.getByRole('columnheader')).toHaveText([
      'Who', 'Role', 'All actions', 'Comment hidden', 'Comment unhidden', 'Comment flagged', 'Flag cleared', 'Reports dismissed', 'Note added',
      'Note removed', 'Other',
    ]);
    await expect(moderators.getByRole('row', { name: moderator.email }).getByRole('cell')).toHaveText(['moderator', '2', '1', '0', '0', '0', '1', '0', '0', '0']);

    const articles = summary.getByRole('table', { name: /Articles by log entries/ });
    await expect(articles.getByRole('row', { name: `Title of ${article.slug}` }).getByRole('cell')).toHaveText(['2', '1']);

    const reports = summary.getByRole('table', { name: `How the ${countLabel(expected.reports.resolved, 'report', 'reports')} resolved in this period ended (shares of those reports)` });
    await expect(reports.getByRole('row', { name: /^Dismissed/ }).getByRole('cell')).toHaveText([String(expected.reports.dismissed), percent(expected.reports.dismissedShare)]);
    await expect(reports.getByRole('row', { name: /^Acted on/ }).getByRole('cell')).toHaveText([String(expected.reports.actedOn), percent(expected.reports.actedOnShare)]);

    const times = summary.getByRole('table', { name: `Time from a reply’s first report to the decision, over ${countLabel(expected.decisionTime.decisions, 'decision', 'decisions')}` });
    await expect(times.getByRole('row', { name: 'Median' }).getByRole('cell')).toHaveText(durationLabel(expected.decisionTime.medianSeconds!));
    await expect(times.getByRole('row', { name: '90th percentile' }).getByRole('cell')).toHaveText(durationLabel(expected.decisionTime.p90Seconds!));

    const [download] = await Promise.all([page.waitForEvent('download'), summary.getByRole('link', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toBe(`transparency-summary_${today()}_${today()}.csv`);
    const lines = parse(fs.readFileSync(await download.path(), 'utf8'), { columns: true }) as Record<string, string>[];
    const mine = (section: string) => lines.filter((line) => line.section === section && line.key === String(moderator.id));
    expect(mine('moderator').map((line) => [line.label, line.detail, line.count])).toEqual([[moderator.email, 'moderator', '2']]);
    expect(mine('moderator_action').filter((line) => line.count !== '0').map((line) => [line.detail, line.count])).toEqual([
      ['comment_hidden', '1'],
      ['reports_dismissed', '1'],
    ]);
    expect(lines.find((line) => line.section === 'log')?.count).toBe(String(expected.rows));
  });

  test('“This month” opens the log with the month’s summary', async ({ page }) => {
    const owner = await createAccount('owner');
    await signIn(page, owner.email, owner.password);
    await page.goto('/moderation/log');
    await page.getByRole('link', { name: 'This month' }).click();
    const now = new Date();
    const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString().slice(0, 10);
    const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
    // A whole month reads as its name: "Transparency summary, May 2026".
    await expect(region(page, periodLabel({ from: first, to: last }))).toBeVisible();
    await expect(region(page, periodLabel({ from: first, to: last }))).toHaveAccessibleName(/^Transparency summary, [A-Z][a-z]+ \d{4}$/);
    expect(new URL(page.url()).searchParams.get('summary')).toBe('1');
    expect([new URL(page.url()).searchParams.get('from'), new URL(page.url()).searchParams.get('to')]).toEqual([first, last]);
  });

  test('over HTTP: owners get the summary, moderators 403, strangers 401 even with a wrong parameter, an owner’s wrong parameter 400', async ({
    page, openPage, playwright, baseURL,
  }) => {
    const { moderator } = await moderatedToday();
    const owner = await createAccount('owner');
    const query = (extra: Record<string, string> = {}) => `/api/moderation-log/summary?${new URLSearchParams({ from: today(), to: today(), ...extra })}`;

    await signIn(page, owner.email, owner.password);
    const json = await page.request.get(query());
    expect(json.status()).toBe(200);
    expect(json.headers()['content-type']).toBe('application/json; charset=utf-8');
    expect(json.headers()['cache-control']).toBe('private, no-store');
    expect(json.headers()['content-disposition']).toBe(`attachment; filename="transparency-summary_${today()}_${today()}.json"`);
    const body = (await json.json()) as TransparencySummary;
    expect(body.period).toEqual({ from: today(), to: today() });
    expect(body.moderators.find((each) => each.actorId === moderator.id)).toMatchObject({ total: 2, actions: { comment_hidden: 1, reports_dismissed: 1 } });

    const csv = await page.request.get(query({ format: 'csv' }));
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect((await csv.text()).startsWith('section,key,label,detail,count,share,seconds\r\n')).toBe(true);

    const wrong = await page.request.get(query({ article: '1' }));
    expect(wrong.status()).toBe(400);
    expect(await wrong.json()).toEqual({
      error: { code: 'invalid_query', message: 'a summary covers a whole period: only from, to and format are accepted, not article' },
    });

    const other = await openPage();
    await signIn(other, moderator.email, moderator.password);
    const refused = await other.request.get(query());
    expect(refused.status()).toBe(403);
    expect(await refused.json()).toEqual({ error: { code: 'forbidden', message: 'Only owners can read the transparency summary.' } });
    expect((await other.request.get(query({ format: 'xml' }))).status()).toBe(403);
    await other.goto(query().replace('/api/moderation-log/summary', '/moderation/log').concat('&summary=1'));
    await expect(other.getByRole('heading', { name: 'Moderation log' })).toBeVisible();
    await expect(other.getByRole('heading', { name: /Transparency summary/ })).toHaveCount(0);

    const stranger = await playwright.request.newContext({ baseURL });
    const anonymous = await stranger.get(query());
    expect(anonymous.status()).toBe(401);
    expect(await anonymous.json()).toEqual({ error: { code: 'unauthenticated', message: 'Sign in first.' } });
    expect((await stranger.get(query({ from: 'yesterday' }))).status()).toBe(401);
    await stranger.dispose();
  });
});
