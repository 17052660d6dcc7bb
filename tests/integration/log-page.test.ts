// The moderation log viewer's reads: who may look, each filter and their combinations against ids written out by hand,
// pages of 100 newest first, what moderators never receive, filters naming something that does not exist, and the month links.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { monthRange } from '@/components/moderation/log/log-summary-links';
import type { Viewer } from '@/lib/shared/auth/actor';
import { appendLogEntry, type LogEntryInput } from '@/lib/log/append-log-entry';
import { NO_LOG_FILTERS, type LogFilters } from '@/lib/shared/log/log-filters';
import { listLogActorChoices, logReaderRefusal, readLogPage } from '@/lib/queries/log-page';
import type { LogPage } from '@/lib/shared/log/log-page-types';
import { anonymousActor, insertUser, logRows, userActor } from '@/tests/support/accounts';
import { insertArticle, insertCast, type Cast } from '@/tests/support/comments';
import { setRoleBySql } from '@/tests/support/moderation';
import { createTempDb, type TempDb } from '@/tests/support/temp-db';

let temp: TempDb;
let ids: Cast & { second: number };
let articleA: number;
let articleB: number;
/** c1, c2 and c4 are on the first article, c3 on the second. */
let c: [number, number, number, number];
/** The scene's log rows by their number in `scene()` (1 to 11). */
let row: Record<number, number>;

const actor = (id: number) => userActor(temp.db, id);
const as = (id: number, email: string, role: 'reader' | 'moderator' | 'owner') => ({ id, name: email, role });
const SYSTEM = { id: null, name: 'command line', role: 'system' } as const;

/** Appends one row stamped `at`, in its own immediate transaction as every action does. */
function appendAt(at: string, entry: LogEntryInput): number {
  vi.setSystemTime(new Date(at));
  return temp.db.transaction((tx) => appendLogEntry(tx, entry).id, { behavior: 'immediate' });
}

const comment = (id: number) => ({ type: 'comment' as const, id });
const state = (status: string, flag: string | null = null) => ({ status, version: 1, flag_reason: flag, hidden_reason: status === 'hidden' ? 'spam' : null });

/** Eleven rows over a week, by two moderators, the owner, the command line and an author. */
function scene(): Record<number, number> {
  const mod1 = as(ids.moderator, 'moderator@example.com', 'moderator');
  const mod2 = as(ids.second, 'second@example.com', 'moderator');
  const owner = as(ids.owner, 'owner@example.com', 'owner');
  const [c1, c2, c3, c4] = c;
  return {
    1: appendAt('2026-01-30T23:59:59.999Z', { actor: mod1, action: 'comment_flagged', target: comment(c1), articleId: articleA, reasonCode: 'spam',
      internalNote: 'first look', previousState: state('visible'), newState: state('visible', 'spam') }),
    2: appendAt('2026-01-31T10:00:00.000Z', { actor: mod2, action: 'comment_hidden', target: comment(c2), articleId: articleA, reasonCode: 'harassment',
      publicNote: 'Personal attack', internalNote: '100% sure_ this is abuse', previousState: state('visible'), newState: state('hidden') }),
    3: appendAt('2026-02-01T00:00:00.000Z', { actor: owner, action: 'role_changed', target: { type: 'user', id: ids.rita },
      internalNote: 'Promoted for a trial: secret owner note', previousState: { role: 'reader' }, newState: { role: 'moderator' } }),
    4: appendAt('2026-02-01T08:00:00.000Z', { actor: SYSTEM, action: 'user_banned', target: { type: 'user', id: ids.otto },
      internalNote: 'Bought followers, says the registrar', previousState: { banned: false }, newState: { banned: true } }),
    5: appendAt('2026-02-02T12:00:00.000Z', { actor: mod1, action: 'comment_hidden', target: comment(c3), articleId: articleB, reasonCode: 'spam',
      publicNote: 'Advertising: 50% off' }),
    6: appendAt('2026-02-03T09:00:00.000Z', { actor: mod2, action: 'comment_flagged', target: comment(c1), articleId: articleA, reasonCode: 'hate' }),
    7: appendAt('2026-02-03T23:59:59.999Z', { actor: owner, action: 'comments_closed', target: { type: 'article', id: articleB }, articleId: articleB,
      internalNote: 'Closed for legal review', previousState: { comments_open: true }, newState: { comments_open: false } }),
    8: appendAt('2026-02-04T00:00:00.000Z', { actor: as(ids.rita, 'rita@example.com', 'reader'), action: 'comment_deleted', target: comment(c4), articleId: articleA }),
    9: appendAt('2026-02-05T10:00:00.000Z', { actor: mod1, action: 'annotation_added', target: comment(c2), articleId: articleA, internalNote: 'ok' }),
    10: appendAt('2026-02-06T10:00:00.000Z', { actor: mod1, action: 'comment_unhidden', target: comment(c2), articleId: articleA, internalNote: 'Appeal accepted' }),
    11: appendAt('2026-02-07T10:00:00.000Z', { actor: owner, action: 'log_exported', target: null, newState: { format: 'csv', rows: 10 } }),
  };
}

