// Log exports on a real database file: each format read back by a real parser gives exactly the
// stored rows, every filter picks exactly the rows it should, strangers are refused without a trace,
// and each export — finished, abandoned or raced by a moderator — is logged as what it was.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/shared/auth/actor';
import { csvRow, restoreCsvText } from '@/lib/csv/csv-row';
import { appendLogEntry, type LogEntryInput } from '@/lib/log/append-log-entry';
import { CSV_EXPORT } from '@/lib/log/export/csv-export';
import { EXPORT_COLUMNS } from '@/lib/log/export/export-columns';
import { EXPORT_FORMAT_NAMES, type ExportFormat } from '@/lib/log/export/export-formats';
import type { LoggedExportSummary } from '@/lib/log/export/export-summary';
import { openLogExport, type LogExportOptions } from '@/lib/log/export/open-log-export';
import { canonicalJson } from '@/lib/log/hash-chain';
import { NO_LOG_FILTERS, type LogFilters } from '@/lib/shared/log/log-filters';
import { verifyLogChain } from '@/lib/ops/log-verify/verify-log-chain';
import { hideComment } from '@/lib/moderation/hide-comment';
import { anonymousActor, lastLogId, logRows, systemActor, userActor, type LogRow } from '@/tests/support/accounts';
import { insertArticle, insertCast, sha256, type Cast } from '@/tests/support/comments';
import { setRoleBySql } from '@/tests/support/moderation';
import { createTempDb, type TempDb } from '@/tests/support/temp-db';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

let temp: TempDb;
let ids: Cast;
let articleA: number;
let articleB: number;
let comments: number[];
/** The id each named row got. */
let row: Record<RowName, number>;

/** Wednesday 7 May 2025, noon UTC: the day the tests say is today. */
const TODAY = Date.UTC(2025, 4, 7, 12);

type RowName = 'promoted' | 'hidden' | 'flagged' | 'closed' | 'banned' | 'annotated' | 'unhidden' | 'percent' | 'lookalike';

/**
 * The log the tests export: notes with commas, quotes, newlines, CRLF, emoji, right-to-left text,
 * every formula start, an empty note next to a missing one; written by appendLogEntry at these times.
 */
function logEntries(): [RowName, string, LogEntryInput][] {
  const owner = { id: ids.owner, name: 'owner@example.com', role: 'owner' as const };
  const moderator = { id: ids.moderator, name: 'moderator@example.com', role: 'moderator' as const };
  const system = { id: null, name: 'command line', role: 'system' as const };
  const onComment = (index: number) => ({ target: { type: 'comment' as const, id: comments[index]! }, articleId: articleA });
  return [
    ['promoted', '2025-03-01T10:00:00.000Z', {
      actor: owner, action: 'role_changed', target: { type: 'user', id: ids.rita },
      internalNote: 'Promoted, "trusted", since 2020', previousState: { role: 'reader' }, newState: { role: 'moderator' }, requestId: 'req-1',
    }],
    ['hidden', '2025-03-02T23:59:59.999Z', {
      actor: moderator, action: 'comment_hidden', ...onComment(0), reasonCode: 'spam',
      publicNote: '=HYPERLINK("http://evil.example","click")', internalNote: 'line one\nline two',
      previousState: { status: 'visible', version: 1 }, newState: { status: 'hidden', version: 2 }, requestId: 'req-2',
    }],
    ['flagged', '2025-03-03T00:00:00.000Z', {
      actor: moderator, action: 'comment_flagged', ...onComment(1), reasonCode: 'harassment', publicNote: '', internalNote: null,
      previousState: { flag_reason: null }, newState: { flag_reason: 'harassment' },
    }],
    ['closed', '2025-03-03T12:00:00.000Z', {
      actor: system, action: 'comments_closed', target: { type: 'article', id: articleB }, articleId: articleB,
      publicNote: '+41 22 000 00 00', internalNote: 'windows\r\nline, and a lone\rreturn',
      previousState: { comments_open: true }, newState: { comments_open: false }, requestId: 'cli-3',
    }],
    ['banned', '2025-03-04T08:00:00.000Z', {
      actor: owner, action: 'user_banned', target: { type: 'user', id: ids.otto },
      publicNote: '-5 points', internalNote: '@everyone 👍🏽 emoji QA', previousState: { banned: false }, newState: { banned: true },
    }],
    ['annotated', '2025-03-04T09:00:00.000Z', {
      actor: moderator, action: 'annotation_added', ...onComment(0), publicNote: 'مرحبا بالعالم — right-to-left (qa)',
      internalNote: "'already quoted",
    }],
    ['unhidden', '2025-03-05T10:00:00.000Z', {
      actor: moderator, action: 'comment_unhidden', ...onComment(0), publicNote: '\rcarriage start', internalNote: '\ttab start',
      previousState: { status: 'hidden', version: 2 }, newState: { status: 'visible', version: 3 },
    }],
    ['percent', '2025-03-05T11:00:00.000Z', {
      actor: moderator, action: 'comment_flagged', ...onComment(2), reasonCode: 'spam', internalNote: '100% sure_thing',
    }],
    ['lookalike', '2025-03-06T12:00:00.000Z', {
      actor: owner, action: 'annotation_added', ...onComment(1), publicNote: 'Percent 1000 sure-thing',
    }],
  ];
}

