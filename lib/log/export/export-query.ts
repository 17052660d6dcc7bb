// Reads an export request — the format and the log filters — from query parameters, for the HTTP route and the command line alike.
import 'server-only';
import { parseLogQuery, type LogFilters } from '@/lib/shared/log/log-filters';
import { readExportFormat, type ExportFormat } from './export-formats';

export type ParsedExportQuery = { success: true; format: ExportFormat; filters: LogFilters } | { success: false; message: string };

export function parseExportQuery(params: URLSearchParams): ParsedExportQuery {
  const query = parseLogQuery(params, ['format']);
  if (!query.success) return query;
  const format = readExportFormat(query.rest.format);
  return format.ok ? { success: true, format: format.format, filters: query.filters } : { success: false, message: format.message };
}