beforeEach(() => {
  temp = createTempDb();
  ids = { ...insertCast(temp.db), second: insertUser(temp.db, { email: 'second@example.com', displayName: 'Sam Second', role: 'moderator' }) };
  const first = insertArticle(temp.db, 'first-article', [{}, {}, {}]);
  const second = insertArticle(temp.db, 'second-article', [{}]);
  articleA = first.articleId;
  articleB = second.articleId;
  c = [first.commentIds[0]!, first.commentIds[1]!, second.commentIds[0]!, first.commentIds[2]!];
  vi.useFakeTimers({ toFake: ['Date'] });
  row = scene();
  vi.useRealTimers();
});
afterEach(() => temp.cleanup());

function read(viewer: Viewer, filters: Partial<LogFilters> = {}, before: number | null = null): LogPage {
  const answer = readLogPage(temp.db, viewer, { filters: { ...NO_LOG_FILTERS, ...filters }, before });
  if (!answer.ok) throw new Error(`${answer.code}: ${answer.message}`);
  return answer.page;
}

/** The ids an owner (or `viewer`) reads with these filters, newest first. */
const idsFor = (filters: Partial<LogFilters>, viewer: Viewer = actor(ids.owner)) => read(viewer, filters).entries.map((entry) => entry.id);
/** The scene's rows by number, newest first, as the viewer lists them. */
const rows = (...numbers: number[]) => numbers.sort((a, b) => b - a).map((number) => row[number]!);

