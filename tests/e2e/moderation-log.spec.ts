// The moderation log viewer in the browser: the owner narrows it to one moderator's hides and downloads exactly those rows
// as CSV; moderators see owners' internal notes withheld and no exports; readers are refused; a bad filter is said in
// words; a view's URL shows the same rows to someone else; paging; the month links; and the form without JavaScript.
import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import type { ModerationReason } from '@/db/moderation-reasons';
import { restoreCsvText } from '@/lib/csv/csv-row';
import { appendLogEntry } from '@/lib/log/append-log-entry';
import { flagComment } from '@/lib/moderation/flag-comment';
import { hideComment } from '@/lib/moderation/hide-comment';
import { unflagComment } from '@/lib/moderation/unflag-comment';
import { userActor } from '@/tests/support/accounts';
import { commentRow, createArticle, postAs } from './support/comments';
import { accountBar, expect, signIn, test } from './support/browser';
import { createAccount, e2eDb, lastLogId, logRows, type Account, type LogRow } from './support/e2e-db';

/** The export's columns, in the order the contract fixes. */
const EXPORT_COLUMNS = [
  'id', 'created_at', 'actor_id', 'actor_name', 'actor_role', 'action', 'target_type', 'target_id', 'article_id', 'reason_code',
  'public_note', 'internal_note', 'previous_state', 'new_state', 'request_id', 'prev_hash', 'hash',
] as const;

function hide(moderator: Account, commentId: number, reason: ModerationReason, note: string | null = null): void {
  const db = e2eDb();
  const answer = hideComment(db, userActor(db, moderator.id), { commentId, version: commentRow(db, commentId)!.version, reason, note });
  if (!answer.ok) throw new Error(`${moderator.email} could not hide ${commentId}: ${answer.message}`);
}

function flag(moderator: Account, commentId: number, reason: ModerationReason, note: string | null = null): void {
  const db = e2eDb();
  const answer = flagComment(db, userActor(db, moderator.id), { commentId, version: commentRow(db, commentId)!.version, reason, note });
  if (!answer.ok) throw new Error(`${moderator.email} could not flag ${commentId}: ${answer.message}`);
}

function unflag(moderator: Account, commentId: number): void {
  const db = e2eDb();
  const answer = unflagComment(db, userActor(db, moderator.id), { commentId, version: commentRow(db, commentId)!.version });
  if (!answer.ok) throw new Error(`${moderator.email} could not clear the flag on ${commentId}: ${answer.message}`);
}

/** The log rows matching a condition on `moderation_log`, newest first, as the viewer lists them. */
function logRowsWhere(condition: string, ...params: (string | number)[]): LogRow[] {
  return e2eDb().$client.prepare(`SELECT * FROM moderation_log WHERE ${condition} ORDER BY id DESC`).all(...params) as LogRow[];
}

/** The log ids the page's table shows, top to bottom. */
function shownIds(page: Page): Promise<number[]> {
  return page.locator('tr[data-log-id]').evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-log-id'))));
}

const logRow = (page: Page, id: number): Locator => page.locator(`tr[data-log-id="${id}"]`);

/** The page's own message, not Next's route announcer (an alert too). */
const logAlert = (page: Page) => page.locator('.moderation-log').getByRole('alert');

const actorOption = (account: Account) => `${account.displayName} (${account.email}), ${account.role}`;

