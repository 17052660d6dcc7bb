// The JSON export: one array of the row objects whose last element is `{"summary":…}`, written as it streams.
import 'server-only';
import { JSON_ROW_SELECT, rowJsonOf } from './export-row-json';
import type { ExportWriter } from './export-writer';

/** Each row carries the comma before the next element, which is always there: the summary comes last. */
export const JSON_EXPORT: ExportWriter = {
  extension: 'json',
  contentType: 'application/json; charset=utf-8',
  select: JSON_ROW_SELECT,
  header: '[\n',
  row: (values) => `${rowJsonOf(values)},\n`,
  footer: (summary) => `${JSON.stringify({ summary })}\n]\n`,
};