beforeEach(() => {
  temp = createTempDb();
  ids = insertCast(temp.db);
  const first = insertArticle(temp.db, 'first-article', [{}, {}, {}]);
  articleA = first.articleId;
  comments = first.commentIds;
  articleB = insertArticle(temp.db, 'second-article').articleId;
  // appendLogEntry stamps rows with the clock: set it to each row's time, then back.
  vi.useFakeTimers({ toFake: ['Date'] });
  row = {} as Record<RowName, number>;
  for (const [name, at, entry] of logEntries()) {
    vi.setSystemTime(new Date(at));
    row[name] = temp.db.transaction((tx) => appendLogEntry(tx, entry), { behavior: 'immediate' }).id;
  }
  vi.useRealTimers();
});
afterEach(() => temp.cleanup());

const owner = () => userActor(temp.db, ids.owner);
const filtered = (filters: Partial<LogFilters>): LogFilters => ({ ...NO_LOG_FILTERS, ...filters });

type Exported = { text: string; filename: string; contentType: string; logged: LoggedExportSummary };

/** Runs an export to its end and returns the whole text and what was logged. */
async function exportAll(format: ExportFormat, filters: LogFilters = NO_LOG_FILTERS, actor: Actor = owner(), options: LogExportOptions = {}): Promise<Exported> {
  let logged: LoggedExportSummary | undefined;
  const opened = openLogExport(temp.db, actor, { format, filters }, { now: TODAY, ...options, onLogged: (summary) => (logged = summary) });
  if (!opened.ok) throw new Error(`${opened.code}: ${opened.message}`);
  const text = await new Response(opened.body).text();
  if (!logged) throw new Error('the export ended without being logged');
  return { text, filename: opened.filename, contentType: opened.contentType, logged };
}

const INTEGER_COLUMNS = new Set(['id', 'actor_id', 'target_id', 'article_id']);

/** The CSV read back by csv-parse: "" is the empty string, an empty unquoted field null, the defusing ' taken off. */
function readCsv(text: string): { header: string[]; rows: LogRow[] } {
  const records = parse(text, {
    cast: (value, context) => {
      if (context.header) return value;
      if (!context.quoting && value === '') return null;
      const restored = restoreCsvText(value);
      return INTEGER_COLUMNS.has(String(context.column)) ? Number(restored) : restored;
    },
    columns: (header: string[]) => header,
    info: false,
  }) as LogRow[];
  const header = (parse(text, { to_line: 1 }) as string[][])[0]!;
  return { header, rows: records };
}

/** NDJSON: every line but the last is a row, the last one the summary. */
function readNdjson(text: string): { rows: LogRow[]; summary: LoggedExportSummary } {
  expect(text.endsWith('\n')).toBe(true);
  const lines = text.slice(0, -1).split('\n').map((line) => JSON.parse(line));
  return { rows: lines.slice(0, -1), summary: lines.at(-1).summary };
}

