// Reads a CSV export as a stream, parsed by csv-parse (a real RFC 4180 parser) on a worker thread: the header row, then one log row per record.
import 'server-only';
import { NEEDS_APOSTROPHE, restoreCsvText } from '@/lib/csv/csv-row';
import { EXPORT_COLUMNS, type ExportColumn } from '@/lib/log/export/export-columns';
import type { StoredLogRow } from '@/lib/log/hash-chain';
import { BrokenExport, type BrokenPlace } from './broken-export';
import { csvRecordFields, type CsvField } from './csv-record-fields';
import { columnValueProblem, EXPORT_COLUMN_TYPES, usableId } from './export-column-types';
import type { ExportItem } from './export-item';
import { CsvParseError, parseCsvInWorker } from './parse-csv-in-worker';

const ROW_ID = /^[1-9]\d*$/;
const HAS_LINE_BREAK = /[\r\n]/;
const LINE_BREAK = /\r\n|\r|\n/g;

export async function* readCsvExport(file: string): AsyncGenerator<ExportItem> {
  // csv-parse counts a CRLF inside a quoted field as two lines, so lines are counted here from the fields.
  let line = 1;
  let header = true;
  try {
    for await (const read of parseCsvInWorker(file)) {
      const breaks = lineBreaksIn(read.record);
      if (header) checkHeader(read.record);
      else yield { kind: 'row', row: csvRecordRow(csvRecordFields(read), line), line };
      header = false;
      line += 1 + breaks;
    }
  } catch (error) {
    if (error instanceof CsvParseError) throw new BrokenExport({ line }, csvErrorReason(error));
    throw error;
  }
  if (header) throw new BrokenExport({}, 'the file is empty: a CSV export starts with a header row');
}

function checkHeader(fields: string[]): void {
  if (fields.join(',') !== EXPORT_COLUMNS.join(',')) {
    throw new BrokenExport({ line: 1 }, `the header row is not the export's: expected ${EXPORT_COLUMNS.join(',')}`);
  }
}

function lineBreaksIn(fields: string[]): number {
  let breaks = 0;
  for (const field of fields) if (HAS_LINE_BREAK.test(field)) breaks += field.match(LINE_BREAK)!.length;
  return breaks;
}

function csvErrorReason(error: CsvParseError): string {
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') return 'the file ends inside a quoted field: it was cut short';
  return `not valid CSV (${error.message})`;
}

/** One record as the log row it was written from: ids back to numbers, text with its defusing apostrophe taken off. */
export function csvRecordRow(fields: CsvField[], line: number | null): StoredLogRow {
  const place: BrokenPlace = { row: fields[0] && ROW_ID.test(fields[0]) ? usableId(Number(fields[0])) : undefined, line };
  if (fields.length !== EXPORT_COLUMNS.length) {
    throw new BrokenExport(place, `the record has ${fields.length} fields, and the export writes ${EXPORT_COLUMNS.length}`);
  }
  const row: Record<string, unknown> = {};
  EXPORT_COLUMNS.forEach((column, index) => {
    row[column] = csvCellValue(column, fields[index]!, place);
  });
  return row as StoredLogRow;
}

function csvCellValue(column: ExportColumn, field: CsvField, place: BrokenPlace): unknown {
  let value: unknown = field;
  if (field !== null && EXPORT_COLUMN_TYPES[column].kind === 'id') {
    if (ROW_ID.test(field)) value = Number(field);
  } else if (field !== null) {
    if (field.startsWith("'") ? !NEEDS_APOSTROPHE.test(field.slice(1)) : NEEDS_APOSTROPHE.test(field)) {
      throw new BrokenExport(place, `${column} ${defusingProblem(field)}: the cell was edited`);
    }
    value = restoreCsvText(field);
  }
  const problem = columnValueProblem(column, value, 'empty');
  if (problem) throw new BrokenExport(place, problem);
  return value;
}

function defusingProblem(field: string): string {
  return field.startsWith("'")
    ? "starts with an apostrophe, which the export puts only before = + - @, a tab, a carriage return or another apostrophe"
    : `starts with ${JSON.stringify(field[0])} without the apostrophe the export puts before such a cell (a spreadsheet would run it as a formula)`;
}
