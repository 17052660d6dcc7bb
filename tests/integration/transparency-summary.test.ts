// The owners' transparency summary against a log and reports built by hand through the real actions: every
// count, the decision times and their percentile, the period's edges, who may read it, its query and its CSV.
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/shared/auth/actor';
import { setCommentsOpen } from '@/lib/articles/set-comments-open';
import { deleteComment } from '@/lib/comments/delete-comment';
import { postComment } from '@/lib/comments/post-comment';
import { LOG_ACTIONS, type LogAction } from '@/db/log-actions';
import { annotateComment } from '@/lib/moderation/annotate-comment';
import { dismissReports } from '@/lib/moderation/dismiss-reports';
import { flagComment } from '@/lib/moderation/flag-comment';
import { hideComment } from '@/lib/moderation/hide-comment';
import { unflagComment } from '@/lib/moderation/unflag-comment';
import { unhideComment } from '@/lib/moderation/unhide-comment';
import { readTransparencySummary, transparencySummaryRefusal } from '@/lib/log/transparency-summary';
import { SUMMARY_CSV_COLUMNS, transparencySummaryCsv } from '@/lib/log/transparency-summary-csv';
import { durationLabel } from '@/lib/shared/log/transparency-summary-duration';
import { dayRangeFileName, dayRangeInstants } from '@/lib/log/day-range';
import { periodLabel } from '@/lib/shared/log/transparency-summary-period';
import { parseSummaryQuery } from '@/lib/log/transparency-summary-query';
import type { SummaryPeriod, TransparencySummary } from '@/lib/shared/log/transparency-summary-types';
import { reportComment } from '@/lib/reports/report-comment';
import { changeUserRole } from '@/lib/users/change-user-role';
import { anonymousActor, insertUser, logRows, systemActor, userActor } from '@/tests/support/accounts';
import { insertArticle, insertCast, type Cast } from '@/tests/support/comments';
import { createTempDb, type TempDb } from '@/tests/support/temp-db';

let temp: TempDb;
let ids: Cast;
/** A second moderator, promoted to owner in the middle of January. */
let mod2: number;
let alpha: number;
let beta: number;

afterEach(() => {
  vi.useRealTimers();
  temp?.cleanup();
});

/** Runs `act` with the clock at `at`: the log stamps its rows with the clock, not with an injected time. */
function at<T>(when: string, act: () => T): T {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(when));
  try {
    return act();
  } finally {
    vi.useRealTimers();
  }
}

function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result as Extract<T, { ok: true }>;
}

const actor = (id: number) => userActor(temp.db, id);
const version = (id: number) => temp.db.$client.prepare('SELECT version FROM comments WHERE id = ?').pluck().get(id) as number;
const commentAt = (id: number) => ({ commentId: id, version: version(id) });

function post(when: string, author: number, articleId: number, body: string): number {
  return ok(at(when, () => postComment(temp.db, actor(author), { articleId, body }))).comment.id;
}

function report(when: string, reporter: number, commentId: number): void {
  ok(at(when, () => reportComment(temp.db, actor(reporter), { commentId, reason: 'spam' })));
}

function summary(period: SummaryPeriod, viewer: Actor = actor(ids.owner)): TransparencySummary {
  return ok(readTransparencySummary(temp.db, viewer, period)).summary;
}

const JANUARY: SummaryPeriod = { from: '2026-01-01', to: '2026-01-31' };

/** Every action at zero, with some set: a moderator's counts as the summary gives them. */
function actions(counts: Partial<Record<LogAction, number>>): Record<LogAction, number> {
  return { ...Object.fromEntries(LOG_ACTIONS.map((action) => [action, 0])), ...counts } as Record<LogAction, number>;
}

/** Comments on "alpha" (a1…a5) and "beta" (b1, b2), by Rita and Otto. */
let a1: number, a2: number, a3: number, a4: number, a5: number, b1: number, b2: number;

/**
 * January 2026, and a row on each side of it. Decisions in January, with the time from the
 * reply's first report among them: a1 hidden (2 reports, 3 h), a2 dismissed (30 min), b1 hidden
 * (1 day), b2 dismissed (2 reports, 45 s), a2 dismissed again (2 h), a3 dismissed at the last
 * millisecond of January (2 days less 1 ms).
 */
