// "Newest entries" and "Older entries": the same view a page at a time, by the id the older page starts below.
import Link from 'next/link';
import type { LogFilters } from '@/lib/shared/log/log-filters';
import { logViewHref } from './log-view-href';

type Props = { filters: LogFilters; extra: Record<string, string>; before: number | null; nextBefore: number | null };

export function LogPager({ filters, extra, before, nextBefore }: Props) {
  if (before === null && nextBefore === null) return null;
  return (
    <nav className="author-pager" aria-label="More log entries">
      {before !== null && <Link href={logViewHref(filters, extra)}>Newest entries</Link>}{' '}
      {nextBefore !== null && <Link href={logViewHref(filters, { ...extra, before: String(nextBefore) })}>Older entries</Link>}
    </nav>
  );
}
