// The figures of a transparency summary as small tables: actions, reasons, articles, moderators, reports and decision times.
import { countLabel } from '@/lib/format/count';
import type { LogAction } from '@/lib/log/append-log-entry';
import { LOG_ACTION_LABELS } from '@/lib/log/log-action-labels';
import { durationLabel } from '@/lib/log/transparency-summary-duration';
import type { ModeratorCount, TransparencySummary } from '@/lib/log/transparency-summary-types';

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
        <table className="log-table transparency-summary-table">
          <caption>Log entries by action</caption>
          <thead><tr><th scope="col">Action</th><th scope="col">Entries</th><th scope="col">Share of all entries</th></tr></thead>
          <tbody>
            {actions.map((each) => (
              <tr key={each.action}><th scope="row">{each.label}</th><td>{figure(each.count)}</td><td>{shareLabel(each.share)}</td></tr>
            ))}
          </tbody>
        </table>
      )}

      {reasons.length > 0 ? (
        <table className="log-table transparency-summary-table">
          <caption>Reasons given for hides and flags</caption>
          <thead><tr><th scope="col">Reason</th><th scope="col">Hidden</th><th scope="col">Flagged</th></tr></thead>
          <tbody>
            {reasons.map((each) => (
              <tr key={each.reason}><th scope="row">{each.label}</th><td>{figure(each.hidden)}</td><td>{figure(each.flagged)}</td></tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>No reply was hidden or flagged in this period.</p>
      )}

      {articles.length > 0 && (
        <table className="log-table transparency-summary-table">
          <caption>
            Articles by log entries about their comments
            {summary.byArticle.length > articles.length && ` (the busiest ${articles.length} of ${figure(summary.byArticle.length)}; the downloads list all)`}
          </caption>
          <thead><tr><th scope="col">Article</th><th scope="col">Entries</th><th scope="col">Hides</th></tr></thead>
          <tbody>
            {articles.map((each) => (
              <tr key={each.articleId}>
                <th scope="row"><a href={`/articles/${encodeURIComponent(each.slug)}`}>{each.title}</a></th>
                <td>{figure(each.actions)}</td>
                <td>{figure(each.hidden)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {summary.moderators.length > 0 ? (
        <table className="log-table transparency-summary-table">
          <caption>Moderators and owners (role at their latest action in the period)</caption>
          <thead>
            <tr>
              <th scope="col">Who</th>
              <th scope="col">Role</th>
              <th scope="col">All actions</th>
              {MODERATOR_COLUMNS.map((action) => <th scope="col" key={action}>{LOG_ACTION_LABELS[action]}</th>)}
              <th scope="col">Other</th>
            </tr>
          </thead>
          <tbody>
            {summary.moderators.map((moderator) => (
              <tr key={moderator.actorId ?? 'system'}>
                <th scope="row"><bdi>{moderator.name}</bdi></th>
                <td>{ROLE_WORDS[moderator.role]}</td>
                <td>{figure(moderator.total)}</td>
                {MODERATOR_COLUMNS.map((action) => <td key={action}>{figure(moderator.actions[action])}</td>)}
                <td>{figure(otherActions(moderator))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>No moderator or owner acted in this period.</p>
      )}

      {reports.resolved > 0 ? (
        <table className="log-table transparency-summary-table">
          <caption>How the {countLabel(reports.resolved, 'report', 'reports')} resolved in this period ended (shares of those reports)</caption>
          <thead><tr><th scope="col">Outcome</th><th scope="col">Reports</th><th scope="col">Share</th></tr></thead>
          <tbody>
            <tr><th scope="row">Dismissed (the reply stayed)</th><td>{figure(reports.dismissed)}</td><td>{shareLabel(reports.dismissedShare)}</td></tr>
            <tr><th scope="row">Acted on (the reply was hidden)</th><td>{figure(reports.actedOn)}</td><td>{shareLabel(reports.actedOnShare)}</td></tr>
          </tbody>
        </table>
      ) : (
        <p>No report was resolved in this period.</p>
      )}

      {decisionTime.medianSeconds !== null && decisionTime.p90Seconds !== null && (
        <table className="log-table transparency-summary-table">
          <caption>
            Time from a reply’s first report to the decision, over {countLabel(decisionTime.decisions, 'decision', 'decisions')}
          </caption>
          <tbody>
            <tr><th scope="row">Median</th><td>{durationLabel(decisionTime.medianSeconds)}</td></tr>
            <tr><th scope="row">90th percentile</th><td>{durationLabel(decisionTime.p90Seconds)}</td></tr>
          </tbody>
        </table>
      )}
    </div>
  );
}
