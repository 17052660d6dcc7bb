// An RFC 4180 writer (CRLF rows, fields quoted when needed, quotes doubled) that defuses spreadsheet formulas.
import 'server-only';

export type CsvValue = string | number | null;

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return before one) as a
 * formula. Such a cell gets a ' in front, which spreadsheets show as text. A cell that already starts
 * with ' gets one more, so that taking exactly one leading ' off always restores the original.
 */
export const NEEDS_APOSTROPHE = /^[=+\-@\t\r']/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One field. null is an empty field and '' is `""`, so a reader that sees quoting can tell them apart.
 * Numbers are written as text and defused the same way.
 */
export function csvField(value: CsvValue): string {
  if (value === null) return '';
  let text = String(value);
  if (NEEDS_APOSTROPHE.test(text)) text = `'${text}`;
  return text === '' || NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, ending in CRLF. A plain loop: no array per record, which an export of a million rows feels. */
export function csvRow(values: readonly CsvValue[]): string {
  let record = '';
  for (let index = 0; index < values.length; index += 1) record += index === 0 ? csvField(values[index]!) : `,${csvField(values[index]!)}`;
  return `${record}\r\n`;
}

/** A parsed field's original text: the writer's defusing apostrophe taken off. */
export function restoreCsvText(field: string): string {
  return field.startsWith("'") ? field.slice(1) : field;
}