function readJson(text: string): { rows: LogRow[]; summary: LoggedExportSummary } {
  const array = JSON.parse(text) as unknown[];
  return { rows: array.slice(0, -1) as LogRow[], summary: (array.at(-1) as { summary: LoggedExportSummary }).summary };
}

const READERS = { csv: (text: string) => readCsv(text).rows, ndjson: (text: string) => readNdjson(text).rows, json: (text: string) => readJson(text).rows };

/** The rows an export should hold: the stored ones with these ids, as SQLite returns them. */
const storedRows = (wanted: number[]) => logRows(temp.db).filter((stored) => wanted.includes(stored.id));

/** What the summary must say about these exported rows. */
function expectedSummary(format: ExportFormat, filters: LogFilters, rows: LogRow[], complete = true) {
  const active = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== null));
  return {
    format,
    filters: active,
    rows: rows.length,
    first_id: rows[0]?.id ?? null,
    last_id: rows.at(-1)?.id ?? null,
    last_hash: rows.at(-1)?.hash ?? null,
    hashes_sha256: sha256(rows.map((each) => each.hash).join('')),
    complete,
  };
}

describe('what each format holds', () => {
  it('EXPORT_COLUMNS are the columns of moderation_log, in table order', () => {
    const columns = temp.db.$client.prepare("SELECT name FROM pragma_table_info('moderation_log') ORDER BY cid").pluck().all();
    expect([...EXPORT_COLUMNS]).toEqual(columns);
  });

  it('CSV: a header row, then each row; csv-parse gives back exactly the stored rows, nulls and empty notes told apart', async () => {
    const stored = logRows(temp.db);
    const { text, contentType } = await exportAll('csv');
    expect(contentType).toBe('text/csv; charset=utf-8');
    expect(text.startsWith(`${EXPORT_COLUMNS.join(',')}\r\n`)).toBe(true);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text.endsWith('\r\n')).toBe(true);
    const { header, rows } = readCsv(text);
    expect(header).toEqual([...EXPORT_COLUMNS]);
    expect(rows).toEqual(stored);
    expect(rows.find((each) => each.id === row.flagged)).toMatchObject({ public_note: '', internal_note: null });
  });

  it('CSV: formula starts are defused with one apostrophe, the states are the stored JSON text quoted', async () => {
    const { text } = await exportAll('csv');
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(text).toContain(",'+41 22 000 00 00,");
    expect(text).toContain(",'-5 points,");
    expect(text).toContain(",'@everyone 👍🏽 emoji QA,");
    expect(text).toContain(`,"'\rcarriage start",'\ttab start,`);
    expect(text).toContain(",''already quoted,");
    expect(text).toContain(',"{""role"":""reader""}","{""role"":""moderator""}",');
  });

  it('NDJSON: one JSON.stringify(row) per line, keys in column order, then the summary line', async () => {
    const stored = logRows(temp.db);
    const { text, contentType, logged } = await exportAll('ndjson');
    expect(contentType).toBe('application/x-ndjson; charset=utf-8');
    const lines = text.split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -2)).toEqual(stored.map((each) => JSON.stringify(each)));
    expect(lines.at(-2)).toBe(JSON.stringify({ summary: logged }));
    expect(Object.keys(JSON.parse(lines[0]!))).toEqual([...EXPORT_COLUMNS]);
    const { rows, summary } = readNdjson(text);
    expect(rows).toEqual(stored);
    expect(summary).toEqual({ ...expectedSummary('ndjson', NO_LOG_FILTERS, stored), log_entry: { id: lastLogId(temp.db), hash: logRows(temp.db).at(-1)!.hash } });
  });

  it('JSON: one array, rows joined by ",\\n", the summary its last element', async () => {
    const stored = logRows(temp.db);
    const { text, contentType, logged } = await exportAll('json');
    expect(contentType).toBe('application/json; charset=utf-8');
    expect(text).toBe(`[\n${stored.map((each) => JSON.stringify(each)).join(',\n')},\n${JSON.stringify({ summary: logged })}\n]\n`);
    const { rows, summary } = readJson(text);
    expect(rows).toEqual(stored);
    expect(summary).toEqual({ ...expectedSummary('json', NO_LOG_FILTERS, stored), log_entry: expect.any(Object) });
  });

  it('an export of no rows: CSV is the header alone, NDJSON the summary line, JSON an array of the summary', async () => {
    const none = filtered({ action: 'password_reset' });
    expect((await exportAll('csv', none)).text).toBe(`${EXPORT_COLUMNS.join(',')}\r\n`);
    const ndjson = await exportAll('ndjson', none);
    expect(ndjson.text).toBe(`${JSON.stringify({ summary: ndjson.logged })}\n`);
    const json = await exportAll('json', none);
    expect(json.text).toBe(`[\n${JSON.stringify({ summary: json.logged })}\n]\n`);
    expect(json.logged).toMatchObject({
      rows: 0, first_id: null, last_id: null, last_hash: null, complete: true,
      hashes_sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    });
  });

  it('the summary key order is fixed: format, filters, rows, first_id, last_id, last_hash, hashes_sha256, complete, log_entry', async () => {
    const { logged } = await exportAll('ndjson', filtered({ article: articleA, q: 'qa' }));
    expect(Object.keys(logged)).toEqual(['format', 'filters', 'rows', 'first_id', 'last_id', 'last_hash', 'hashes_sha256', 'complete', 'log_entry']);
    expect(logged.filters).toEqual({ article: articleA, q: 'qa' });
  });

  /** 300 rows of about 1.6 KB: an export of several chunks. */
  function appendLongRows(): void {
    const entry: LogEntryInput = { actor: { id: null, name: 'command line', role: 'system' }, action: 'comments_opened', target: null, internalNote: 'x'.repeat(1500) };
    temp.db.transaction((tx) => {
      for (let index = 0; index < 300; index += 1) appendLogEntry(tx, entry);
    }, { behavior: 'immediate' });
  }

  it('a long export comes in chunks of about 64 KB', async () => {
    appendLongRows();
    const opened = openLogExport(temp.db, owner(), { format: 'csv', filters: NO_LOG_FILTERS });
    if (!opened.ok) throw new Error(opened.message);
    const reader = opened.body.getReader();
    const sizes: number[] = [];
    for (let next = await reader.read(); !next.done; next = await reader.read()) sizes.push(next.value.byteLength);
    expect(sizes.length).toBeGreaterThan(5);
    for (const size of sizes.slice(0, -1)) {
      expect(size).toBeGreaterThanOrEqual(64 * 1024);
      expect(size).toBeLessThan(64 * 1024 + 2000);
    }
  });

  it('lets other work run between chunks: a task queued as a fast reader starts runs before the export ends', async () => {
    appendLongRows();
    let ended = false;
    const opened = openLogExport(temp.db, owner(), { format: 'csv', filters: NO_LOG_FILTERS }, { onLogged: () => (ended = true) });
    if (!opened.ok) throw new Error(opened.message);
    const reading = new Response(opened.body).text();
    await new Promise((resolve) => setImmediate(resolve));
    expect(ended).toBe(false);
    await reading;
    expect(ended).toBe(true);
  });
});

