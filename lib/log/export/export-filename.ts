// The download's name, built only from validated dates: moderation-log_<from>_<to>.<ext>.
import type { LogFilters } from '@/lib/log/log-filters';

/** An open start reads "start"; an open end is today (UTC), the last day the file can hold. */
export function exportFilename(filters: Pick<LogFilters, 'from' | 'to'>, extension: string, now: number): string {
  const to = filters.to ?? new Date(now).toISOString().slice(0, 10);
  return `moderation-log_${filters.from ?? 'start'}_${to}.${extension}`;
}