/** Six replies on a new article: two moderators hide and flag them, the first one's hides with awkward notes. */
async function twoModerators() {
  const article = createArticle();
  const [author, otherAuthor, first, second, owner] = [
    await createAccount('reader'), await createAccount('reader'), await createAccount('moderator'), await createAccount('moderator'),
    await createAccount('owner'),
  ];
  // Two authors: one may post only 5 comments a minute.
  const replies = [
    ...['Buy watches here', 'You are all fools', 'The moon is cheese'].map((text) => postAs(author, article.id, text).id),
    ...['Spam again', 'Off on a tangent', 'Rude once more'].map((text) => postAs(otherAuthor, article.id, text).id),
  ];
  const [spam, insult, cheese, spamAgain, tangent, rude] = replies as [number, number, number, number, number, number];
  hide(first, spam, 'spam', 'Advert, "cheap" — see 🕰️ شراء');
  flag(second, cheese, 'misinformation');
  hide(first, insult, 'harassment', '=HYPERLINK("http://evil.example")\nsecond line');
  flag(first, tangent, 'off_topic', 'Drifting');
  hide(second, spamAgain, 'spam');
  flag(second, rude, 'harassment');
  hide(first, rude, 'harassment');
  hide(second, cheese, 'misinformation', 'Checked: false');
  return { first, second, owner, hiddenByFirst: [rude, insult, spam] };
}

