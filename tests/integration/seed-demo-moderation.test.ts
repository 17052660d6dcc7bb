// The demo's seeded moderation: real reports and decisions on the demo article, logged and chained, written once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemoModeration } from '@/lib/ops/seed/seed-demo-moderation';
import { verifyLogChain } from '@/lib/ops/log-verify/verify-log-chain';
import { ensureDemoAccounts } from '@/lib/users/ensure-demo-accounts';
import { logRows } from '@/tests/support/accounts';
import { commentRow, reportRows } from '@/tests/support/comments';
import { seedDemo } from '@/tests/support/seeded-demo';
import { createTempDb, type TempDb } from '@/tests/support/temp-db';

const CAST = { moderator: 'moderator@example.com', reader: 'reader@example.com' };
const NOW = Date.UTC(2026, 10, 20, 12);

let temp: TempDb;
let articleId: number;
beforeEach(async () => {
  temp = createTempDb();
  articleId = seedDemo(temp).articleId;
  await ensureDemoAccounts(temp.db);
});
afterEach(() => temp.cleanup());

describe('seedDemoModeration', () => {
  it('reports three replies as the demo reader and decides on them as the demo moderator, through the logged actions', () => {
    const before = logRows(temp.db).length;
    expect(seedDemoModeration(temp.db, articleId, CAST, NOW)).toEqual({ seeded: true });
    const rows = logRows(temp.db).slice(before);
    expect(rows.map((row) => [row.actor_name, row.action, row.reason_code, row.article_id])).toEqual([
      ['moderator@example.com', 'comment_hidden', 'spam', articleId],
      ['moderator@example.com', 'reports_dismissed', null, articleId],
      ['moderator@example.com', 'comment_flagged', 'misinformation', articleId],
      ['moderator@example.com', 'annotation_added', null, articleId],
    ]);
    expect(verifyLogChain(temp.db)).toMatchObject({ ok: true });

    const reports = reportRows(temp.db);
    expect(reports.map((report) => [report.reason, report.resolution])).toEqual([['spam', 'hidden'], ['harassment', 'dismissed'], ['off_topic', null]]);
    // Reported hours before the decision, so the transparency summary has real waiting times.
    expect(reports.map((report) => report.created_at)).toEqual([NOW - 5 * 3_600_000, NOW - 3 * 3_600_000, NOW - 3_600_000].map((ms) => new Date(ms).toISOString()));
    const hidden = rows[0]!.target_id!;
    expect(commentRow(temp.db, hidden)).toMatchObject({ status: 'hidden', hidden_reason: 'spam', hidden_explanation: 'Promotional link, posted in several threads.' });
    expect(commentRow(temp.db, rows[2]!.target_id!)).toMatchObject({ status: 'visible', flag_reason: 'misinformation' });
  });

  it('writes nothing the second time', () => {
    seedDemoModeration(temp.db, articleId, CAST, NOW);
    const log = logRows(temp.db);
    const reports = reportRows(temp.db);
    expect(seedDemoModeration(temp.db, articleId, CAST, NOW)).toEqual({ seeded: false });
    expect(logRows(temp.db)).toEqual(log);
    expect(reportRows(temp.db)).toEqual(reports);
  });

  it('stops with the reason when a demo account is missing', () => {
    expect(() => seedDemoModeration(temp.db, articleId, { ...CAST, reader: 'nobody@example.com' }, NOW)).toThrow('The demo account nobody@example.com is missing.');
  });
});
