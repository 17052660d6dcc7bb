// One page of the moderation log as a table, newest first: when, who (as they were), what, on what, why, notes, the change and the row's hash.
import Link from 'next/link';
import { countLabel } from '@/lib/shared/format/count';
import type { LogFilters } from '@/lib/shared/log/log-filters';
import type { LogPageEntry } from '@/lib/shared/log/log-page-types';
import { LogEntryChange } from './log-entry-change';
import { LogEntryTargetCell } from './log-entry-target';
import { logViewHref } from './log-view-href';

/** Shown to the second, in UTC, the same wherever it is rendered. */
function logTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

export function LogTable({ entries, filters }: { entries: readonly LogPageEntry[]; filters: LogFilters }) {
  return (
    // Wider than a phone: the table scrolls sideways on its own (every link in it brings itself into view), not the page.
    <div className="log-table-scroll">
      <table className="log-table">
        <caption>
          Moderation log, newest first: {countLabel(entries.length, 'entry', 'entries')} on this page. Times are UTC.
        </caption>
        <thead>
          <tr>
            <th scope="col">Time (UTC)</th>
            <th scope="col">Actor</th>
            <th scope="col">Action</th>
            <th scope="col">Target</th>
            <th scope="col">Reason</th>
            <th scope="col">Notes</th>
            <th scope="col">Change</th>
            <th scope="col">Hash</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} data-log-id={entry.id}>
              <th scope="row">
                <time dateTime={entry.at}>{logTime(entry.at)}</time>
                <span className="meta">#{entry.id}</span>
              </th>
              <td>
                <Link href={logViewHref({ ...filters, actor: entry.actor.id ?? 'system' })}>
                  <bdi>{entry.actor.name}</bdi>
                  <span className="visually-hidden"> (show only this actor)</span>
                </Link>{' '}
                <span className="role-badge" data-role={entry.actor.role}>{entry.actor.role}</span>
              </td>
              <td>{entry.actionLabel}</td>
              <td><LogEntryTargetCell entry={entry} filters={filters} /></td>
              <td>{entry.reason?.label}</td>
              <td className="log-notes">
                {entry.publicNote !== null && <p dir="auto"><span className="log-note-kind">Public:</span> {entry.publicNote}</p>}
                {entry.internalNote !== null && <p dir="auto"><span className="log-note-kind">Internal:</span> {entry.internalNote}</p>}
                {entry.internalNoteWithheld && <p className="meta">Internal note withheld: only owners read the notes of owners’ actions.</p>}
              </td>
              <td><LogEntryChange previous={entry.previousState} next={entry.newState} /></td>
              <td><code className="log-hash" title={entry.hash}>{entry.hash.slice(0, 12)}</code></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