test.describe('the moderation log', () => {
  test('the owner filters to one moderator’s hides in the form, sees exactly those rows, and the CSV export holds exactly them', async ({ page }) => {
    const { first, owner, hiddenByFirst } = await twoModerators();
    const expected = logRowsWhere("actor_id = ? AND action = 'comment_hidden'", first.id);
    expect(expected.map((row) => row.target_id)).toEqual(hiddenByFirst);

    await signIn(page, owner.email, owner.password);
    await accountBar(page).getByRole('link', { name: 'Moderation log', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Moderation log', level: 1 })).toBeVisible();
    await page.getByLabel('Actor', { exact: true }).selectOption({ label: actorOption(first) });
    await page.getByLabel('Action', { exact: true }).selectOption({ label: 'Comment hidden' });
    await page.getByRole('button', { name: 'Apply', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('action') === 'comment_hidden' && url.searchParams.get('actor') === String(first.id));

    await expect(page.locator('tr[data-log-id]')).toHaveCount(3);
    expect(await shownIds(page)).toEqual(expected.map((row) => row.id));
    const newest = logRow(page, expected[0]!.id);
    const at = expected[0]!.created_at;
    await expect(newest.getByRole('rowheader')).toContainText(`${at.slice(0, 10)} ${at.slice(11, 19)}`);
    await expect(newest).toContainText(first.email);
    await expect(newest).toContainText('Comment hidden');
    await expect(newest).toContainText('Harassment');
    await expect(newest).toContainText('status: visible → hidden');
    await expect(newest.getByRole('link', { name: `Comment ${hiddenByFirst[0]}`, exact: true }))
      .toHaveAttribute('href', new RegExp(`/articles/[^/]+/comments/${hiddenByFirst[0]}$`));
    await expect(logRow(page, expected[2]!.id)).toContainText('Advert, "cheap" — see 🕰️ شراء');

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Export this view as CSV', exact: true }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^moderation-log_start_\d{4}-\d{2}-\d{2}\.csv$/);
    const text = fs.readFileSync(await file.path(), 'utf8');
    // An empty unquoted field is null; a quoted one is text (possibly empty), its defusing apostrophe taken off.
    const records = parse(text, {
      cast: (value, context) => (context.quoting ? restoreCsvText(value) : value === '' ? null : restoreCsvText(value)),
    }) as (string | null)[][];
    expect(records[0]).toEqual([...EXPORT_COLUMNS]);
    const inDatabase = [...expected].reverse().map((row) => EXPORT_COLUMNS.map((column) => (row[column] === null ? null : String(row[column]))));
    expect(records.slice(1)).toEqual(inDatabase);
    expect(records.slice(1).map((record) => [Number(record[0]), record[16]])).toEqual([...expected].reverse().map((row) => [row.id, row.hash]));

    // The export is itself in the log, with the filters it carried and its row count.
    await expect.poll(() => logRowsWhere("action = 'log_exported' AND actor_id = ?", owner.id).length).toBe(1);
    const exported = logRowsWhere("action = 'log_exported' AND actor_id = ?", owner.id)[0]!;
    expect(JSON.parse(exported.new_state!)).toMatchObject({ format: 'csv', filters: { actor: first.id, action: 'comment_hidden' }, rows: 3 });
  });

  test('a moderator sees every row but an owner-only action’s internal note withheld, and no exports; the owner sees the note', async ({ page, openPage }) => {
    const db = e2eDb();
    const [owner, moderator, member] = [await createAccount('owner'), await createAccount('moderator'), await createAccount('reader')];
    const secret = `Owner eyes only ${member.email}: a call from their lawyer`;
    // No owner's action takes an internal note yet, but the log allows one and the viewer must keep it from moderators.
    const { id } = db.transaction((tx) => appendLogEntry(tx, {
      actor: { id: owner.id, name: owner.email, role: 'owner' },
      action: 'sessions_revoked',
      target: { type: 'user', id: member.id },
      internalNote: secret,
      previousState: { sessionVersion: 1 },
      newState: { sessionVersion: 2 },
      requestId: 'e2e-log-viewer',
    }), { behavior: 'immediate' });

    await signIn(page, moderator.email, moderator.password);
    await page.goto(`/moderation/log?actor=${owner.id}`);
    await expect(logRow(page, id)).toContainText('Sessions revoked');
    await expect(logRow(page, id)).toContainText('Internal note withheld');
    await expect(logRow(page, id).getByRole('link', { name: member.displayName })).toHaveAttribute('href', `/moderation/authors/${member.id}`);
    expect(await page.content()).not.toContain('a call from their lawyer');
    await expect(page.getByRole('group', { name: 'Export this view' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: /Export this view/ })).toHaveCount(0);
    await expect(page.getByRole('group', { name: 'Transparency summary' })).toHaveCount(0);
    await page.getByLabel('Notes contain', { exact: true }).fill('their lawyer');
    await page.getByRole('button', { name: 'Apply', exact: true }).click();
    await expect(page.locator('.moderation-log').getByRole('status')).toHaveText('No log entries match these filters.');

    const ownerPage = await openPage();
    await signIn(ownerPage, owner.email, owner.password);
    await ownerPage.goto(`/moderation/log?actor=${owner.id}&q=their+lawyer`);
    await expect(logRow(ownerPage, id)).toContainText(secret);
    await expect(ownerPage.getByRole('group', { name: 'Export this view' })).toBeVisible();
  });

  test('a refused filter, a control character in any parameter too, is said in words, the form stays, no rows show and nothing is logged', async ({ page }) => {
    const owner = await createAccount('owner');
    await signIn(page, owner.email, owner.password);
    const before = lastLogId(e2eDb());
    const refusals: [string, string][] = [
      ['from=2026-02-30&action=comment_hidden', 'This view cannot be shown: From must be a date written YYYY-MM-DD.'],
      ['article=999999999', 'This view cannot be shown: There is no article 999999999.'],
      ['from=2026-03-02&to=2026-03-01', 'This view cannot be shown: From must not be after to.'],
      ['colour=red', 'This view cannot be shown: Unknown parameter "colour"'],
      ['before=soon', 'This view cannot be shown: Before must be a log entry id'],
      // A NUL in the search reached SQLite's FTS5 parser, which stops at it: a 500.
      ['q=leg%00al', 'This view cannot be shown: Q must not contain control characters (such as NUL, a tab or a line break).'],
      ['q=%1Flegal', 'This view cannot be shown: Q must not contain control characters'],
      ['action=comment_hidden&from=2026-03-01%00', 'This view cannot be shown: From must not contain control characters'],
      ['actor=%1F', 'This view cannot be shown: Actor must not contain control characters'],
      ['before=5%00', 'This view cannot be shown: Before must not contain control characters'],
    ];
    for (const [search, message] of refusals) {
      const response = await page.goto(`/moderation/log?${search}`);
      expect(response?.status(), search).toBe(200);
      await expect(logAlert(page)).toContainText(message);
      await expect(page.getByRole('search', { name: 'Filter the log' })).toBeVisible();
      await expect(page.locator('tr[data-log-id]')).toHaveCount(0);
    }
    for (const search of ['from=2026-02-30&action=comment_hidden', 'action=comment_hidden&q=leg%00al']) {
      await page.goto(`/moderation/log?${search}`);
      await expect(page.getByLabel('Action', { exact: true })).toHaveValue('comment_hidden');
    }
    expect(lastLogId(e2eDb())).toBe(before);
  });

  test('a view’s URL shows the same rows to someone else; "only this comment" and "only this actor" narrow it further', async ({ page, openPage }) => {
    const { second, owner } = await twoModerators();
    await signIn(page, owner.email, owner.password);
    await page.goto('/moderation/log');
    await page.getByLabel('Actor', { exact: true }).selectOption({ label: actorOption(second) });
    await page.getByLabel('Reason', { exact: true }).selectOption({ label: 'Misinformation' });
    await page.getByRole('button', { name: 'Apply', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('reason') === 'misinformation');
    const expected = logRowsWhere("actor_id = ? AND reason_code = 'misinformation'", second.id);
    expect(expected.map((row) => row.action)).toEqual(['comment_hidden', 'comment_flagged']);
    expect(await shownIds(page)).toEqual(expected.map((row) => row.id));

    const colleague = await openPage();
    const moderator = await createAccount('moderator');
    await signIn(colleague, moderator.email, moderator.password);
    await colleague.goto(page.url());
    expect(await shownIds(colleague)).toEqual(expected.map((row) => row.id));
    await expect(colleague.getByLabel('Reason', { exact: true })).toHaveValue('misinformation');

    // The comment both rows are about: every row on it, by anyone, keeping the other filters but the actor.
    const commentId = expected[0]!.target_id!;
    await logRow(page, expected[0]!.id).getByRole('link', { name: 'only this comment' }).click();
    await page.waitForURL((url) => url.searchParams.get('comment') === String(commentId));
    expect(await shownIds(page)).toEqual(expected.map((row) => row.id));
    await page.goto(`/moderation/log?comment=${commentId}`);
    expect(await shownIds(page)).toEqual(logRowsWhere("target_type = 'comment' AND target_id = ?", commentId).map((row) => row.id));
    await logRow(page, expected[1]!.id).getByRole('link', { name: `${second.email} (show only this actor)` }).click();
    await page.waitForURL((url) => url.searchParams.get('actor') === String(second.id));
    expect(await shownIds(page)).toEqual(logRowsWhere("target_type = 'comment' AND target_id = ? AND actor_id = ?", commentId, second.id).map((row) => row.id));
  });

  test('100 entries a page, newest first: Older entries and Newest entries walk the view without a row twice', async ({ page }) => {
    const article = createArticle();
    const [author, moderator, owner] = [await createAccount('reader'), await createAccount('moderator'), await createAccount('owner')];
    const reply = postAs(author, article.id, 'A reply flagged over and over').id;
    for (let round = 0; round < 55; round += 1) {
      flag(moderator, reply, 'spam');
      unflag(moderator, reply);
    }
    const expected = logRowsWhere('actor_id = ?', moderator.id).map((row) => row.id);
    expect(expected).toHaveLength(110);

    await signIn(page, owner.email, owner.password);
    await page.goto(`/moderation/log?actor=${moderator.id}`);
    expect(await shownIds(page)).toEqual(expected.slice(0, 100));
    await expect(page.getByRole('link', { name: 'Newest entries' })).toHaveCount(0);
    await page.getByRole('link', { name: 'Older entries' }).click();
    await page.waitForURL((url) => url.searchParams.has('before'));
    expect(await shownIds(page)).toEqual(expected.slice(100));
    await expect(page.getByRole('link', { name: 'Older entries' })).toHaveCount(0);
    await page.getByRole('link', { name: 'Newest entries' }).click();
    await page.waitForURL((url) => !url.searchParams.has('before'));
    expect(await shownIds(page)).toEqual(expected.slice(0, 100));
  });

  test('an owner’s "This month" link narrows the log to the whole UTC month and shows its transparency summary', async ({ page }) => {
    const owner = await createAccount('owner');
    await signIn(page, owner.email, owner.password);
    await page.goto('/moderation/log?action=comment_hidden');
    await page.getByRole('group', { name: 'Transparency summary' }).getByRole('link', { name: 'This month' }).click();
    await page.waitForURL((url) => url.searchParams.get('summary') === '1');
    const now = new Date();
    const month = now.toISOString().slice(0, 7);
    const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ from: `${month}-01`, to: last, summary: '1' });
    await expect(page.getByRole('heading', { name: /^Transparency summary, / })).toBeVisible();
    await expect(page.getByLabel('From (UTC)', { exact: true })).toHaveValue(`${month}-01`);
    const inMonth = logRowsWhere('created_at >= ?', `${month}-01T00:00:00.000Z`).map((row) => row.id).slice(0, 100);
    expect(await shownIds(page)).toEqual(inMonth);
  });

  test('the unfiltered first page is the newest 100 rows of the whole log', async ({ page }) => {
    const owner = await createAccount('owner');
    await signIn(page, owner.email, owner.password);
    await page.goto('/moderation/log');
    expect(await shownIds(page)).toEqual(logRows(e2eDb()).map((row) => row.id).reverse().slice(0, 100));
  });

  test.describe('a reader', () => {
    test.use({
      // Chromium reports the 403 answer as a failed resource load; nothing else may fail.
      allowedConsoleErrors: [/^Failed to load resource: the server responded with a status of 403 \(Forbidden\) \(http:\/\/[^/]+\/moderation\/log(\?[^)]*)?\)$/],
    });

    test('gets the 403 page, and anonymous visitors are sent to sign in', async ({ page }) => {
      await page.goto('/moderation/log?action=comment_hidden');
      await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fmoderation%2Flog%3Faction%3Dcomment_hidden/);
      const reader = await createAccount('reader');
      await signIn(page, reader.email, reader.password);
      await expect(accountBar(page).getByRole('link', { name: 'Moderation log' })).toHaveCount(0);
      const response = await page.goto('/moderation/log?from=not-a-date');
      expect(response?.status()).toBe(403);
      await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
      await expect(page.getByRole('table')).toHaveCount(0);
    });
  });
});

