// Tells a CSV record's empty fields apart by the text csv-parse read them from: `""` is empty text, nothing at all is null.
import 'server-only';

/** A field as read: null for an empty unquoted field (how the exporter writes null), text otherwise. */
export type CsvField = string | null;

/** What csv-parse yields with `raw: true`: the fields' values and the record's text, from its first character on. */
export type RawCsvRecord = { record: string[]; raw: string };

const QUOTE = 0x22;

/**
 * The record's fields with each empty unquoted one as null. csv-parse has already checked the
 * grammar, so each field's text follows from its value: the value itself when unquoted, else the
 * value in quotes with each quote doubled. Only the first character of each field is looked at.
 * (A `cast` function would tell the same, but csv-parse builds three objects per field to call it.)
 */
export function csvRecordFields({ record, raw }: RawCsvRecord): CsvField[] {
  // In place: csv-parse hands over a new array for each record.
  const fields: CsvField[] = record;
  const lastEmpty = record.lastIndexOf('');
  let at = 0;
  for (let index = 0; index <= lastEmpty; index += 1) {
    const value = record[index]!;
    if (raw.charCodeAt(at) === QUOTE) {
      at += value.length + quotesIn(value) + 2;
    } else {
      if (value === '') fields[index] = null;
      at += value.length;
    }
    // The comma after the field.
    at += 1;
  }
  return fields;
}

function quotesIn(value: string): number {
  let count = 0;
  for (let at = value.indexOf('"'); at !== -1; at = value.indexOf('"', at + 1)) count += 1;
  return count;
}
