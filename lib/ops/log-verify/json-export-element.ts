// One element of an NDJSON or JSON export: a row object with exactly the 17 columns, or the closing summary.
import 'server-only';
import { EXPORT_COLUMNS } from '@/lib/log/export/export-columns';
import type { StoredLogRow } from '@/lib/log/hash-chain';
import { BrokenExport } from './broken-export';
import { columnValueProblem, usableId } from './export-column-types';
import { isSummaryElement, readExportSummary } from './export-file-summary';
import type { ExportItem } from './export-item';

const COLUMN_SET = new Set<string>(EXPORT_COLUMNS);

/** A parsed element as a row or the summary; anything else is a BrokenExport naming what is wrong. */
export function exportElementItem(value: unknown, line: number | null): ExportItem {
  if (isSummaryElement(value)) return { kind: 'summary', summary: readExportSummary(value.summary, line), line };
  return { kind: 'row', row: exportRowObject(value, line), line };
}

/** The text of one element (a line of NDJSON, or of JSON without its comma), parsed. */
export function parseExportElement(text: string, line: number | null): ExportItem {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new BrokenExport({ line }, `not a complete JSON value (${(error as Error).message}): the file was cut short or edited`);
  }
  return exportElementItem(value, line);
}

/**
 * The row as the hash covers it. An extra field is refused rather than ignored: the hash would not
 * cover it, so a reader of the file could take unverified text for part of the log.
 */
export function exportRowObject(value: unknown, line: number | null): StoredLogRow {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new BrokenExport({ line }, 'an element is not a row object');
  }
  const record = value as Record<string, unknown>;
  const place = { row: usableId(record.id), line };
  for (const key in record) {
    if (!COLUMN_SET.has(key)) throw new BrokenExport(place, `the row has a field ${JSON.stringify(key)} that the export does not write`);
  }
  for (const column of EXPORT_COLUMNS) {
    if (!(column in record)) throw new BrokenExport(place, `the row has no ${column}`);
    const problem = columnValueProblem(column, record[column], 'null');
    if (problem) throw new BrokenExport(place, problem);
  }
  return record as StoredLogRow;
}