function buildJanuary(): void {
  const mo = ids.moderator;
  a1 = post('2025-12-20T00:00:00.000Z', ids.rita, alpha, 'a1: Rita on alpha');
  a2 = post('2025-12-20T01:00:00.000Z', ids.rita, alpha, 'a2: Rita again');
  a3 = post('2025-12-20T02:00:00.000Z', ids.rita, alpha, 'a3: Rita a third time');
  a4 = post('2025-12-20T03:00:00.000Z', ids.otto, alpha, 'a4: Otto on alpha');
  b1 = post('2025-12-20T04:00:00.000Z', ids.rita, beta, 'b1: Rita on beta');
  b2 = post('2025-12-20T05:00:00.000Z', ids.otto, beta, 'b2: Otto on beta');

  // The last millisecond of December: outside the period.
  report('2025-12-31T20:00:00.000Z', ids.una, a4);
  ok(at('2025-12-31T23:59:59.999Z', () => hideComment(temp.db, actor(mo), { ...commentAt(a4), reason: 'spam' })));

  report('2026-01-02T10:00:00.000Z', ids.otto, a1);
  report('2026-01-02T11:00:00.000Z', ids.una, a1);
  ok(at('2026-01-02T13:00:00.000Z', () => hideComment(temp.db, actor(mo), { ...commentAt(a1), reason: 'harassment' })));
  report('2026-01-03T09:00:00.000Z', ids.una, a2);
  ok(at('2026-01-03T09:30:00.000Z', () => dismissReports(temp.db, actor(mo), commentAt(a2))));
  report('2026-01-04T00:00:00.000Z', ids.otto, b1);
  ok(at('2026-01-04T01:00:00.000Z', () => flagComment(temp.db, actor(mod2), { ...commentAt(b1), reason: 'hate' })));
  ok(at('2026-01-05T00:00:00.000Z', () => hideComment(temp.db, actor(ids.owner), { ...commentAt(b1), reason: 'hate' })));
  ok(at('2026-01-06T00:00:00.000Z', () => unhideComment(temp.db, actor(mo), commentAt(a1))));
  ok(at('2026-01-07T00:00:00.000Z', () => flagComment(temp.db, actor(mo), { ...commentAt(a2), reason: 'misinformation' })));
  ok(at('2026-01-08T00:00:00.000Z', () => unflagComment(temp.db, actor(mo), commentAt(a2))));
  ok(at('2026-01-09T00:00:00.000Z', () => annotateComment(temp.db, actor(mo), { ...commentAt(b2), visibility: 'public', body: 'Context added' })));
  report('2026-01-10T00:00:00.000Z', ids.una, b2);
  report('2026-01-10T00:00:30.000Z', ids.rita, b2);
  ok(at('2026-01-10T00:00:45.000Z', () => dismissReports(temp.db, actor(mo), commentAt(b2))));
  report('2026-01-11T00:00:00.000Z', ids.otto, a2);
  ok(at('2026-01-11T02:00:00.000Z', () => dismissReports(temp.db, actor(mo), commentAt(a2))));
  ok(at('2026-01-12T00:00:00.000Z', () => changeUserRole(temp.db, actor(ids.owner), { userId: mod2, role: 'owner' })));
  ok(at('2026-01-15T00:00:00.000Z', () => setCommentsOpen(temp.db, systemActor(), { articleId: beta, open: false })));
  a5 = post('2026-01-20T00:00:00.000Z', ids.otto, alpha, 'a5: Otto thinks better of it');
  ok(at('2026-01-20T00:05:00.000Z', () => deleteComment(temp.db, actor(ids.otto), { commentId: a5 })));
  report('2026-01-30T00:00:00.000Z', ids.otto, a3);
  ok(at('2026-01-31T23:59:59.999Z', () => dismissReports(temp.db, actor(mod2), commentAt(a3))));

  // The first millisecond of February: outside the period.
  report('2026-01-31T12:00:00.000Z', ids.una, b2);
  ok(at('2026-02-01T00:00:00.000Z', () => hideComment(temp.db, actor(mo), { ...commentAt(b2), reason: 'spam' })));
}

beforeEach(() => {
  temp = createTempDb();
  ids = insertCast(temp.db);
  mod2 = insertUser(temp.db, { email: 'mod2@example.com', displayName: 'Second Moderator', role: 'moderator' });
  alpha = insertArticle(temp.db, 'alpha', []).articleId;
  beta = insertArticle(temp.db, 'beta', []).articleId;
});

