// The transparency summary as one long CSV "metric table" that a spreadsheet can filter and pivot.
import 'server-only';
import { csvRow, type CsvValue } from '@/lib/csv/csv-row';
import { LOG_ACTIONS } from '@/db/log-actions';
import type { TransparencySummary } from '@/lib/shared/log/transparency-summary-types';

export const SUMMARY_CSV_COLUMNS = ['section', 'key', 'label', 'detail', 'count', 'share', 'seconds'] as const;

type Line = { section: string; key: string | number; label: string | null; detail?: string | null; count?: number; share?: number | null; seconds?: number | null };

/**
 * One line per figure. `section` says what a line counts and `key` which one (an action, a reason
 * code, an article or user id); `label` is the same in words; `detail` is what the section says it
 * is (an action, a slug, a role); a figure is a `count`, a `share` (a fraction from 0 to 1) or a
 * time in `seconds`. Within a section the lines never mix a total with its parts, so summing a
 * column over a section gives a true total.
 */
function lines(summary: TransparencySummary): Line[] {
  const { period, reports, decisionTime } = summary;
  const actorKey = (actorId: number | null) => actorId ?? 'system';
  return [
    { section: 'period', key: 'from', label: period.from },
    { section: 'period', key: 'to', label: period.to },
    { section: 'log', key: 'rows', label: 'Log entries', count: summary.rows },
    ...summary.byAction.map((each) => ({ section: 'action', key: each.action, label: each.label, count: each.count, share: each.share })),
    ...summary.byReason.flatMap((each) => [
      { section: 'reason', key: each.reason, label: each.label, detail: 'comment_hidden', count: each.hidden },
      { section: 'reason', key: each.reason, label: each.label, detail: 'comment_flagged', count: each.flagged },
    ]),
    ...summary.byArticle.map((each) => ({ section: 'article', key: each.articleId, label: each.title, detail: each.slug, count: each.actions })),
    ...summary.byArticle.map((each) => ({ section: 'article_hidden', key: each.articleId, label: each.title, detail: each.slug, count: each.hidden })),
    ...summary.moderators.map((each) => ({ section: 'moderator', key: actorKey(each.actorId), label: each.name, detail: each.role, count: each.total })),
    ...summary.moderators.flatMap((each) =>
      LOG_ACTIONS.map((action) => ({ section: 'moderator_action', key: actorKey(each.actorId), label: each.name, detail: action, count: each.actions[action] }))),
    { section: 'reports', key: 'dismissed', label: 'Dismissed (the reply stayed)', count: reports.dismissed, share: reports.dismissedShare },
    { section: 'reports', key: 'hidden', label: 'Acted on (the reply was hidden)', count: reports.actedOn, share: reports.actedOnShare },
    { section: 'decision_time', key: 'decisions', label: 'Decisions on reported replies', count: decisionTime.decisions },
    { section: 'decision_time', key: 'median', label: 'Median time from first report to decision', seconds: decisionTime.medianSeconds },
    { section: 'decision_time', key: 'p90', label: '90th percentile time from first report to decision', seconds: decisionTime.p90Seconds },
  ];
}

/** The whole file: a header row, then one CRLF-terminated row per figure. */
export function transparencySummaryCsv(summary: TransparencySummary): string {
  const row = (line: Line): CsvValue[] => [line.section, line.key, line.label, line.detail ?? null, line.count ?? null, line.share ?? null, line.seconds ?? null];
  return csvRow(SUMMARY_CSV_COLUMNS) + lines(summary).map((line) => csvRow(row(line))).join('');
}
