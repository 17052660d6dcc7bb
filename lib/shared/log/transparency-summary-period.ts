// A summary's period in words, for its heading.
import { formatPublishedOn } from '@/lib/shared/format/date';
import type { SummaryPeriod } from './transparency-summary-types';

/** Whether the period is one whole calendar month, which reads better as "January 2026". */
function wholeMonth({ from, to }: SummaryPeriod): string | null {
  if (!from || !to || !from.endsWith('-01') || from.slice(0, 7) !== to.slice(0, 7)) return null;
  const lastDay = new Date(Date.parse(`${from}T00:00:00.000Z`));
  lastDay.setUTCMonth(lastDay.getUTCMonth() + 1, 0);
  return lastDay.toISOString().slice(0, 10) === to ? from.slice(0, 7) : null;
}

/** "January 2026", "4 January 2026", "1 January 2026 to 14 February 2026", "since …", "up to …", "the whole log". */
export function periodLabel(period: SummaryPeriod): string {
  const { from, to } = period;
  const month = wholeMonth(period);
  if (month) return formatPublishedOn(month);
  if (from && to) return from === to ? formatPublishedOn(from) : `${formatPublishedOn(from)} to ${formatPublishedOn(to)}`;
  if (from) return `since ${formatPublishedOn(from)}`;
  if (to) return `up to ${formatPublishedOn(to)}`;
  return 'the whole log';
}