describe('a month of moderation', () => {
  beforeEach(buildJanuary);

  it('the log as built: 16 rows, 14 of them in January', () => {
    const times = logRows(temp.db).map((row) => row.created_at);
    expect(times).toHaveLength(16);
    expect(times[0]).toBe('2025-12-31T23:59:59.999Z');
    expect(times.at(-2)).toBe('2026-01-31T23:59:59.999Z');
    expect(times.at(-1)).toBe('2026-02-01T00:00:00.000Z');
  });

  it('counts the period’s rows by action, every action listed with its label and its share of the rows', () => {
    const { period, rows, byAction } = summary(JANUARY);
    expect(period).toEqual(JANUARY);
    expect(rows).toBe(14);
    expect(byAction.map((each) => each.action)).toEqual(LOG_ACTIONS);
    const counted = Object.fromEntries(byAction.filter((each) => each.count > 0).map((each) => [each.action, [each.label, each.count, each.share]]));
    expect(counted).toEqual({
      role_changed: ['Role changed', 1, 1 / 14],
      comment_deleted: ['Comment deleted', 1, 1 / 14],
      comments_closed: ['Comments closed', 1, 1 / 14],
      comment_flagged: ['Comment flagged', 2, 2 / 14],
      comment_unflagged: ['Flag cleared', 1, 1 / 14],
      comment_hidden: ['Comment hidden', 2, 2 / 14],
      comment_unhidden: ['Comment unhidden', 1, 1 / 14],
      annotation_added: ['Note added', 1, 1 / 14],
      reports_dismissed: ['Reports dismissed', 4, 4 / 14],
    });
    expect(byAction.find((each) => each.action === 'log_exported')).toEqual({ action: 'log_exported', label: 'Log exported', count: 0, share: 0 });
  });

  it('counts hides and flags by reason code, every reason listed', () => {
    expect(summary(JANUARY).byReason).toEqual([
      { reason: 'spam', label: 'Spam', hidden: 0, flagged: 0 },
      { reason: 'harassment', label: 'Harassment', hidden: 1, flagged: 0 },
      { reason: 'hate', label: 'Hate', hidden: 1, flagged: 1 },
      { reason: 'misinformation', label: 'Misinformation', hidden: 0, flagged: 1 },
      { reason: 'off_topic', label: 'Off-topic', hidden: 0, flagged: 0 },
      { reason: 'personal_information', label: 'Personal information', hidden: 0, flagged: 0 },
      { reason: 'other', label: 'Other', hidden: 0, flagged: 0 },
    ]);
  });

  it('counts the rows about each article’s comments (an author’s deletion too, closing the article not), busiest first', () => {
    expect(summary(JANUARY).byArticle).toEqual([
      { articleId: alpha, title: 'Title of alpha', slug: 'alpha', actions: 8, hidden: 1 },
      { articleId: beta, title: 'Title of beta', slug: 'beta', actions: 4, hidden: 1 },
    ]);
  });

  it('counts per moderator, owner and the system, with the role at their latest action; a reader’s own deletion is nobody’s moderation', () => {
    expect(summary(JANUARY).moderators).toEqual([
      {
        actorId: ids.moderator, name: 'moderator@example.com', role: 'moderator', total: 8,
        actions: actions({ comment_hidden: 1, comment_unhidden: 1, comment_flagged: 1, comment_unflagged: 1, annotation_added: 1, reports_dismissed: 3 }),
      },
      { actorId: mod2, name: 'mod2@example.com', role: 'owner', total: 2, actions: actions({ comment_flagged: 1, reports_dismissed: 1 }) },
      { actorId: ids.owner, name: 'owner@example.com', role: 'owner', total: 2, actions: actions({ comment_hidden: 1, role_changed: 1 }) },
      { actorId: null, name: 'command line', role: 'system', total: 1, actions: actions({ comments_closed: 1 }) },
    ]);
  });

  it('counts the reports resolved in the period, dismissed against acted on, as shares of those resolved', () => {
    expect(summary(JANUARY).reports).toEqual({ resolved: 8, dismissed: 5, actedOn: 3, dismissedShare: 5 / 8, actedOnShare: 3 / 8 });
  });

  it('times six decisions: the median of an even count is the lower middle one, the 90th percentile the 6th', () => {
    // Sorted: 45 s, 30 min, 2 h, 3 h, 1 day, 2 days less 1 ms.
    expect(summary(JANUARY).decisionTime).toEqual({ decisions: 6, medianSeconds: 7_200, p90Seconds: 172_799.999 });
  });

  it('times an odd count of decisions (2 to 5 January: 30 min, 3 h, 1 day)', () => {
    expect(summary({ from: '2026-01-02', to: '2026-01-05' }).decisionTime).toEqual({ decisions: 3, medianSeconds: 10_800, p90Seconds: 86_400 });
  });

  it('times one decision, and says none when there was none', () => {
    expect(summary({ from: '2026-01-03', to: '2026-01-03' }).decisionTime).toEqual({ decisions: 1, medianSeconds: 1_800, p90Seconds: 1_800 });
    const quiet = summary({ from: '2026-01-20', to: '2026-01-20' });
    expect(quiet.decisionTime).toEqual({ decisions: 0, medianSeconds: null, p90Seconds: null });
    expect(quiet.reports).toEqual({ resolved: 0, dismissed: 0, actedOn: 0, dismissedShare: null, actedOnShare: null });
    expect(quiet.rows).toBe(1);
  });

  it('takes a row at 23:59:59.999 of the last day, not one at 00:00 of the next, and the same for reports', () => {
    const lastDay = summary({ from: '2026-01-31', to: '2026-01-31' });
    expect(lastDay.rows).toBe(1);
    expect(lastDay.moderators.map((each) => each.name)).toEqual(['mod2@example.com']);
    expect(lastDay.reports.resolved).toBe(1);
    expect(lastDay.decisionTime).toEqual({ decisions: 1, medianSeconds: 172_799.999, p90Seconds: 172_799.999 });
    const nextDay = summary({ from: '2026-02-01', to: '2026-02-01' });
    expect(nextDay.rows).toBe(1);
    expect(nextDay.byAction.find((each) => each.action === 'comment_hidden')!.count).toBe(1);
    expect(nextDay.reports).toMatchObject({ resolved: 1, actedOn: 1 });
    expect(nextDay.decisionTime).toEqual({ decisions: 1, medianSeconds: 12 * 3600, p90Seconds: 12 * 3600 });
  });

  it('takes a row at 00:00 of the first day, not one at 23:59:59.999 before it', () => {
    const december = summary({ from: '2025-12-31', to: '2025-12-31' });
    expect(december.rows).toBe(1);
    expect(december.byReason.find((each) => each.reason === 'spam')!.hidden).toBe(1);
    expect(summary({ from: '2026-01-01', to: '2026-01-02' }).rows).toBe(1);
  });

  it('open ends reach the log’s first and last rows', () => {
    expect(summary({ from: null, to: null }).rows).toBe(16);
    expect(summary({ from: '2026-01-01', to: null }).rows).toBe(15);
    expect(summary({ from: null, to: '2026-01-31' }).rows).toBe(15);
    expect(summary({ from: null, to: null }).reports).toMatchObject({ resolved: 10, dismissed: 5, actedOn: 5 });
    expect(summary({ from: null, to: null }).decisionTime.decisions).toBe(8);
  });

  it('is the same for the system as for an owner', () => {
    expect(summary(JANUARY, systemActor())).toEqual(summary(JANUARY));
  });

  describe('as CSV', () => {
    type CsvLine = Record<(typeof SUMMARY_CSV_COLUMNS)[number], string>;
    const lines = (): CsvLine[] => parse(transparencySummaryCsv(summary(JANUARY)), { columns: true, record_delimiter: '\r\n' }) as CsvLine[];
    const section = (name: string) => lines().filter((line) => line.section === name);

    it('has the header and CRLF rows a spreadsheet reads', () => {
      const csv = transparencySummaryCsv(summary(JANUARY));
      expect(csv.startsWith('section,key,label,detail,count,share,seconds\r\n')).toBe(true);
      expect(csv.endsWith('\r\n')).toBe(true);
      expect(csv.replaceAll('\r\n', '').includes('\n')).toBe(false);
    });

    it('holds the period, the row count and every action with its share', () => {
      expect(section('period')).toEqual([
        { section: 'period', key: 'from', label: '2026-01-01', detail: '', count: '', share: '', seconds: '' },
        { section: 'period', key: 'to', label: '2026-01-31', detail: '', count: '', share: '', seconds: '' },
      ]);
      expect(section('log')).toEqual([{ section: 'log', key: 'rows', label: 'Log entries', detail: '', count: '14', share: '', seconds: '' }]);
      const byAction = section('action');
      expect(byAction.map((line) => line.key)).toEqual(LOG_ACTIONS);
      expect(byAction.find((line) => line.key === 'reports_dismissed')).toEqual({
        section: 'action', key: 'reports_dismissed', label: 'Reports dismissed', detail: '', count: '4', share: String(4 / 14), seconds: '',
      });
      expect(byAction.reduce((sum, line) => sum + Number(line.count), 0)).toBe(14);
    });

    it('holds reasons per action, articles with their slug, and their hides', () => {
      expect(section('reason').filter((line) => line.count !== '0').map((line) => [line.key, line.detail, line.count])).toEqual([
        ['harassment', 'comment_hidden', '1'],
        ['hate', 'comment_hidden', '1'],
        ['hate', 'comment_flagged', '1'],
        ['misinformation', 'comment_flagged', '1'],
      ]);
      expect(section('reason')).toHaveLength(14);
      expect(section('article').map((line) => [line.key, line.label, line.detail, line.count])).toEqual([
        [String(alpha), 'Title of alpha', 'alpha', '8'],
        [String(beta), 'Title of beta', 'beta', '4'],
      ]);
      expect(section('article_hidden').map((line) => [line.key, line.count])).toEqual([[String(alpha), '1'], [String(beta), '1']]);
    });

    it('holds each moderator with their role and total, and a line per action that adds up to it', () => {
      expect(section('moderator').map((line) => [line.key, line.label, line.detail, line.count])).toEqual([
        [String(ids.moderator), 'moderator@example.com', 'moderator', '8'],
        [String(mod2), 'mod2@example.com', 'owner', '2'],
        [String(ids.owner), 'owner@example.com', 'owner', '2'],
        ['system', 'command line', 'system', '1'],
      ]);
      const perAction = section('moderator_action');
      expect(perAction).toHaveLength(4 * LOG_ACTIONS.length);
      const moLines = perAction.filter((line) => line.key === String(ids.moderator));
      expect(moLines.reduce((sum, line) => sum + Number(line.count), 0)).toBe(8);
      expect(moLines.find((line) => line.detail === 'reports_dismissed')!.count).toBe('3');
    });

    it('holds the report outcomes with their shares and the decision times in seconds', () => {
      expect(section('reports')).toEqual([
        { section: 'reports', key: 'dismissed', label: 'Dismissed (the reply stayed)', detail: '', count: '5', share: '0.625', seconds: '' },
        { section: 'reports', key: 'hidden', label: 'Acted on (the reply was hidden)', detail: '', count: '3', share: '0.375', seconds: '' },
      ]);
      expect(section('decision_time').map((line) => [line.key, line.count, line.seconds])).toEqual([
        ['decisions', '6', ''],
        ['median', '', '7200'],
        ['p90', '', '172799.999'],
      ]);
    });

    it('leaves open ends and missing times empty, and defuses a title a spreadsheet would run', () => {
      temp.db.$client.prepare('UPDATE articles SET title = ? WHERE id = ?').run('=HYPERLINK("http://evil.example")', alpha);
      const csv = transparencySummaryCsv(summary({ from: null, to: '2025-12-30' }));
      const parsed = parse(csv, { columns: true }) as CsvLine[];
      expect(parsed.filter((line) => line.section === 'period').map((line) => line.label)).toEqual(['', '2025-12-30']);
      expect(parsed.filter((line) => line.section === 'decision_time').map((line) => line.seconds)).toEqual(['', '', '']);
      expect(transparencySummaryCsv(summary(JANUARY))).toContain(`article,${alpha},"'=HYPERLINK(""http://evil.example"")",alpha,8`);
    });
  });
});