describe('filters', () => {
  const cases: [string, () => Partial<LogFilters>, RowName[]][] = [
    ['from (inclusive, from midnight UTC)', () => ({ from: '2025-03-03' }), ['flagged', 'closed', 'banned', 'annotated', 'unhidden', 'percent', 'lookalike']],
    ['to (inclusive, to the last millisecond)', () => ({ to: '2025-03-02' }), ['promoted', 'hidden']],
    ['from and to on one day', () => ({ from: '2025-03-03', to: '2025-03-03' }), ['flagged', 'closed']],
    ['article', () => ({ article: articleA }), ['hidden', 'flagged', 'annotated', 'unhidden', 'percent', 'lookalike']],
    ['article B', () => ({ article: articleB }), ['closed']],
    ['actor', () => ({ actor: ids.moderator }), ['hidden', 'flagged', 'annotated', 'unhidden', 'percent']],
    ['actor system', () => ({ actor: 'system' }), ['closed']],
    ['action', () => ({ action: 'comment_flagged' }), ['flagged', 'percent']],
    ['reason', () => ({ reason: 'spam' }), ['hidden', 'percent']],
    ['comment', () => ({ comment: comments[0]! }), ['hidden', 'annotated', 'unhidden']],
    ['q in either note, any case', () => ({ q: 'LINE' }), ['hidden', 'closed']],
    ['q with % taken literally', () => ({ q: '100%' }), ['percent']],
    ['q with _ taken literally', () => ({ q: 'sure_thing' }), ['percent']],
    ['q of three characters', () => ({ q: 'QA)' }), ['annotated']],
    ['q with an emoji', () => ({ q: '👍🏽 e' }), ['banned']],
    ['q in right-to-left text', () => ({ q: 'بالعالم' }), ['annotated']],
    ['several at once', () => ({ article: articleA, actor: ids.moderator, from: '2025-03-04', to: '2025-03-05' }), ['annotated', 'unhidden', 'percent']],
    ['nothing matching', () => ({ actor: ids.rita }), []],
  ];

  // Each format in a fresh database, so that no export's own log_exported row meets the next one's filter.
  it.each(cases.flatMap(([label, filters, expected]) => EXPORT_FORMAT_NAMES.map((format) => [label, format, filters, expected] as const)))(
    '%s (%s)',
    async (_, format, filters, expected) => {
      const wanted = expected.map((name) => row[name]);
      const stored = storedRows(wanted);
      const { text, logged } = await exportAll(format, filtered(filters()));
      expect(READERS[format](text).map((each) => each.id)).toEqual(wanted);
      expect(READERS[format](text)).toEqual(stored);
      expect(logged).toEqual({ ...expectedSummary(format, filtered(filters()), stored), log_entry: expect.any(Object) });
    },
  );
});

