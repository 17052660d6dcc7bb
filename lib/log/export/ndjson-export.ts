// The NDJSON export: one row object per line, then a last line `{"summary":…}`.
import 'server-only';
import { JSON_ROW_SELECT, rowJsonOf } from './export-row-json';
import type { ExportWriter } from './export-writer';

export const NDJSON_EXPORT: ExportWriter = {
  extension: 'ndjson',
  contentType: 'application/x-ndjson; charset=utf-8',
  select: JSON_ROW_SELECT,
  header: '',
  row: (values) => `${rowJsonOf(values)}\n`,
  footer: (summary) => `${JSON.stringify({ summary })}\n`,
};
