// Links to views of the moderation log: the filters in the URL, so a view can be shared, and any extras (a cursor, the summary).
import { logFiltersToParams, type LogFilters } from '@/lib/shared/log/log-filters';

export const LOG_PATH = '/moderation/log';

export function logViewHref(filters: LogFilters, extra: Record<string, string> = {}): string {
  const params = logFiltersToParams(filters);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params.size > 0 ? `${LOG_PATH}?${params}` : LOG_PATH;
}