describe('who may export', () => {
  const refusals: [string, () => Actor, object][] = [
    ['anonymous', () => anonymousActor(), { ok: false, code: 'UNAUTHENTICATED', message: 'Sign in first.' }],
    ['a reader', () => userActor(temp.db, ids.rita), { ok: false, code: 'FORBIDDEN', message: 'Only owners can export the moderation log.' }],
    ['a moderator', () => userActor(temp.db, ids.moderator), { ok: false, code: 'FORBIDDEN', message: 'Only owners can export the moderation log.' }],
    ['a banned owner', () => userActor(temp.db, ids.bannedOwner), { ok: false, code: 'FORBIDDEN', message: 'Your account is banned: Compromised' }],
    ['an owner demoted after signing in', () => {
      const stale = owner();
      setRoleBySql(temp.db, ids.owner, 'moderator');
      return stale;
    }, { ok: false, code: 'FORBIDDEN', message: 'Only owners can export the moderation log.' }],
  ];

  it.each(refusals)('%s is refused and no log row is written', (_, actor, expected) => {
    const before = logRows(temp.db);
    const caller = actor();
    for (const format of EXPORT_FORMAT_NAMES) {
      expect(openLogExport(temp.db, caller, { format, filters: NO_LOG_FILTERS })).toEqual(expected);
    }
    expect(logRows(temp.db)).toEqual(before);
  });

  it('a stranger is refused before an unknown format or a filter naming a missing article is noticed', () => {
    expect(openLogExport(temp.db, userActor(temp.db, ids.moderator), { format: 'csv', filters: filtered({ article: 999 }) }))
      .toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(openLogExport(temp.db, anonymousActor(), { format: 'xml' as ExportFormat, filters: NO_LOG_FILTERS }))
      .toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });

  it.each([
    ['article', { article: 999 }, 'There is no article 999.'],
    ['user', { actor: 999 }, 'There is no user 999.'],
    ['comment', { comment: 999 }, 'There is no comment 999.'],
  ])('an owner naming a missing %s gets INVALID_INPUT and no log row', (_, filters, message) => {
    const before = logRows(temp.db);
    expect(openLogExport(temp.db, owner(), { format: 'ndjson', filters: filtered(filters) })).toEqual({ ok: false, code: 'INVALID_INPUT', message });
    expect(logRows(temp.db)).toEqual(before);
  });

  it('an unknown format is INVALID_INPUT', () => {
    expect(openLogExport(temp.db, owner(), { format: 'xml' as ExportFormat, filters: NO_LOG_FILTERS }))
      .toEqual({ ok: false, code: 'INVALID_INPUT', message: 'There is no export format xml.' });
  });

  it('the command line (the system) may export, and is logged as such', async () => {
    const { logged } = await exportAll('csv', NO_LOG_FILTERS, systemActor('cli-test'));
    expect(logRows(temp.db).at(-1)).toMatchObject({
      id: logged.log_entry.id, actor_id: null, actor_name: 'command line', actor_role: 'system', action: 'log_exported', request_id: 'cli-test',
    });
  });
});

