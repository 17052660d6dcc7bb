// "Transparency summary: Last month · This month" for owners: the log narrowed to a whole UTC month, with its summary.
import Link from 'next/link';
import { NO_LOG_FILTERS } from '@/lib/shared/log/log-filters';
import { logViewHref } from './log-view-href';

/** The first and last day (YYYY-MM-DD, UTC) of the month `offset` months from the one holding `today`. */
export function monthRange(today: Date, offset: number): { from: string; to: string } {
  const first = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + offset, 1));
  const last = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + offset + 1, 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

export function LogSummaryLinks({ today }: { today: Date }) {
  const month = (offset: number) => logViewHref({ ...NO_LOG_FILTERS, ...monthRange(today, offset) }, { summary: '1' });
  return (
    <p className="log-summary-links" role="group" aria-labelledby="log-summary-label">
      <span id="log-summary-label">Transparency summary</span>: <Link href={month(-1)}>Last month</Link> · <Link href={month(0)}>This month</Link>
    </p>
  );
}
