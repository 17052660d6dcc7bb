// The log's filters as every reader of the log applies them: parsing the query string, the SQL
// condition against a hand-built log, the trigram search index and the time order the filters rely on.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '@/db/client';
import { migrateDatabase, MIGRATIONS_FOLDER } from '@/db/migrate';
import { appendLogEntry, type LogEntryInput } from '@/lib/log/append-log-entry';
import { logFilterCondition } from '@/lib/log/log-filter-sql';
import type { LogAudience } from '@/lib/shared/log/log-page-types';
import { findUnknownLogReference } from '@/lib/log/log-filter-references';
import { activeLogFilters, logFiltersToParams, NO_LOG_FILTERS, parseLogQuery, type LogFilters } from '@/lib/shared/log/log-filters';
import { verifyLogChain } from '@/lib/ops/log-verify/verify-log-chain';
import { insertUser, logRows } from '@/tests/support/accounts';
import { insertArticle } from '@/tests/support/comments';
import { createTempDb, type TempDb } from '@/tests/support/temp-db';

let temp: TempDb;
afterEach(() => {
  vi.useRealTimers();
  temp?.cleanup();
});

/** Appends an entry stamped at `at`: appendLogEntry reads the clock, so the clock is set. */
function appendAt(at: string, entry: LogEntryInput): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(at));
  temp.db.transaction((tx) => appendLogEntry(tx, entry), { behavior: 'immediate' });
  vi.useRealTimers();
}

function parsed(query: string, extraKeys: readonly string[] = []) {
  return parseLogQuery(new URLSearchParams(query), extraKeys);
}

