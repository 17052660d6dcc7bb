// The synthetic log generator: a chain verifyLogChain accepts, shaped like the real log, reproducible from its seed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendLogEntry } from '@/lib/log/append-log-entry';
import { isOwnerOnlyLogAction } from '@/lib/shared/log/owner-only-log-actions';
import { verifyLogChain } from '@/lib/ops/log-verify/verify-log-chain';
import { appendSyntheticLog, SYNTHETIC_COMMON_WORD } from '@/lib/ops/synthetic/generate-log';
import { insertUser, logRows, type LogRow } from '@/tests/support/accounts';
import { insertArticle, insertCast, type Cast } from '@/tests/support/comments';
import { createTempDb, type TempDb } from '@/tests/support/temp-db';

const ROWS = 2_000;
const STARTS_AT = '2025-03-01T00:00:00.000Z';

let temp: TempDb;
let cast: Cast;
let commentIds: number[];

function setUp(t: TempDb): { cast: Cast; commentIds: number[] } {
  const people = insertCast(t.db);
  insertUser(t.db, { email: 'second-moderator@example.com', displayName: 'Second Moderator', role: 'moderator' });
  const first = insertArticle(t.db, 'first-article', Array.from({ length: 30 }, () => ({})));
  const second = insertArticle(t.db, 'second-article', Array.from({ length: 10 }, () => ({})));
  return { cast: people, commentIds: [...first.commentIds, ...second.commentIds] };
}

beforeEach(() => {
  temp = createTempDb();
  ({ cast, commentIds } = setUp(temp));
});

afterEach(() => temp.cleanup());

const share = (rows: LogRow[], test: (row: LogRow) => boolean) => rows.filter(test).length / rows.length;