test.describe('the moderation log without JavaScript', () => {
  test('the filter form narrows the view by a plain GET', async ({ browser, baseURL, page }) => {
    const { first, owner } = await twoModerators();
    await signIn(page, owner.email, owner.password);
    const context = await browser.newContext({ baseURL, javaScriptEnabled: false, storageState: await page.context().storageState() });
    const plain = await context.newPage();
    await plain.goto('/moderation/log');
    await plain.getByLabel('Actor', { exact: true }).selectOption({ label: actorOption(first) });
    await plain.getByLabel('Action', { exact: true }).selectOption({ label: 'Flag cleared' });
    await plain.getByRole('button', { name: 'Apply', exact: true }).click();
    await plain.waitForURL((url) => url.searchParams.get('action') === 'comment_unflagged');
    await expect(plain.locator('.moderation-log [role="status"]')).toHaveText('No log entries match these filters.');
    await plain.getByLabel('Action', { exact: true }).selectOption({ label: 'Comment flagged' });
    await plain.getByRole('button', { name: 'Apply', exact: true }).click();
    await plain.waitForURL((url) => url.searchParams.get('action') === 'comment_flagged');
    expect(await shownIds(plain)).toEqual(logRowsWhere("actor_id = ? AND action = 'comment_flagged'", first.id).map((row) => row.id));
    await context.close();
  });
});