describe('parseLogQuery', () => {
  it('reads every filter, with ids as numbers and the search trimmed', () => {
    expect(parsed('from=2026-03-01&to=2026-03-31&article=4&actor=7&action=comment_hidden&reason=spam&comment=12&q=%20legal%20hold%20')).toEqual({
      success: true,
      filters: { from: '2026-03-01', to: '2026-03-31', article: 4, actor: 7, action: 'comment_hidden', reason: 'spam', comment: 12, q: 'legal hold' },
      rest: {},
    });
  });

  it('treats empty values as absent and a blank search as none', () => {
    expect(parsed('from=&to=&article=&actor=&action=&reason=&comment=&q=%20%20')).toEqual({ success: true, filters: NO_LOG_FILTERS, rest: {} });
    expect(parsed('')).toEqual({ success: true, filters: NO_LOG_FILTERS, rest: {} });
  });

  it('refuses a control character in any parameter, naming it, before the search reaches SQLite', () => {
    const refused = (name: string) => ({ success: false, message: `${name} must not contain control characters (such as NUL, a tab or a line break)` });
    expect(parsed('q=leg%00al')).toEqual(refused('q'));
    expect(parsed('q=%1F%1F%1F')).toEqual(refused('q'));
    expect(parsed('q=legal%0A')).toEqual(refused('q'));
    expect(parsed('q=legal%C2%85')).toEqual(refused('q'));
    expect(parsed('from=2026-03-01%00&q=legal')).toEqual(refused('from'));
    expect(parsed('action=comment_hidden%7F')).toEqual(refused('action'));
    expect(parsed('format=csv%00', ['format'])).toEqual(refused('format'));
    expect(parsed('q%00=legal')).toEqual(refused('a parameter name'));
    // A lone surrogate never arrives: URLSearchParams turns it into U+FFFD, a printable character.
    expect(parseLogQuery(new URLSearchParams([['q', 'leg\uD800al']]))).toMatchObject({ success: true, filters: { q: 'leg\uFFFDal' } });
    // Printable text beyond ASCII is a search like any other.
    expect(parsed('q=%C3%BCber%20%E2%9C%93')).toMatchObject({ success: true, filters: { q: 'über ✓' } });
  });

  it('takes "system" as the actor of the command line', () => {
    expect(parsed('actor=system')).toMatchObject({ success: true, filters: { actor: 'system' } });
  });

  it('hands back the caller\'s own keys and refuses everyone else\'s', () => {
    expect(parsed('format=csv&actor=3', ['format'])).toEqual({ success: true, filters: { ...NO_LOG_FILTERS, actor: 3 }, rest: { format: 'csv' } });
    expect(parsed('format=csv&actor=3')).toEqual({
      success: false,
      message: 'unknown parameter "format"; the filters are from, to, article, actor, action, reason, comment, q',
    });
    expect(parsed('acter=3')).toMatchObject({ success: false, message: expect.stringContaining('unknown parameter "acter"') });
  });

  it('refuses a repeated parameter rather than picking one', () => {
    expect(parsed('actor=3&actor=4')).toEqual({ success: false, message: 'actor may be given only once' });
  });

  it.each([
    ['from=2026-02-30', 'from must be a date written YYYY-MM-DD'],
    ['to=2026-13-01', 'to must be a date written YYYY-MM-DD'],
    ['from=2026-3-1', 'from must be a date written YYYY-MM-DD'],
    ['from=yesterday', 'from must be a date written YYYY-MM-DD'],
    ['from=2026-03-01T00:00:00Z', 'from must be a date written YYYY-MM-DD'],
    ['from=2026-03-02&to=2026-03-01', 'from must not be after to'],
    ['article=0', 'article must be an article id'],
    ['article=4.5', 'article must be an article id'],
    ['comment=-3', 'comment must be a comment id'],
    ['actor=bob', 'actor must be a user id or "system"'],
    ['action=comment_vaporised', 'action must be one of'],
    ['reason=because', 'reason must be one of spam, harassment, hate, misinformation, off_topic, personal_information, other'],
    [`q=${'x'.repeat(201)}`, 'the search is at most 200 characters'],
    ['q=ok', 'search the notes for at least 3 characters'],
    ['q=%20%25_%20', 'search the notes for at least 3 characters'],
    ['q=%F0%9F%91%8D%F0%9F%8F%BD', 'search the notes for at least 3 characters'],
  ])('refuses %s in words', (query, message) => {
    const result = parsed(query);
    expect(result.success).toBe(false);
    expect(!result.success && result.message).toContain(message);
  });

  it('leap days are days', () => {
    expect(parsed('from=2024-02-29')).toMatchObject({ success: true });
    expect(parsed('from=2025-02-29')).toMatchObject({ success: false });
  });

  it('writes the filters back in a fixed order, only those set', () => {
    const filters: LogFilters = { ...NO_LOG_FILTERS, q: '50% & more', actor: 'system', from: '2026-03-01' };
    expect(logFiltersToParams(filters).toString()).toBe('from=2026-03-01&actor=system&q=50%25+%26+more');
    expect(activeLogFilters(filters)).toEqual({ from: '2026-03-01', actor: 'system', q: '50% & more' });
    const again = parseLogQuery(logFiltersToParams(filters));
    expect(again).toEqual({ success: true, filters, rest: {} });
  });
});

