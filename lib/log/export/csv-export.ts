// The CSV export: a header row of the column names, then one RFC 4180 record per row; the log_exported row holds the summary.
import 'server-only';
import { csvRow } from '@/lib/csv/csv-row';
import { EXPORT_COLUMNS, EXPORT_SELECT } from './export-columns';
import type { ExportWriter } from './export-writer';

export const CSV_EXPORT: ExportWriter = {
  extension: 'csv',
  contentType: 'text/csv; charset=utf-8',
  select: EXPORT_SELECT,
  header: csvRow(EXPORT_COLUMNS),
  row: csvRow,
  footer: () => '',
};
