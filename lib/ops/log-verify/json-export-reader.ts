// Reads a JSON export: line by line in the layout the exporter writes (one element a line), or whole when small and laid out otherwise.
import 'server-only';
import fs from 'node:fs';
import { BrokenExport } from './broken-export';
import type { ExportItem } from './export-item';
import { fileLines } from './file-lines';
import { exportElementItem, parseExportElement } from './json-export-element';

/** Reformatted by a tool, a file this size still parses whole in reasonable memory; a larger one must keep the exporter's layout. */
export const WHOLE_JSON_MAX_BYTES = 16 * 1024 * 1024;

/** `[`, then one element a line each ending in a comma but the last, then `]`. */
export async function* readJsonExport(file: string): AsyncGenerator<ExportItem> {
  const lines = fileLines(file);
  try {
    const first = await lines.next();
    const second = await lines.next();
    if (first.done || second.done || first.value.text !== '[' || !isElementLine(second.value.text)) {
      yield* readWholeJson(file);
      return;
    }
    yield* readElementLines(second.value, lines);
  } finally {
    await lines.return(undefined);
  }
}

/** A line the exporter could have written as the first element: a whole JSON value, perhaps followed by a comma. */
function isElementLine(text: string): boolean {
  try {
    JSON.parse(withoutComma(text));
    return true;
  } catch {
    return false;
  }
}

const withoutComma = (text: string) => (text.endsWith(',') ? text.slice(0, -1) : text);

type NumberedLine = { text: string; line: number };

async function* readElementLines(first: NumberedLine, rest: AsyncGenerator<NumberedLine>): AsyncGenerator<ExportItem> {
  let current: NumberedLine = first;
  // Each element line but the last ends with a comma; the last is followed by "]" and the end of the file.
  for (;;) {
    const more = current.text.endsWith(',');
    yield parseExportElement(withoutComma(current.text), current.line);
    const next = await rest.next();
    if (next.done) {
      throw new BrokenExport({ line: current.line }, `the file ends after line ${current.line}, inside the array: it was cut short`);
    }
    if (more && next.value.text === ']') {
      throw new BrokenExport({ line: next.value.line }, 'the array closes right after a comma: its last element, the summary, was removed');
    }
    if (!more) {
      if (next.value.text !== ']') throw new BrokenExport({ line: next.value.line }, 'the array should close here with "]"');
      const after = await rest.next();
      if (!after.done) throw new BrokenExport({ line: after.value.line }, 'there is more after the closing "]"');
      return;
    }
    current = next.value;
  }
}

async function* readWholeJson(file: string): AsyncGenerator<ExportItem> {
  const size = fs.statSync(file).size;
  if (size > WHOLE_JSON_MAX_BYTES) {
    throw new BrokenExport({}, `the file is not laid out one element a line as the exporter writes it, and at ${size} bytes it is too large to read whole`);
  }
  let value: unknown;
  try {
    value = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new BrokenExport({}, `not valid JSON (${(error as Error).message}): the file was cut short or edited`);
  }
  if (!Array.isArray(value)) throw new BrokenExport({}, 'a JSON export is an array, and this file holds something else');
  for (const element of value) yield exportElementItem(element, null);
}
