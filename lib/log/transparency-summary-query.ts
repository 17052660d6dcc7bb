// Reads a summary request's query string: a period (from, to) and a format, nothing else.
import 'server-only';
import { activeLogFilters, parseLogQuery } from '@/lib/shared/log/log-filters';
import type { SummaryPeriod } from '@/lib/shared/log/transparency-summary-types';

export const SUMMARY_FORMATS = ['json', 'csv'] as const;
export type SummaryFormat = (typeof SUMMARY_FORMATS)[number];

export type ParsedSummaryQuery = { success: true; period: SummaryPeriod; format: SummaryFormat } | { success: false; message: string };

/**
 * The log's own date parameters, validated as the viewer validates them. Any other log filter is
 * refused rather than ignored: a summary describes a whole period, and one that quietly left out
 * the filter it was asked for would misreport it.
 */
export function parseSummaryQuery(params: URLSearchParams): ParsedSummaryQuery {
  const parsed = parseLogQuery(params, ['format']);
  if (!parsed.success) return parsed;
  const { from, to, ...others } = activeLogFilters(parsed.filters);
  const refused = Object.keys(others);
  if (refused.length > 0) {
    return { success: false, message: `a summary covers a whole period: only from, to and format are accepted, not ${refused.join(', ')}` };
  }
  const format = parsed.rest.format ?? 'json';
  if (!(SUMMARY_FORMATS as readonly string[]).includes(format)) return { success: false, message: `format must be one of ${SUMMARY_FORMATS.join(', ')}` };
  return { success: true, period: { from: parsed.filters.from, to: parsed.filters.to }, format: format as SummaryFormat };
}
