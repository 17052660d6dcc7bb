// Which format an export file is in: from its extension, else from how it starts.
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import type { ExportFormat } from '@/lib/log/export/export-formats';
import { VerifyInputError } from './broken-export';

const BY_EXTENSION: Record<string, ExportFormat> = { '.csv': 'csv', '.ndjson': 'ndjson', '.jsonl': 'ndjson', '.json': 'json' };

export function exportFileFormat(file: string): ExportFormat {
  const byName = BY_EXTENSION[path.extname(file).toLowerCase()];
  return byName ?? sniffExportFormat(file);
}

/** A JSON export opens with "[", NDJSON with a row or summary object, CSV with the header's first column. */
function sniffExportFormat(file: string): ExportFormat {
  const start = Buffer.alloc(64);
  const descriptor = fs.openSync(file, 'r');
  let text: string;
  try {
    text = start.subarray(0, fs.readSync(descriptor, start, 0, start.length, 0)).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  } finally {
    fs.closeSync(descriptor);
  }
  if (text.startsWith('[')) return 'json';
  if (text.startsWith('{')) return 'ndjson';
  if (text.startsWith('id,')) return 'csv';
  throw new VerifyInputError(`cannot tell what format ${file} is in: name it .csv, .ndjson or .json`);
}
