// A range of whole UTC days (YYYY-MM-DD, both included, either end open) as instants for SQL and in a download's name.
import 'server-only';

export type DayRange = { from: string | null; to: string | null };

const DAY_MS = 24 * 60 * 60 * 1000;

/** The first instant of `from` and the first instant after `to`, ISO 8601 UTC as the database stores times; null when open. */
export function dayRangeInstants(range: DayRange): { start: string | null; end: string | null } {
  return {
    start: range.from && `${range.from}T00:00:00.000Z`,
    end: range.to && new Date(Date.parse(`${range.to}T00:00:00.000Z`) + DAY_MS).toISOString(),
  };
}

/** `<prefix>_<from or "start">_<to or today (UTC), the last day the file can hold>.<extension>`, built only from validated dates. */
export function dayRangeFileName(prefix: string, range: DayRange, extension: string, now: number): string {
  const to = range.to ?? new Date(now).toISOString().slice(0, 10);
  return `${prefix}_${range.from ?? 'start'}_${to}.${extension}`;
}