describe('who may read the log', () => {
  it('refuses anonymous callers, readers and banned accounts, and answers moderators and owners with their audience', () => {
    const none = { filters: NO_LOG_FILTERS, before: null };
    expect(readLogPage(temp.db, anonymousActor(), none)).toEqual({ ok: false, code: 'UNAUTHENTICATED', message: 'Sign in first.' });
    expect(readLogPage(temp.db, actor(ids.rita), none)).toEqual({ ok: false, code: 'FORBIDDEN', message: 'Only moderators and owners can read the moderation log.' });
    expect(readLogPage(temp.db, actor(ids.banned), none)).toEqual({ ok: false, code: 'FORBIDDEN', message: 'Your account is banned: Spam links' });
    expect(readLogPage(temp.db, actor(ids.bannedOwner), none)).toEqual({ ok: false, code: 'FORBIDDEN', message: 'Your account is banned: Compromised' });
    expect(read(actor(ids.moderator)).audience).toBe('moderator');
    expect(read(actor(ids.owner)).audience).toBe('owner');
    expect(logReaderRefusal(temp.db, anonymousActor())).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(logReaderRefusal(temp.db, actor(ids.rita))).toMatchObject({ code: 'FORBIDDEN' });
    expect(logReaderRefusal(temp.db, actor(ids.moderator))).toBeNull();
  });

  it('goes by the role in the database, not the one the session carried', () => {
    const moderator = actor(ids.moderator);
    const owner = actor(ids.owner);
    setRoleBySql(temp.db, ids.moderator, 'reader');
    setRoleBySql(temp.db, ids.owner, 'moderator');
    expect(readLogPage(temp.db, moderator, { filters: NO_LOG_FILTERS, before: null })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(logReaderRefusal(temp.db, moderator)).toMatchObject({ code: 'FORBIDDEN' });
    const demotedOwner = read(owner);
    expect(demotedOwner.audience).toBe('moderator');
    expect(JSON.stringify(demotedOwner)).not.toContain('secret owner note');
  });

  it('refuses a stranger before saying which filter is wrong', () => {
    expect(readLogPage(temp.db, actor(ids.rita), { filters: { ...NO_LOG_FILTERS, article: 999 }, before: null })).toMatchObject({ code: 'FORBIDDEN' });
    expect(readLogPage(temp.db, anonymousActor(), { filters: NO_LOG_FILTERS, before: -1 })).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('what a row says', () => {
  it('lists every row newest first, each with its actor as they were, its target named and linked, reason, notes and states', () => {
    setRoleBySql(temp.db, ids.second, 'owner');
    const page = read(actor(ids.owner));
    expect(page.entries.map((entry) => entry.id)).toEqual(rows(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11));
    expect(page.nextBefore).toBeNull();
    const stored = new Map(logRows(temp.db).map((logged) => [logged.id, logged]));
    const byNumber = (number: number) => page.entries.find((entry) => entry.id === row[number])!;
    expect(byNumber(2)).toEqual({
      id: row[2],
      at: '2026-01-31T10:00:00.000Z',
      actor: { id: ids.second, name: 'second@example.com', role: 'moderator' },
      action: 'comment_hidden',
      actionLabel: 'Comment hidden',
      target: { type: 'comment', id: c[1], name: 'Imported Ida', href: `/articles/first-article/comments/${c[1]}` },
      article: { id: articleA, slug: 'first-article', title: 'Title of first-article' },
      reason: { code: 'harassment', label: 'Harassment' },
      publicNote: 'Personal attack',
      internalNote: '100% sure_ this is abuse',
      internalNoteWithheld: false,
      previousState: state('visible'),
      newState: state('hidden'),
      hash: stored.get(row[2]!)!.hash,
    });
    expect(byNumber(3)).toMatchObject({
      actor: { id: ids.owner, name: 'owner@example.com', role: 'owner' },
      actionLabel: 'Role changed',
      target: { type: 'user', id: ids.rita, name: 'Rita Reader', href: `/moderation/authors/${ids.rita}` },
      article: null,
      reason: null,
    });
    expect(byNumber(4).actor).toEqual({ id: null, name: 'command line', role: 'system' });
    expect(byNumber(7).target).toEqual({ type: 'article', id: articleB, name: 'Title of second-article', href: '/articles/second-article' });
    expect(byNumber(8).actor).toEqual({ id: ids.rita, name: 'rita@example.com', role: 'reader' });
    expect(byNumber(11)).toMatchObject({ target: null, article: null, previousState: null, newState: { format: 'csv', rows: 10 } });
    for (const entry of page.entries) expect(entry.hash).toBe(stored.get(entry.id)!.hash);
  });
});

describe('each filter', () => {
  it('from and to are whole UTC days, inclusive', () => {
    expect(idsFor({ from: '2026-02-01' })).toEqual(rows(3, 4, 5, 6, 7, 8, 9, 10, 11));
    expect(idsFor({ to: '2026-01-31' })).toEqual(rows(1, 2));
    expect(idsFor({ from: '2026-02-03', to: '2026-02-03' })).toEqual(rows(6, 7));
    expect(idsFor({ from: '2026-01-30', to: '2026-01-30' })).toEqual(rows(1));
    expect(idsFor({ from: '2026-03-01' })).toEqual([]);
    expect(idsFor({ to: '2026-01-01' })).toEqual([]);
  });

  it('article, actor, the command line, action, reason and comment', () => {
    expect(idsFor({ article: articleA })).toEqual(rows(1, 2, 6, 8, 9, 10));
    expect(idsFor({ article: articleB })).toEqual(rows(5, 7));
    expect(idsFor({ actor: ids.moderator })).toEqual(rows(1, 5, 9, 10));
    expect(idsFor({ actor: ids.rita })).toEqual(rows(8));
    expect(idsFor({ actor: 'system' })).toEqual(rows(4));
    expect(idsFor({ actor: ids.una })).toEqual([]);
    expect(idsFor({ action: 'comment_hidden' })).toEqual(rows(2, 5));
    expect(idsFor({ action: 'log_exported' })).toEqual(rows(11));
    expect(idsFor({ reason: 'spam' })).toEqual(rows(1, 5));
    expect(idsFor({ reason: 'other' })).toEqual([]);
    expect(idsFor({ comment: c[0] })).toEqual(rows(1, 6));
    expect(idsFor({ comment: c[1] })).toEqual(rows(2, 9, 10));
  });

  it('q finds text in either note, % and _ taken literally', () => {
    expect(idsFor({ q: '50%' })).toEqual(rows(5));
    expect(idsFor({ q: 'personal ATTACK' })).toEqual(rows(2));
    expect(idsFor({ q: 'appeal accepted' })).toEqual(rows(10));
    expect(idsFor({ q: 'nowhere in any note' })).toEqual([]);
  });

  it('combines filters with AND', () => {
    expect(idsFor({ actor: ids.moderator, action: 'comment_hidden' })).toEqual(rows(5));
    expect(idsFor({ article: articleA, from: '2026-02-01' })).toEqual(rows(6, 8, 9, 10));
    expect(idsFor({ reason: 'spam', article: articleB })).toEqual(rows(5));
    expect(idsFor({ comment: c[1], actor: ids.moderator, to: '2026-02-05' })).toEqual(rows(9));
    expect(idsFor({ q: 'a', actor: ids.second })).toEqual(rows(2));
    expect(idsFor({ action: 'comment_flagged', reason: 'hate', from: '2026-02-03', to: '2026-02-03', article: articleA, comment: c[0], actor: ids.second })).toEqual(rows(6));
    expect(idsFor({ action: 'comment_flagged', reason: 'spam', actor: ids.second })).toEqual([]);
  });

  it('a filter naming an article, user or comment that does not exist is INVALID_INPUT, as is a bad cursor', () => {
    const owner = actor(ids.owner);
    const invalid = (filters: Partial<LogFilters>, before: number | null = null) =>
      readLogPage(temp.db, owner, { filters: { ...NO_LOG_FILTERS, ...filters }, before });
    expect(invalid({ article: 999 })).toEqual({ ok: false, code: 'INVALID_INPUT', message: 'There is no article 999.' });
    expect(invalid({ actor: 999 })).toEqual({ ok: false, code: 'INVALID_INPUT', message: 'There is no user 999.' });
    expect(invalid({ comment: 999 })).toEqual({ ok: false, code: 'INVALID_INPUT', message: 'There is no comment 999.' });
    expect(invalid({}, 0)).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(invalid({}, 1.5)).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(invalid({}, Number.NaN)).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });
});

describe('what moderators never receive', () => {
  it('an owner-only action’s internal note is withheld from moderators, flagged as such, and shown to owners', () => {
    const moderatorPage = read(actor(ids.moderator));
    expect(moderatorPage.entries.map((entry) => entry.id)).toEqual(rows(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11));
    const withheld = moderatorPage.entries.filter((entry) => entry.internalNoteWithheld).map((entry) => entry.id);
    expect(withheld).toEqual(rows(3, 4, 7));
    for (const entry of moderatorPage.entries.filter((each) => each.internalNoteWithheld)) expect(entry.internalNote).toBeNull();
    const sent = JSON.stringify(moderatorPage);
    for (const secret of ['secret owner note', 'Bought followers', 'Closed for legal review']) expect(sent).not.toContain(secret);
    // A moderator's own kind of action keeps its internal note, and an owner-only row without one has nothing to withhold.
    expect(moderatorPage.entries.find((entry) => entry.id === row[2])!.internalNote).toBe('100% sure_ this is abuse');
    expect(moderatorPage.entries.find((entry) => entry.id === row[11])!.internalNoteWithheld).toBe(false);

    const ownerPage = read(actor(ids.owner));
    expect(ownerPage.entries.some((entry) => entry.internalNoteWithheld)).toBe(false);
    expect(ownerPage.entries.find((entry) => entry.id === row[3])!.internalNote).toBe('Promoted for a trial: secret owner note');
  });

  it('a search for text only in a withheld note finds nothing for a moderator and the row for an owner', () => {
    expect(idsFor({ q: 'secret owner' }, actor(ids.moderator))).toEqual([]);
    expect(idsFor({ q: 'secret owner' }, actor(ids.owner))).toEqual(rows(3));
    expect(idsFor({ q: 'legal' }, actor(ids.moderator))).toEqual([]);
    expect(idsFor({ q: 'legal' }, actor(ids.owner))).toEqual(rows(7));
  });
});

describe('paging', () => {
  it('walks 250 more rows newest first, 100 a page, none twice and none missing, with and without a filter', () => {
    const moderator = as(ids.moderator, 'moderator@example.com', 'moderator');
    const added: number[] = [];
    for (let index = 0; index < 250; index += 1) {
      added.push(temp.db.transaction((tx) => appendLogEntry(tx, {
        actor: moderator,
        action: index % 2 === 0 ? 'comment_flagged' : 'comment_unflagged',
        target: comment(c[0]),
        articleId: articleA,
        reasonCode: 'spam',
      }).id, { behavior: 'immediate' }));
    }
    const all = [...Object.values(row), ...added].sort((a, b) => b - a);
    const walk = (filters: Partial<LogFilters>) => {
      const pages: number[][] = [];
      let before: number | null = null;
      do {
        const page = read(actor(ids.owner), filters, before);
        pages.push(page.entries.map((entry) => entry.id));
        before = page.nextBefore;
        if (before !== null) expect(before).toBe(page.entries.at(-1)!.id);
      } while (before !== null);
      return pages;
    };
    const pages = walk({});
    expect(pages.map((page) => page.length)).toEqual([100, 100, 61]);
    expect(pages.flat()).toEqual(all);

    const flagged = walk({ action: 'comment_flagged' });
    expect(flagged.map((page) => page.length)).toEqual([100, 27]);
    expect(flagged.flat()).toEqual([...added.filter((_, index) => index % 2 === 0).reverse(), ...rows(1, 6)]);
  });
});

describe('the actor choices', () => {
  it('are today’s moderators and owners, and the one the URL names whoever they are', () => {
    const names = (also: number | null) => listLogActorChoices(temp.db, also).map((choice) => choice.email);
    expect(names(null)).toEqual(['banned-owner@example.com', 'moderator@example.com', 'owner@example.com', 'second@example.com']);
    expect(names(ids.rita)).toContain('rita@example.com');
  });
});

describe('the transparency summary’s month links', () => {
  it('cover whole UTC months, across a year’s end and a leap day', () => {
    expect(monthRange(new Date('2026-01-15T23:30:00.000Z'), -1)).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(monthRange(new Date('2026-01-15T23:30:00.000Z'), 0)).toEqual({ from: '2026-01-01', to: '2026-01-31' });
    expect(monthRange(new Date('2024-03-01T00:00:00.000Z'), -1)).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthRange(new Date('2026-12-31T23:59:59.999Z'), 0)).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });
});