describe('an empty period', () => {
  it('counts nothing and still lists every action and reason at zero', () => {
    const empty = summary({ from: '2026-03-01', to: '2026-03-31' });
    expect(empty).toMatchObject({ rows: 0, byArticle: [], moderators: [], decisionTime: { decisions: 0, medianSeconds: null, p90Seconds: null } });
    expect(empty.byAction.every((each) => each.count === 0 && each.share === null)).toBe(true);
    expect(empty.byReason.every((each) => each.hidden === 0 && each.flagged === 0)).toBe(true);
  });
});

describe('who may read it', () => {
  it('refuses anonymous callers, moderators, readers and banned owners; owners and the system read it', () => {
    const refusals = [
      [anonymousActor(), { ok: false, code: 'UNAUTHENTICATED', message: 'Sign in first.' }],
      [actor(ids.moderator), { ok: false, code: 'FORBIDDEN', message: 'Only owners can read the transparency summary.' }],
      [actor(ids.rita), { ok: false, code: 'FORBIDDEN', message: 'Only owners can read the transparency summary.' }],
      [actor(ids.bannedOwner), { ok: false, code: 'FORBIDDEN', message: 'Your account is banned: Compromised' }],
    ] as const;
    for (const [viewer, refusal] of refusals) {
      expect(readTransparencySummary(temp.db, viewer, JANUARY)).toEqual(refusal);
      expect(transparencySummaryRefusal(temp.db, viewer)).toEqual(refusal);
    }
    expect(readTransparencySummary(temp.db, actor(ids.owner), JANUARY).ok).toBe(true);
    expect(transparencySummaryRefusal(temp.db, actor(ids.owner))).toBeNull();
    expect(transparencySummaryRefusal(temp.db, systemActor())).toBeNull();
  });

  it('re-reads the caller: an owner demoted a moment ago is refused on the old session', () => {
    const stale = actor(ids.owner);
    temp.db.$client.prepare("UPDATE users SET role = 'moderator' WHERE id = ?").run(ids.owner);
    expect(readTransparencySummary(temp.db, stale, JANUARY)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('writes nothing, not even for an owner', () => {
    const before = logRows(temp.db);
    summary(JANUARY);
    expect(logRows(temp.db)).toEqual(before);
  });
});

describe('the words and names around a summary', () => {
  it.each([
    [0, '0 s'], [0.4, '0 s'], [45, '45 s'], [60, '1 min'], [725, '12 min 5 s'], [3600, '1 h'], [11_520, '3 h 12 min'],
    [11_545, '3 h 12 min'], [86_400, '1 day'], [172_799.999, '2 days'], [187_200, '2 days 4 h'],
  ])('durationLabel(%d) is %s', (seconds, words) => {
    expect(durationLabel(seconds)).toBe(words);
  });

  it.each([
    [{ from: '2026-01-01', to: '2026-01-31' }, 'January 2026'],
    [{ from: '2024-02-01', to: '2024-02-29' }, 'February 2024'],
    [{ from: '2026-01-01', to: '2026-01-30' }, '1 January 2026 to 30 January 2026'],
    [{ from: '2026-01-04', to: '2026-01-04' }, '4 January 2026'],
    [{ from: '2026-01-04', to: null }, 'since 4 January 2026'],
    [{ from: null, to: '2026-01-04' }, 'up to 4 January 2026'],
    [{ from: null, to: null }, 'the whole log'],
  ])('periodLabel(%j) is %s', (period, words) => {
    expect(periodLabel(period)).toBe(words);
  });

  it('turns days into the instants SQL compares with, the end being the next midnight', () => {
    expect(dayRangeInstants({ from: '2026-01-01', to: '2026-12-31' })).toEqual({ start: '2026-01-01T00:00:00.000Z', end: '2027-01-01T00:00:00.000Z' });
    expect(dayRangeInstants({ from: null, to: null })).toEqual({ start: null, end: null });
  });

  it('names a download after its period, an open end as "start" or today', () => {
    expect(dayRangeFileName('transparency-summary', { from: '2026-01-01', to: '2026-01-31' }, 'csv', Date.now())).toBe('transparency-summary_2026-01-01_2026-01-31.csv');
    expect(dayRangeFileName('transparency-summary', { from: null, to: null }, 'json', Date.UTC(2026, 4, 6, 23, 59))).toBe('transparency-summary_start_2026-05-06.json');
  });
});

describe('parseSummaryQuery', () => {
  const parsed = (query: string) => parseSummaryQuery(new URLSearchParams(query));

  it('reads a period and a format, JSON by default', () => {
    expect(parsed('from=2026-01-01&to=2026-01-31&format=csv')).toEqual({ success: true, period: JANUARY, format: 'csv' });
    expect(parsed('')).toEqual({ success: true, period: { from: null, to: null }, format: 'json' });
    expect(parsed('from=&to=2026-01-31&format=')).toEqual({ success: true, period: { from: null, to: '2026-01-31' }, format: 'json' });
  });

  it.each([
    ['article=3', 'a summary covers a whole period: only from, to and format are accepted, not article'],
    ['from=2026-01-01&actor=system&q=spam', 'a summary covers a whole period: only from, to and format are accepted, not actor, q'],
    ['format=xml', 'format must be one of json, csv'],
    ['format=ndjson', 'format must be one of json, csv'],
    ['from=2026-02-30', 'from must be a date written YYYY-MM-DD'],
    ['from=2026-02-02&to=2026-02-01', 'from must not be after to'],
    ['cursor=5', 'unknown parameter "cursor"; the filters are from, to, article, actor, action, reason, comment, q'],
    ['format=csv&format=json', 'format may be given only once'],
  ])('refuses %s', (query, message) => {
    expect(parsed(query)).toEqual({ success: false, message });
  });
});
