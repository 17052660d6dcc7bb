// The log export over HTTP against the production server: strangers get a JSON 401/403 and no data (before any
// word about their parameters), a request another site (or a sibling subdomain) made a JSON 403, a wrong query
// a JSON 400 that says what is wrong, and an owner the streamed file with its download headers, holding exactly
// the rows the filters select, then logged as exported.
import type { APIResponse, Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { restoreCsvText } from '@/lib/csv/csv-row';
import { canonicalJson } from '@/lib/log/hash-chain';
import { createArticle } from './support/comments';
import { expect, signIn, test } from './support/browser';
import { createAccount, e2eDb, lastLogId, logRows, type Account, type LogRow } from './support/e2e-db';
import { hideAs } from './support/queue';

const EXPORT = '/api/moderation-log/export';

const exportUrl = (params: Record<string, string>) => `${EXPORT}?${new URLSearchParams(params)}`;

/** The page's context signed in as `account`: its requests carry that session's cookie. */
async function signedIn(page: Page, account: Account): Promise<Page> {
  await signIn(page, account.email, account.password);
  return page;
}

async function expectJsonError(response: APIResponse, status: number, code: string, message: string | RegExp): Promise<void> {
  expect(response.status()).toBe(status);
  expect(response.headers()['content-type']).toContain('application/json');
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.code).toBe(code);
  if (typeof message === 'string') expect(body.error.message).toBe(message);
  else expect(body.error.message).toMatch(message);
}

/** Two hides by a new moderator on a new article: the rows an owner's filtered export should hold. */
async function moderatorWithTwoHides(): Promise<{ moderator: Account; articleId: number; rows: LogRow[] }> {
  const article = createArticle();
  const moderator = await createAccount('moderator');
  const before = lastLogId(e2eDb());
  for (const id of article.importedIds) hideAs(moderator, id);
  const rows = logRows(e2eDb(), before);
  expect(rows.map((row) => [row.action, row.actor_id])).toEqual([['comment_hidden', moderator.id], ['comment_hidden', moderator.id]]);
  return { moderator, articleId: article.id, rows };
}

const today = () => new Date().toISOString().slice(0, 10);