describe('the log_exported row', () => {
  it('records the owner, the request and the summary, after the last exported row, and the chain still verifies', async () => {
    const filters = filtered({ article: articleA, reason: 'spam' });
    const before = lastLogId(temp.db);
    const { logged } = await exportAll('ndjson', filters);
    const added = logRows(temp.db, before);
    expect(added).toHaveLength(1);
    const exported = storedRows([row.hidden, row.percent]);
    const summary = expectedSummary('ndjson', filters, exported);
    expect(added[0]).toEqual({
      id: before + 1,
      created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      actor_id: ids.owner,
      actor_name: 'owner@example.com',
      actor_role: 'owner',
      action: 'log_exported',
      target_type: null,
      target_id: null,
      article_id: null,
      reason_code: null,
      public_note: null,
      internal_note: null,
      previous_state: null,
      new_state: canonicalJson(summary),
      request_id: `req-user-${ids.owner}`,
      prev_hash: logRows(temp.db, before - 1)[0]!.hash,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(summary.filters).toEqual({ article: articleA, reason: 'spam' });
    expect(logged).toEqual({ ...summary, log_entry: { id: added[0]!.id, hash: added[0]!.hash } });
    expect(verifyLogChain(temp.db)).toMatchObject({ ok: true, rows: before + 1 });
  });

  it('a second export holds the first one’s log_exported row', async () => {
    const first = await exportAll('ndjson');
    const second = await exportAll('json');
    const rows = readJson(second.text).rows;
    expect(rows.map((each) => each.id)).toEqual([...readNdjson(first.text).rows.map((each) => each.id), first.logged.log_entry.id]);
    const { log_entry, ...firstSummary } = first.logged;
    expect(rows.at(-1)).toMatchObject({ id: log_entry.id, hash: log_entry.hash, action: 'log_exported', new_state: canonicalJson(firstSummary) });
    expect(second.logged.log_entry.id).toBe(log_entry.id + 1);
  });

  it('an export the client abandons after one chunk is logged incomplete, with the rows it was given', async () => {
    let logged: LoggedExportSummary | undefined;
    const opened = openLogExport(temp.db, owner(), { format: 'csv', filters: NO_LOG_FILTERS }, { chunkSize: 1, onLogged: (summary) => (logged = summary) });
    if (!opened.ok) throw new Error(opened.message);
    const reader = opened.body.getReader();
    const first = await reader.read();
    const received = readCsv(new TextDecoder().decode(first.value)).rows;
    expect(received).toEqual(storedRows([row.promoted]));
    const before = lastLogId(temp.db);
    await reader.cancel();

    const added = logRows(temp.db, before);
    expect(added).toHaveLength(1);
    const summary = expectedSummary('csv', NO_LOG_FILTERS, received, false);
    expect(added[0]).toMatchObject({ action: 'log_exported', actor_id: ids.owner, new_state: canonicalJson(summary) });
    expect(logged).toEqual({ ...summary, log_entry: { id: added[0]!.id, hash: added[0]!.hash } });
  });
});

describe('an export that fails part way', () => {
  it('hands over the rows read, errors, closes its reader and is logged incomplete with exactly those rows', async () => {
    const failing = vi.spyOn(CSV_EXPORT, 'row');
    failing.mockImplementation((values) => {
      if (values[0] === row.flagged) throw new Error('disk read failed');
      return csvRow(values);
    });
    let logged: LoggedExportSummary | undefined;
    const opened = openLogExport(temp.db, owner(), { format: 'csv', filters: NO_LOG_FILTERS }, { onLogged: (summary) => (logged = summary) });
    if (!opened.ok) throw new Error(opened.message);
    const reader = opened.body.getReader();
    const first = await reader.read();
    await expect(reader.read()).rejects.toThrow('disk read failed');
    failing.mockRestore();

    const handedOver = readCsv(new TextDecoder().decode(first.value)).rows;
    expect(handedOver).toEqual(storedRows([row.promoted, row.hidden]));
    expect(logged).toEqual({ ...expectedSummary('csv', NO_LOG_FILTERS, handedOver, false), log_entry: expect.any(Object) });
    expect(logRows(temp.db).at(-1)).toMatchObject({ id: logged!.log_entry.id, action: 'log_exported' });
  });
});

describe('an export whose search SQLite cannot run', () => {
  it('NDJSON and JSON end with the summary saying complete: false, then the body errors, and the export is logged incomplete', async () => {
    // A NUL ends FTS5's query text early ("unterminated string"); the query parser refuses one, so only a direct caller gets this far.
    for (const format of ['ndjson', 'json'] as const) {
      let logged: LoggedExportSummary | undefined;
      const filters = { ...NO_LOG_FILTERS, q: 'leg\0al' };
      const opened = openLogExport(temp.db, owner(), { format, filters }, { onLogged: (summary) => (logged = summary) });
      if (!opened.ok) throw new Error(opened.message);
      const reader = opened.body.getReader();
      const first = await reader.read();
      await expect(reader.read()).rejects.toThrow('unterminated string');
      const text = new TextDecoder().decode(first.value);
      const summary = format === 'ndjson' ? readNdjson(text).summary : readJson(text).summary;
      expect(summary).toEqual({ ...expectedSummary(format, filters, [], false), log_entry: logged!.log_entry });
      expect(logRows(temp.db).at(-1)).toMatchObject({ id: logged!.log_entry.id, action: 'log_exported' });
    }
  });
});

describe('an export in progress', () => {
  it('leaves moderation working: a hide made while it is half read succeeds, is not in the export, and is logged before it', async () => {
    let logged: LoggedExportSummary | undefined;
    const before = logRows(temp.db);
    const opened = openLogExport(temp.db, owner(), { format: 'ndjson', filters: NO_LOG_FILTERS }, { chunkSize: 1, onLogged: (summary) => (logged = summary) });
    if (!opened.ok) throw new Error(opened.message);
    const reader = opened.body.getReader();
    const decoder = new TextDecoder();
    let text = decoder.decode((await reader.read()).value, { stream: true });

    const hidden = hideComment(temp.db, userActor(temp.db, ids.moderator), {
      commentId: comments[2]!, version: 1, reason: 'spam', explanation: 'Advertising', note: null,
    });
    expect(hidden).toMatchObject({ ok: true });
    const hideRow = logRows(temp.db).at(-1)!;
    expect(hideRow).toMatchObject({ id: before.length + 1, action: 'comment_hidden', target_id: comments[2] });

    for (let next = await reader.read(); !next.done; next = await reader.read()) text += decoder.decode(next.value, { stream: true });
    const { rows, summary } = readNdjson(text);
    expect(rows).toEqual(before);
    expect(summary).toEqual(logged);
    expect(logged!.log_entry.id).toBe(hideRow.id + 1);
    expect(logRows(temp.db).at(-1)).toMatchObject({ id: hideRow.id + 1, action: 'log_exported', prev_hash: hideRow.hash });
    expect(verifyLogChain(temp.db)).toMatchObject({ ok: true });
  });
});

describe('the file name', () => {
  it.each([
    [NO_LOG_FILTERS, 'csv', 'moderation-log_start_2025-05-07.csv'],
    [filtered({ from: '2025-03-01' }), 'ndjson', 'moderation-log_2025-03-01_2025-05-07.ndjson'],
    [filtered({ from: '2025-03-01', to: '2025-03-31' }), 'json', 'moderation-log_2025-03-01_2025-03-31.json'],
    [filtered({ to: '2025-03-31', q: 'a"b/../c' }), 'csv', 'moderation-log_start_2025-03-31.csv'],
  ] as const)('%o as %s is %s', async (filters, format, filename) => {
    expect((await exportAll(format, filters)).filename).toBe(filename);
  });
});

describe('hashes_sha256', () => {
  it('is the sha256 of the exported rows’ hashes, one after the other', async () => {
    const { logged, text } = await exportAll('csv', filtered({ action: 'annotation_added' }));
    const hashes = readCsv(text).rows.map((each) => each.hash);
    expect(hashes).toHaveLength(2);
    expect(logged.hashes_sha256).toBe(createHash('sha256').update(hashes[0]!).update(hashes[1]!).digest('hex'));
  });
});

describe('npm run log:export', () => {
  const SCRIPT = path.join(ROOT, 'scripts', 'log-export.ts');

  /** Runs `scripts/log-export.ts args` on the test database, as cron would. */
  function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, ...args], { cwd: ROOT, env: { ...process.env, DATABASE_PATH: temp.file } });
    const result = { code: null as number | null, stdout: '', stderr: '' };
    child.stdout.on('data', (chunk) => (result.stdout += chunk));
    child.stderr.on('data', (chunk) => (result.stderr += chunk));
    return new Promise((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code) => resolve({ ...result, code }));
    });
  }

  it('writes the export to standard output as the command line, and says what it logged on standard error', async () => {
    const stored = storedRows([row.hidden, row.flagged, row.annotated, row.unhidden, row.percent]);
    const result = await runCli(['--format', 'ndjson', '--actor', String(ids.moderator)]);
    const entry = logRows(temp.db).at(-1)!;
    expect(result).toMatchObject({ code: 0, stderr: `Exported 5 rows as NDJSON, ids ${row.hidden} to ${row.percent} (log entry #${entry.id}).\n` });
    const { rows, summary } = readNdjson(result.stdout);
    expect(rows).toEqual(stored);
    const filters = filtered({ actor: ids.moderator });
    expect(summary).toEqual({ ...expectedSummary('ndjson', filters, stored), log_entry: { id: entry.id, hash: entry.hash } });
    expect(entry).toMatchObject({
      action: 'log_exported', actor_id: null, actor_name: 'command line', actor_role: 'system',
      request_id: expect.stringMatching(/^cli-[0-9a-f-]{36}$/), new_state: canonicalJson(expectedSummary('ndjson', filters, stored)),
    });
  });

  it('exports the system’s own rows with --actor system, as CSV', async () => {
    const result = await runCli(['--format', 'csv', '--actor', 'system', '--from', '2025-03-03', '--to', '2025-03-03']);
    expect(result.code).toBe(0);
    expect(readCsv(result.stdout).rows).toEqual(storedRows([row.closed]));
    expect(result.stderr).toMatch(/^Exported 1 row as CSV, ids \d+ to \d+ \(log entry #\d+\)\.\n$/);
  });

  it.each([
    ['an unknown article', ['--format', 'csv', '--article', '999'], 'error: There is no article 999.\n'],
    ['a bad date', ['--format', 'csv', '--from', '2025-02-30'], 'error: from must be a date written YYYY-MM-DD\n'],
    ['an unknown action', ['--format', 'csv', '--action', 'comment_eaten'], expect.stringMatching(/^error: action must be one of role_changed, /)],
    ['an unknown format', ['--format', 'xml'], 'error: format must be one of csv, ndjson, json\n'],
  ])('refuses %s with status 1, writing nothing', async (_, args, stderr) => {
    const before = logRows(temp.db);
    expect(await runCli(args)).toEqual({ code: 1, stdout: '', stderr });
    expect(logRows(temp.db)).toEqual(before);
  });

  it.each([
    ['no --format', ['--actor', 'system'], 'error: --format is required: csv, ndjson or json.'],
    ['an unknown option', ['--format', 'csv', '--user', '3'], "error: Unknown option '--user'"],
    ['an argument that is not an option', ['--format', 'csv', 'extra'], 'error: Unexpected argument'],
  ])('answers %s with the usage and status 2, writing nothing', async (_, args, start) => {
    const before = logRows(temp.db);
    const result = await runCli(args);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr.startsWith(start)).toBe(true);
    expect(result.stderr).toContain('Usage: npm run log:export -- --format csv|ndjson|json');
    expect(logRows(temp.db)).toEqual(before);
  });

  it('prints the usage on --help, exporting nothing', async () => {
    const result = await runCli(['--help']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('Exit status:');
    expect(lastLogId(temp.db)).toBe(row.lookalike);
  });
});