describe('logFilterCondition on a hand-built log', () => {
  let ids: { owner: number; mod1: number; mod2: number; reader: number; articleA: number; articleB: number; c1: number; c2: number; c3: number };

  beforeEach(() => {
    temp = createTempDb();
    const a = insertArticle(temp.db, 'article-a', [{}, {}]);
    const b = insertArticle(temp.db, 'article-b', [{}]);
    ids = {
      owner: insertUser(temp.db, { email: 'owner@example.com', role: 'owner' }),
      mod1: insertUser(temp.db, { email: 'mod1@example.com', role: 'moderator' }),
      mod2: insertUser(temp.db, { email: 'mod2@example.com', role: 'moderator' }),
      reader: insertUser(temp.db, { email: 'reader@example.com' }),
      articleA: a.articleId,
      articleB: b.articleId,
      c1: a.commentIds[0]!,
      c2: a.commentIds[1]!,
      c3: b.commentIds[0]!,
    };
    const user = (id: number, name: string, role: 'owner' | 'moderator') => ({ id, name, role });
    const owner = user(ids.owner, 'owner@example.com', 'owner');
    const mod1 = user(ids.mod1, 'mod1@example.com', 'moderator');
    const mod2 = user(ids.mod2, 'mod2@example.com', 'moderator');
    const system = { id: null, name: 'command line', role: 'system' as const };
    const comment = (id: number) => ({ type: 'comment' as const, id });
    // Row ids 1 to 9, in this order.
    appendAt('2026-03-01T09:00:00.000Z', { actor: owner, action: 'role_changed', target: { type: 'user', id: ids.mod1 }, internalNote: 'promoted after trial' });
    appendAt('2026-03-01T23:59:59.999Z', {
      actor: mod1, action: 'comment_hidden', target: comment(ids.c1), articleId: ids.articleA, reasonCode: 'spam',
      publicNote: 'Spam link removed', internalNote: '100% sure_spam',
    });
    appendAt('2026-03-02T00:00:00.000Z', { actor: mod2, action: 'comment_flagged', target: comment(ids.c2), articleId: ids.articleA, reasonCode: 'hate', internalNote: 'check with legal' });
    appendAt('2026-03-02T12:00:00.000Z', { actor: mod1, action: 'comment_flagged', target: comment(ids.c3), articleId: ids.articleB, reasonCode: 'spam' });
    appendAt('2026-03-03T08:00:00.000Z', { actor: system, action: 'user_banned', target: { type: 'user', id: ids.reader }, internalNote: 'Legal asked: ban' });
    appendAt('2026-03-03T09:00:00.000Z', { actor: mod2, action: 'comment_hidden', target: comment(ids.c3), articleId: ids.articleB, reasonCode: 'off_topic', publicNote: 'Off topic' });
    appendAt('2026-03-04T10:00:00.000Z', { actor: mod1, action: 'annotation_added', target: comment(ids.c1), articleId: ids.articleA, internalNote: 'Ünïcode ✓ note — ok' });
    appendAt('2026-03-04T11:00:00.000Z', { actor: owner, action: 'comments_closed', target: { type: 'article', id: ids.articleA }, articleId: ids.articleA, internalNote: 'legal hold 50%' });
    appendAt('2026-03-05T00:00:00.000Z', { actor: mod1, action: 'comment_unhidden', target: comment(ids.c1), articleId: ids.articleA, publicNote: 'Restored: not spam' });
  });

  function matching(filters: Partial<LogFilters>, audience: LogAudience = 'owner'): number[] {
    const condition = logFilterCondition({ ...NO_LOG_FILTERS, ...filters }, audience);
    return temp.db.$client.prepare(`SELECT l.id FROM moderation_log l WHERE ${condition.where} ORDER BY l.id`).pluck().all(...condition.params) as number[];
  }

  it('without filters, every row', () => {
    expect(matching({})).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(logFilterCondition(NO_LOG_FILTERS, 'owner')).toEqual({ where: '1', params: [] });
  });

  it('from and to are whole UTC days, both included', () => {
    expect(matching({ from: '2026-03-02' })).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(matching({ to: '2026-03-01' })).toEqual([1, 2]);
    expect(matching({ from: '2026-03-02', to: '2026-03-02' })).toEqual([3, 4]);
    expect(matching({ from: '2026-03-05' })).toEqual([9]);
    expect(matching({ from: '2026-03-06' })).toEqual([]);
    expect(matching({ to: '2026-02-28' })).toEqual([]);
    expect(matching({ from: '2026-01-01', to: '2026-12-31' })).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('article, actor, action, reason and comment', () => {
    expect(matching({ article: ids.articleA })).toEqual([2, 3, 7, 8, 9]);
    expect(matching({ article: ids.articleB })).toEqual([4, 6]);
    expect(matching({ actor: ids.mod1 })).toEqual([2, 4, 7, 9]);
    expect(matching({ actor: ids.owner })).toEqual([1, 8]);
    expect(matching({ actor: 'system' })).toEqual([5]);
    expect(matching({ actor: ids.reader })).toEqual([]);
    expect(matching({ action: 'comment_hidden' })).toEqual([2, 6]);
    expect(matching({ action: 'comment_flagged' })).toEqual([3, 4]);
    expect(matching({ reason: 'spam' })).toEqual([2, 4]);
    expect(matching({ comment: ids.c1 })).toEqual([2, 7, 9]);
    expect(matching({ comment: ids.c3 })).toEqual([4, 6]);
    // Row 1's target is the user mod1: a comment filter with that same number does not find it.
    expect(matching({ comment: ids.mod1 })).not.toContain(1);
  });

  it('filters combine', () => {
    expect(matching({ actor: ids.mod1, action: 'comment_flagged' })).toEqual([4]);
    expect(matching({ article: ids.articleA, from: '2026-03-02', to: '2026-03-04' })).toEqual([3, 7, 8]);
    expect(matching({ actor: ids.mod2, reason: 'off_topic' })).toEqual([6]);
    expect(matching({ actor: ids.mod1, q: 'spam', to: '2026-03-04' })).toEqual([2]);
  });

  it('the note search matches either note, ASCII letters in any case', () => {
    expect(matching({ q: 'spam' })).toEqual([2, 9]);
    expect(matching({ q: 'SPAM LINK' })).toEqual([2]);
    expect(matching({ q: 'Off topic' })).toEqual([6]);
    expect(matching({ q: '✓ note' })).toEqual([7]);
    expect(matching({ q: 'nïcode' })).toEqual([7]);
    expect(matching({ q: 'nothing like this' })).toEqual([]);
  });

  it('% and _ are plain characters, through the trigram index and, for a search the parser would refuse as too short, without it', () => {
    expect(matching({ q: '%' })).toEqual([2, 8]);
    expect(matching({ q: '0%' })).toEqual([2, 8]);
    expect(matching({ q: '_' })).toEqual([2]);
    expect(matching({ q: 'e_s' })).toEqual([2]);
    expect(matching({ q: '50%' })).toEqual([8]);
    expect(matching({ q: '"quoted"' })).toEqual([]);
  });

  it('a moderator\'s search does not reach the internal notes of owner-only actions', () => {
    expect(matching({ q: 'legal' }, 'owner')).toEqual([3, 5, 8]);
    expect(matching({ q: 'legal' }, 'moderator')).toEqual([3]);
    expect(matching({ q: 'promoted' }, 'moderator')).toEqual([]);
    // Comment actions' internal notes are the moderators' own.
    expect(matching({ q: 'sure_spam' }, 'moderator')).toEqual([2]);
  });

  it('a NUL in the search is the reason the parser refuses one: FTS5 reads its query text only up to it', () => {
    expect(() => matching({ q: 'leg\0al' })).toThrow('unterminated string');
  });

  it('the trigram index holds exactly the rows that have a note', () => {
    // The docsize table has one row per indexed document; the log itself is the content.
    const indexed = temp.db.$client.prepare('SELECT id FROM moderation_log_notes_docsize ORDER BY id').pluck().all();
    expect(indexed).toEqual([1, 2, 3, 5, 6, 7, 8, 9]);
  });

  it('names a filter that points at nothing', () => {
    expect(findUnknownLogReference(temp.db, { ...NO_LOG_FILTERS, article: ids.articleA, actor: ids.mod1, comment: ids.c1 })).toBeNull();
    expect(findUnknownLogReference(temp.db, { ...NO_LOG_FILTERS, actor: 'system' })).toBeNull();
    expect(findUnknownLogReference(temp.db, { ...NO_LOG_FILTERS, article: 999 })).toBe('There is no article 999.');
    expect(findUnknownLogReference(temp.db, { ...NO_LOG_FILTERS, actor: 999 })).toBe('There is no user 999.');
    expect(findUnknownLogReference(temp.db, { ...NO_LOG_FILTERS, comment: 999 })).toBe('There is no comment 999.');
  });
});

describe('the log\'s time order', () => {
  let ownerId: number;
  beforeEach(() => {
    temp = createTempDb();
    ownerId = insertUser(temp.db, { email: 'owner@example.com', role: 'owner' });
  });
  const entry = (): LogEntryInput => ({ actor: { id: ownerId, name: 'owner@example.com', role: 'owner' }, action: 'sessions_revoked', target: { type: 'user', id: ownerId } });

  it('a clock that steps back stamps the next row with the time of the one before, and the chain holds', () => {
    appendAt('2026-03-02T10:00:00.000Z', entry());
    appendAt('2026-03-02T09:00:00.000Z', entry());
    appendAt('2026-03-02T11:00:00.000Z', entry());
    expect(logRows(temp.db).map((row) => row.created_at)).toEqual(['2026-03-02T10:00:00.000Z', '2026-03-02T10:00:00.000Z', '2026-03-02T11:00:00.000Z']);
    expect(verifyLogChain(temp.db)).toMatchObject({ ok: true, rows: 3 });
  });

  it('the database refuses a row older than the one before, or a time of another shape', () => {
    appendAt('2026-03-02T10:00:00.000Z', entry());
    const last = logRows(temp.db)[0]!;
    const insert = (createdAt: string) =>
      temp.db.$client
        .prepare(`INSERT INTO moderation_log (id, created_at, actor_id, actor_name, actor_role, action, prev_hash, hash)
          VALUES (2, ?, ?, 'owner@example.com', 'owner', 'sessions_revoked', ?, ?)`)
        .run(createdAt, ownerId, last.hash, 'a'.repeat(64));
    const refusal = 'moderation_log: created_at must be ISO 8601 UTC with milliseconds, not earlier than the row before';
    expect(() => insert('2026-03-02T09:59:59.999Z')).toThrow(refusal);
    expect(() => insert('2026-03-02 10:00:01')).toThrow(refusal);
    expect(() => insert('2026-03-02T10:00:01Z')).toThrow(refusal);
    expect(() => insert('2026-03-02T10:00:01.000+01:00')).toThrow(refusal);
    expect(logRows(temp.db)).toHaveLength(1);
    insert('2026-03-02T10:00:00.000Z');
    expect(logRows(temp.db)).toHaveLength(2);
  });
});

describe('migration 0007 on a log that already has rows', () => {
  it('indexes the notes written before it, so the search finds them', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'threadkeeper-log-notes-'));
    try {
      const before = path.join(dir, 'migrations-before-0007');
      fs.cpSync(MIGRATIONS_FOLDER, before, { recursive: true });
      const journalFile = path.join(before, 'meta', '_journal.json');
      const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
      const upTo = journal.entries.findIndex((each) => each.tag.startsWith('0007_'));
      fs.writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, upTo) }));
      const db = openDatabase(path.join(dir, 'old.db'));
      temp = { db, file: path.join(dir, 'old.db'), cleanup: () => db.$client.close() };
      migrateDatabase(db, before);
      const ownerId = insertUser(db, { email: 'owner@example.com', role: 'owner' });
      const actor = { id: ownerId, name: 'owner@example.com', role: 'owner' as const };
      const target = { type: 'user' as const, id: ownerId };
      appendAt('2026-03-01T09:00:00.000Z', { actor, target, action: 'sessions_revoked', internalNote: 'Written before the index existed' });
      appendAt('2026-03-01T09:01:00.000Z', { actor, target, action: 'sessions_revoked' });
      expect(migrateDatabase(db)).toBe(journal.entries.length - upTo);
      appendAt('2026-03-01T09:02:00.000Z', { actor, target, action: 'sessions_revoked', publicNote: 'Written after it' });
      const search = (q: string) => {
        const condition = logFilterCondition({ ...NO_LOG_FILTERS, q }, 'owner');
        return db.$client.prepare(`SELECT l.id FROM moderation_log l WHERE ${condition.where} ORDER BY l.id`).pluck().all(...condition.params);
      };
      expect(search('before the index')).toEqual([1]);
      expect(search('after it')).toEqual([3]);
      expect(search('written')).toEqual([1, 3]);
    } finally {
      temp.cleanup();
      fs.rmSync(dir, { recursive: true, force: true });
      temp = undefined as unknown as TempDb;
    }
  });
});
