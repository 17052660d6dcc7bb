// The figures of a transparency summary as small tables: actions, reasons, articles, moderators, reports and decision times.
import type { ReactNode } from 'react';
import { countLabel } from '@/lib/shared/format/count';
import type { LogAction } from '@/db/log-actions';
import { LOG_ACTION_WORDS } from '@/lib/shared/vocabulary';
import { durationLabel } from '@/lib/shared/log/transparency-summary-duration';
import type { ModeratorCount, TransparencySummary } from '@/lib/shared/log/transparency-summary-types';

/** The panel lists the busiest articles; the downloads hold them all. */
export const SUMMARY_PANEL_ARTICLES = 20;

/** The moderator table's own columns; every other action is counted under "Other". */
const MODERATOR_COLUMNS = [
  'comment_hidden', 'comment_unhidden', 'comment_flagged', 'comment_unflagged', 'reports_dismissed', 'annotation_added', 'annotation_removed',
] as const satisfies readonly LogAction[];

const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });
const figure = (count: number) => count.toLocaleString('en-US');
const shareLabel = (share: number | null) => (share === null ? '–' : percent.format(share));

const ROLE_WORDS: Record<ModeratorCount['role'], string> = { moderator: 'moderator', owner: 'owner', system: 'system (command line)' };

/** One small table: a caption saying what it counts, column headers when it has them, and rows that scroll sideways on a narrow screen. */
function SummaryTable({ caption, columns, children }: { caption: ReactNode; columns?: readonly string[]; children: ReactNode }) {
  return (
    <div className="transparency-summary-scroll">
      <table className="transparency-summary-table">
        <caption>{caption}</caption>
        {columns && <thead><tr>{columns.map((column) => <th scope="col" key={column}>{column}</th>)}</tr></thead>}
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

function otherActions(moderator: ModeratorCount): number {
  return moderator.total - MODERATOR_COLUMNS.reduce((sum, action) => sum + moderator.actions[action], 0);
}

export function TransparencySummaryTables({ summary }: { summary: TransparencySummary }) {
  const { rows, reports, decisionTime } = summary;
  if (rows === 0 && reports.resolved === 0) {
    return <p>Nothing was logged and no report was resolved in this period.</p>;
  }
  const actions = summary.byAction.filter((each) => each.count > 0);
  const reasons = summary.byReason.filter((each) => each.hidden + each.flagged > 0);
  const articles = summary.byArticle.slice(0, SUMMARY_PANEL_ARTICLES);
  return (
    <div className="transparency-summary-figures">
      <p>{countLabel(rows, 'log entry', 'log entries')} in this period.</p>

      {actions.length > 0 && (
        <SummaryTable caption="Log entries by action" columns={['Action', 'Entries', 'Share of all entries']}>
          {actions.map((each) => (
            <tr key={each.action}><th scope="row">{each.label}</th><td>{figure(each.count)}</td><td>{shareLabel(each.share)}</td></tr>
          ))}
        </SummaryTable>
      )}

      {reasons.length > 0 ? (
        <SummaryTable caption="Reasons given for hides and flags" columns={['Reason', 'Hidden', 'Flagged']}>
          {reasons.map((each) => (
            <tr key={each.reason}><th scope="row">{each.label}</th><td>{figure(each.hidden)}</td><td>{figure(each.flagged)}</td></tr>
          ))}
        </SummaryTable>
      ) : (
        <p>No reply was hidden or flagged in this period.</p>
      )}

      {articles.length > 0 && (
        <SummaryTable
          caption={`Articles by log entries about their comments${
            summary.byArticle.length > articles.length ? ` (the busiest ${articles.length} of ${figure(summary.byArticle.length)}; the downloads list all)` : ''
          }`}
          columns={['Article', 'Entries', 'Hides']}
        >
          {articles.map((each) => (
            <tr key={each.articleId}>
              <th scope="row"><a href={`/articles/${encodeURIComponent(each.slug)}`}>{each.title}</a></th>
              <td>{figure(each.actions)}</td>
              <td>{figure(each.hidden)}</td>
            </tr>
          ))}
        </SummaryTable>
      )}

      {summary.moderators.length > 0 ? (
        <SummaryTable
          caption="Moderators and owners (role at their latest action in the period)"
          columns={['Who', 'Role', 'All actions', ...MODERATOR_COLUMNS.map((action) => LOG_ACTION_WORDS[action]), 'Other']}
        >
          {summary.moderators.map((moderator) => (
            <tr key={moderator.actorId ?? 'system'}>
              <th scope="row"><bdi>{moderator.name}</bdi></th>
              <td className="transparency-summary-words">{ROLE_WORDS[moderator.role]}</td>
              <td>{figure(moderator.total)}</td>
              {MODERATOR_COLUMNS.map((action) => <td key={action}>{figure(moderator.actions[action])}</td>)}
              <td>{figure(otherActions(moderator))}</td>
            </tr>
          ))}
        </SummaryTable>
      ) : (
        <p>No moderator or owner acted in this period.</p>
      )}

      {reports.resolved > 0 ? (
        <SummaryTable
          caption={`How the ${countLabel(reports.resolved, 'report', 'reports')} resolved in this period ended (shares of those reports)`}
          columns={['Outcome', 'Reports', 'Share']}
        >
          <tr><th scope="row">Dismissed (the reply stayed)</th><td>{figure(reports.dismissed)}</td><td>{shareLabel(reports.dismissedShare)}</td></tr>
          <tr><th scope="row">Acted on (the reply was hidden)</th><td>{figure(reports.actedOn)}</td><td>{shareLabel(reports.actedOnShare)}</td></tr>
        </SummaryTable>
      ) : (
        <p>No report was resolved in this period.</p>
      )}

      {decisionTime.medianSeconds !== null && decisionTime.p90Seconds !== null && (
        <SummaryTable caption={`Time from a reply’s first report to the decision, over ${countLabel(decisionTime.decisions, 'decision', 'decisions')}`}>
          <tr><th scope="row">Median</th><td>{durationLabel(decisionTime.medianSeconds)}</td></tr>
          <tr><th scope="row">90th percentile</th><td>{durationLabel(decisionTime.p90Seconds)}</td></tr>
        </SummaryTable>
      )}
    </div>
  );
}
