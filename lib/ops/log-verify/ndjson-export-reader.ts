// Reads an NDJSON export line by line: one row object per line, the summary last.
import 'server-only';
import { BrokenExport } from './broken-export';
import type { ExportItem } from './export-item';
import { fileLines } from './file-lines';
import { parseExportElement } from './json-export-element';

export async function* readNdjsonExport(file: string): AsyncGenerator<ExportItem> {
  for await (const { text, line } of fileLines(file)) {
    if (text === '') throw new BrokenExport({ line }, 'the line is empty, and the export writes none');
    yield parseExportElement(text, line);
  }
}