describe('appendSyntheticLog', () => {
  it('appends the rows it was asked for as a chain verifyLogChain accepts, in batches', () => {
    const batches: number[] = [];
    const result = appendSyntheticLog(temp.db, { rows: ROWS, startsAt: STARTS_AT, batchSize: 700, onBatch: (n) => batches.push(n) });
    expect(batches).toEqual([700, 1400, 2000]);
    const verdict = verifyLogChain(temp.db);
    expect(verdict).toEqual({ ok: true, rows: ROWS, head: result.head });
    expect(result).toMatchObject({ firstId: 1, lastId: ROWS });
  });

  it('stamps times that rise from startsAt, row after row', () => {
    const result = appendSyntheticLog(temp.db, { rows: ROWS, startsAt: STARTS_AT, meanGapMs: 60_000 });
    const rows = logRows(temp.db);
    expect(rows[0]!.created_at > STARTS_AT).toBe(true);
    for (let i = 1; i < rows.length; i++) {
      if (!(rows[i]!.created_at > rows[i - 1]!.created_at)) expect.fail(`row ${rows[i]!.id} is not later than row ${rows[i - 1]!.id}`);
    }
    expect(result.firstAt).toBe(rows[0]!.created_at);
    expect(result.lastAt).toBe(rows.at(-1)!.created_at);
    // About a minute apart on average: 2,000 rows cover about 33 hours.
    const hours = (Date.parse(result.lastAt) - Date.parse(result.firstAt)) / 3_600_000;
    expect(hours).toBeGreaterThan(25);
    expect(hours).toBeLessThan(42);
  });

  it('continues a log that already has rows, after its last row in time and chain', () => {
    const first = temp.db.transaction((tx) => appendLogEntry(tx, {
      actor: { id: null, name: 'command line', role: 'system' },
      action: 'role_changed',
      target: { type: 'user', id: cast.moderator },
      newState: { role: 'moderator' },
    }), { behavior: 'immediate' });
    const result = appendSyntheticLog(temp.db, { rows: 50, startsAt: STARTS_AT });
    const rows = logRows(temp.db);
    expect(rows).toHaveLength(51);
    expect(rows[1]!.prev_hash).toBe(first.hash);
    expect(rows[1]!.created_at > rows[0]!.created_at).toBe(true);
    expect(verifyLogChain(temp.db)).toEqual({ ok: true, rows: 51, head: result.head });
  });

  it('mixes mostly moderators’ actions on comments with a few owner actions, by people and on things that exist', () => {
    appendSyntheticLog(temp.db, { rows: ROWS, startsAt: STARTS_AT });
    const rows = logRows(temp.db);
    const counts = new Map<string, number>();
    for (const row of rows) counts.set(row.action, (counts.get(row.action) ?? 0) + 1);
    for (const action of ['comment_hidden', 'comment_flagged', 'comment_unhidden', 'annotation_added', 'reports_dismissed', 'comment_edited']) {
      expect(counts.get(action), action).toBeGreaterThan(ROWS * 0.04);
    }
    const ownerOnly = share(rows, (row) => isOwnerOnlyLogAction(row.action));
    expect(ownerOnly).toBeGreaterThan(0.02);
    expect(ownerOnly).toBeLessThan(0.1);

    const moderators = new Set([cast.moderator, temp.db.$client.prepare("SELECT id FROM users WHERE email = 'second-moderator@example.com'").pluck().get()]);
    const actorsOf = (test: (row: LogRow) => boolean) => new Set(rows.filter(test).map((row) => row.actor_id));
    const moderation = (row: LogRow) => row.target_type === 'comment' && row.action !== 'comment_edited';
    expect(actorsOf((row) => moderation(row) && row.actor_role === 'moderator')).toEqual(moderators);
    expect(actorsOf((row) => moderation(row) && row.actor_role === 'owner')).toEqual(new Set([cast.owner]));
    expect(actorsOf((row) => isOwnerOnlyLogAction(row.action) && row.actor_role !== 'system')).toEqual(new Set([cast.owner]));
    // Authors edit: readers' accounts, some of them made moderators by an earlier role_changed row.
    const readers = new Set([cast.rita, cast.otto, cast.una, cast.banned]);
    const editors = actorsOf((row) => row.action === 'comment_edited');
    expect(editors.size).toBeGreaterThan(1);
    expect([...editors].every((id) => readers.has(id!))).toBe(true);
    expect(rows.some((row) => row.actor_role === 'system' && row.actor_id === null && row.actor_name === 'command line')).toBe(true);

    const comments = new Set(commentIds);
    for (const row of rows.filter((r) => r.target_type === 'comment')) {
      if (!comments.has(row.target_id!)) expect.fail(`row ${row.id} names comment ${row.target_id}, which does not exist`);
    }
    // Nobody acts while banned: the banned owner never, a reader only between an unban and the next ban.
    const banned = new Set([cast.banned, cast.bannedOwner]);
    for (const row of rows) {
      if (banned.has(row.actor_id!)) expect.fail(`row ${row.id}: user ${row.actor_id} acts while banned`);
      if (row.action === 'user_banned') banned.add(row.target_id!);
      if (row.action === 'user_unbanned') banned.delete(row.target_id!);
    }
    const articles = new Set(temp.db.$client.prepare('SELECT id FROM articles').pluck().all());
    expect(rows.every((row) => row.article_id === null || articles.has(row.article_id))).toBe(true);
  });

  it('records comment states shaped like readCommentLogState’s, each following on from the last row about the same comment', () => {
    appendSyntheticLog(temp.db, { rows: ROWS, startsAt: STARTS_AT });
    const last = new Map<number, Record<string, unknown>>();
    for (const row of logRows(temp.db).filter((r) => r.target_type === 'comment')) {
      const before = JSON.parse(row.previous_state!) as Record<string, unknown>;
      const after = JSON.parse(row.new_state!) as Record<string, unknown>;
      expect(Object.keys(after).sort()).toEqual(['annotations', 'body_sha256', 'flag_reason', 'hidden_reason', 'open_reports', 'status', 'version']);
      expect(after.version).toBe((before.version as number) + 1);
      const earlier = last.get(row.target_id!);
      if (earlier) {
        // Reports arrive between rows without a row of their own; everything else carries over.
        expect({ ...before, open_reports: 0 }, `row ${row.id}`).toEqual({ ...earlier, open_reports: 0 });
      }
      if (row.action === 'comment_hidden') expect(after).toMatchObject({ status: 'hidden', hidden_reason: row.reason_code, open_reports: 0 });
      if (row.action === 'comment_unhidden') expect([before.status, after.status]).toEqual(['hidden', 'visible']);
      last.set(row.target_id!, after);
    }
  });

  it('writes public and internal notes on about a third of the rows, with text that tests a CSV writer', () => {
    appendSyntheticLog(temp.db, { rows: ROWS, startsAt: STARTS_AT });
    const rows = logRows(temp.db);
    const withNote = share(rows, (row) => row.public_note !== null || row.internal_note !== null);
    expect(withNote).toBeGreaterThan(0.25);
    expect(withNote).toBeLessThan(0.6);
    expect(share(rows, (row) => row.public_note !== null)).toBeGreaterThan(0.1);
    expect(share(rows, (row) => row.internal_note !== null)).toBeGreaterThan(0.1);
    const notes = rows.flatMap((row) => [row.public_note, row.internal_note]).filter((n): n is string => n !== null);
    for (const [label, test] of [
      ['a comma', (n: string) => n.includes(',')],
      ['a double quote', (n: string) => n.includes('"')],
      ['a line break', (n: string) => n.includes('\n')],
      ['an emoji', (n: string) => /\p{Extended_Pictographic}/u.test(n)],
      ['right-to-left text', (n: string) => /[\u0590-\u06ff]/.test(n)],
      ['a leading =', (n: string) => n.startsWith('=')],
      ['a leading +, - or @', (n: string) => /^[+\-@]/.test(n)],
      [`the common word "${SYNTHETIC_COMMON_WORD}"`, (n: string) => n.includes(SYNTHETIC_COMMON_WORD)],
    ] as const) {
      expect(notes.some(test), label).toBe(true);
    }
    expect(Math.max(...notes.map((n) => n.length))).toBeLessThanOrEqual(1000);
  });

  it('gives the same log for the same seed, and another for another seed', () => {
    const a = appendSyntheticLog(temp.db, { rows: 300, seed: 7, startsAt: STARTS_AT });
    const other = createTempDb();
    try {
      setUp(other);
      const b = appendSyntheticLog(other.db, { rows: 300, seed: 7, startsAt: STARTS_AT });
      expect(b.head).toBe(a.head);
      expect(logRows(other.db)).toEqual(logRows(temp.db));
    } finally {
      other.cleanup();
    }
    const third = createTempDb();
    try {
      setUp(third);
      expect(appendSyntheticLog(third.db, { rows: 300, seed: 8, startsAt: STARTS_AT }).head).not.toBe(a.head);
    } finally {
      third.cleanup();
    }
  });

  it('refuses a database with nobody to act or nothing to act on', () => {
    const empty = createTempDb();
    try {
      expect(() => appendSyntheticLog(empty.db, { rows: 10 })).toThrow(/moderator, one owner and one reader/);
      insertCast(empty.db);
      expect(() => appendSyntheticLog(empty.db, { rows: 10 })).toThrow(/comments to act on/);
      expect(logRows(empty.db)).toEqual([]);
    } finally {
      empty.cleanup();
    }
  });
});