test.describe('GET /api/moderation-log/export', () => {
  test('anonymous gets 401, a reader and a moderator 403, as JSON with no log data, even with a wrong query', async ({ page, openPage, request }) => {
    const db = e2eDb();
    const reader = await signedIn(page, await createAccount('reader'));
    const moderator = await signedIn(await openPage(), await createAccount('moderator'));
    const before = lastLogId(db);
    const queries: Record<string, string>[] = [{ format: 'csv' }, { format: 'xml', from: 'yesterday', user: '3' }];
    for (const params of queries) {
      await expectJsonError(await request.get(exportUrl(params)), 401, 'unauthenticated', 'Sign in first.');
    }
    for (const viewer of [reader, moderator]) {
      for (const params of queries) {
        const response = await viewer.request.get(exportUrl(params));
        await expectJsonError(response, 403, 'forbidden', 'Only owners can export the moderation log.');
        expect(response.headers()['content-disposition']).toBeUndefined();
      }
    }
    expect(lastLogId(db)).toBe(before);
  });

  test('an owner’s export is refused when another site, even a sibling subdomain, asked for it, and nothing is logged', async ({ page }) => {
    const db = e2eDb();
    const account = await createAccount('owner');
    const owner = await signedIn(page, account);
    const before = lastLogId(db);
    for (const site of ['same-site', 'cross-site', 'bogus']) {
      const response = await owner.request.get(exportUrl({ format: 'csv' }), { headers: { 'sec-fetch-site': site } });
      await expectJsonError(response, 403, 'forbidden_origin', /^This request was sent by another website/);
      expect(response.headers()['content-disposition'], site).toBeUndefined();
    }
    expect(logRows(db, before).filter((row) => row.actor_id === account.id)).toEqual([]);
    // Our own log page's link (same-origin) and an address the owner typed or bookmarked (none) download and are logged.
    for (const site of ['same-origin', 'none']) {
      const response = await owner.request.get(exportUrl({ format: 'csv' }), { headers: { 'sec-fetch-site': site } });
      expect(response.status(), site).toBe(200);
      await response.body();
    }
    await expect.poll(() => logRows(db, before).filter((row) => row.actor_id === account.id).map((row) => row.action)).toEqual(['log_exported', 'log_exported']);
  });

  test('an owner gets a 400 in words for a bad date, an unknown action, parameter or article, and a missing format', async ({ page }) => {
    const db = e2eDb();
    const owner = await signedIn(page, await createAccount('owner'));
    const before = lastLogId(db);
    const cases: [Record<string, string>, string | RegExp][] = [
      [{ format: 'csv', from: '2025-02-30' }, 'from must be a date written YYYY-MM-DD'],
      [{ format: 'csv', from: '2025-03-02', to: '2025-03-01' }, 'from must not be after to'],
      [{ format: 'json', action: 'comment_eaten' }, /^action must be one of role_changed, .*log_exported$/],
      [{ format: 'ndjson', user: '3' }, 'unknown parameter "user"; the filters are from, to, article, actor, action, reason, comment, q'],
      [{ from: '2025-03-01' }, 'format is required: one of csv, ndjson, json'],
      [{ format: 'xlsx' }, 'format must be one of csv, ndjson, json'],
      [{ format: 'csv', article: '99999999' }, 'There is no article 99999999.'],
    ];
    for (const [params, message] of cases) {
      await expectJsonError(await owner.request.get(exportUrl(params)), 400, 'invalid_query', message);
    }
    expect(lastLogId(db)).toBe(before);
  });

  test('a control character in any query parameter is a 400 in words from the export, the summary, the queue and the thread JSON, and nothing is logged', async ({ page }) => {
    const db = e2eDb();
    const article = createArticle();
    const owner = await signedIn(page, await createAccount('owner'));
    const before = lastLogId(db);
    const refused = (name: string) => `${name} must not contain control characters (such as NUL, a tab or a line break)`;
    const cases: [string, string][] = [
      [`${EXPORT}?format=ndjson&q=leg%00al`, refused('q')],
      [`${EXPORT}?format=json&q=%1F%1F%1F`, refused('q')],
      [`${EXPORT}?format=csv%00`, refused('format')],
      [`${EXPORT}?format=csv&from=2026-03-01%1F`, refused('from')],
      [`${EXPORT}?format=csv&q%00=legal`, refused('a parameter name')],
      ['/api/moderation-log/summary?from=2026-03-01&format=json%00', refused('format')],
      ['/api/moderation-log/summary?to=%1F2026-03-01', refused('to')],
      ['/api/moderation/queue?tab=flagged%00', refused('tab')],
      ['/api/moderation/queue?tab=new&article=%1F', refused('article')],
      [`/api/articles/${article.slug}/comments?limit=5%00`, refused('limit')],
      [`/api/articles/${article.slug}/comments?after=%1F`, refused('after')],
    ];
    for (const [url, message] of cases) {
      await expectJsonError(await owner.request.get(url), 400, 'invalid_query', message);
    }
    expect(lastLogId(db)).toBe(before);
  });

  test('an owner downloads one moderator’s rows as NDJSON: the headers, exactly those rows, the summary, and the export logged', async ({ page }) => {
    const db = e2eDb();
    const { moderator, rows } = await moderatorWithTwoHides();
    const owner = await createAccount('owner');
    const signedInOwner = await signedIn(page, owner);

    const response = await signedInOwner.request.get(exportUrl({ format: 'ndjson', actor: String(moderator.id) }));
    expect(response.status()).toBe(200);
    const headers = response.headers();
    expect(headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    expect(headers['content-disposition']).toBe(`attachment; filename="moderation-log_start_${today()}.ndjson"`);
    expect(headers['cache-control']).toBe('private, no-store');
    expect(headers['x-content-type-options']).toBe('nosniff');

    const lines = (await response.text()).split('\n');
    expect(lines.pop()).toBe('');
    const summary = JSON.parse(lines.pop()!).summary;
    expect(lines.map((line) => JSON.parse(line))).toEqual(rows);
    const logged = logRows(db).at(-1)!;
    expect(logged).toMatchObject({ action: 'log_exported', actor_id: owner.id, actor_name: owner.email, actor_role: 'owner' });
    expect(summary).toMatchObject({
      format: 'ndjson', filters: { actor: moderator.id }, rows: 2, first_id: rows[0]!.id, last_id: rows[1]!.id, last_hash: rows[1]!.hash,
      complete: true, log_entry: { id: logged.id, hash: logged.hash },
    });
    const { log_entry, ...recorded } = summary;
    expect(logged.new_state).toBe(canonicalJson(recorded));
  });

  test('an owner downloads an article’s rows of today as CSV and JSON under the dated file name', async ({ page }) => {
    const { articleId, rows } = await moderatorWithTwoHides();
    const owner = await signedIn(page, await createAccount('owner'));
    const params = { article: String(articleId), from: today(), to: today() };

    const csv = await owner.request.get(exportUrl({ format: 'csv', ...params }));
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers()['content-disposition']).toBe(`attachment; filename="moderation-log_${today()}_${today()}.csv"`);
    const records = parse(await csv.text(), {
      columns: true,
      cast: (value, context) => {
        if (context.header) return value;
        if (!context.quoting && value === '') return null;
        return ['id', 'actor_id', 'target_id', 'article_id'].includes(String(context.column)) ? Number(value) : restoreCsvText(value);
      },
    });
    expect(records).toEqual(rows);

    const json = await owner.request.get(exportUrl({ format: 'json', ...params }));
    expect(json.status()).toBe(200);
    expect(json.headers()['content-type']).toBe('application/json; charset=utf-8');
    expect(json.headers()['content-disposition']).toBe(`attachment; filename="moderation-log_${today()}_${today()}.json"`);
    const array = (await json.json()) as unknown[];
    expect(array.slice(0, -1)).toEqual(rows);
    expect(array.at(-1)).toMatchObject({ summary: { format: 'json', filters: { ...params, article: articleId }, rows: 2, complete: true } });
  });
});
