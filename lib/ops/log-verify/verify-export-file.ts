// npm run log:verify -- <file>: checks an exported CSV, NDJSON or JSON file on its own, streaming, and optionally against the database.
import 'server-only';
import fs from 'node:fs';
import type { ExportFormat } from '@/lib/log/export/export-formats';
import type { LoggedExportSummary } from '@/lib/log/export/export-summary';
import { BrokenExport, VerifyInputError, type BrokenPlace } from './broken-export';
import { checkExportSummary } from './check-export-summary';
import { readCsvExport } from './csv-export-reader';
import { openDatabaseCrossCheck, type DatabaseCrossCheck, type DatabaseMatch } from './database-cross-check';
import { startExportChainCheck, type ExportFacts } from './export-chain-check';
import { exportFileFormat } from './export-file-format';
import type { ExportItem } from './export-item';
import { readJsonExport } from './json-export-reader';
import { readNdjsonExport } from './ndjson-export-reader';

export type ExportFileVerdict =
  | { ok: true; format: ExportFormat; facts: ExportFacts; summary: LoggedExportSummary | null; database: DatabaseMatch | null }
  | { ok: false; format: ExportFormat; place: BrokenPlace; reason: string };

export type VerifyExportOptions = {
  /** A database file to hold the export up to: its rows and the log_exported row that recorded it. */
  database?: string;
};

const READERS: Record<ExportFormat, (file: string) => AsyncGenerator<ExportItem>> = {
  csv: readCsvExport,
  ndjson: readNdjsonExport,
  json: readJsonExport,
};

/**
 * Reads the file once, row by row, in constant memory, and stops at the first problem. Throws
 * VerifyInputError only when the file or database cannot be read at all; a bad file is a verdict.
 */
export async function verifyExportFile(file: string, options: VerifyExportOptions = {}): Promise<ExportFileVerdict> {
  checkIsFile(file);
  const format = exportFileFormat(file);
  let database: DatabaseCrossCheck | null = null;
  try {
    database = options.database === undefined ? null : openDatabaseCrossCheck(options.database);
    const chain = startExportChainCheck();
    let summary: { summary: LoggedExportSummary; line: number | null } | null = null;
    let lastLine: number | null = null;
    for await (const item of READERS[format](file)) {
      if (summary) throw new BrokenExport({ line: item.line }, `this comes after the summary${lineLabel(summary.line)}, which must be last`);
      if (item.kind === 'summary') {
        summary = item;
        continue;
      }
      chain.add(item.row, item.line);
      database?.checkRow(item.row, item.line);
      lastLine = item.line;
    }
    const facts = chain.facts();
    if (format !== 'csv' && !summary) throw missingSummary(facts, lastLine);
    if (summary) checkExportSummary(summary.summary, facts, format, summary.line);
    const match = database && (summary ? database.checkSummary(summary.summary, summary.line) : database.findExport(format, facts));
    return { ok: true, format, facts, summary: summary?.summary ?? null, database: match };
  } catch (error) {
    if (error instanceof BrokenExport) return { ok: false, format, place: error.place, reason: error.reason };
    throw error;
  } finally {
    database?.close();
  }
}

function checkIsFile(file: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new VerifyInputError(`there is no file ${file}`);
  }
  if (!stat.isFile()) throw new VerifyInputError(`${file} is not a file`);
}

const lineLabel = (line: number | null) => (line ? ` on line ${line}` : '');

function missingSummary(facts: ExportFacts, lastLine: number | null): BrokenExport {
  if (facts.lastId === null) return new BrokenExport({}, 'the file holds no summary: an export ends with one even when it has no rows');
  return new BrokenExport(
    { row: facts.lastId, line: lastLine },
    'the file ends after this row without the summary the export writes last: it was cut short, or the summary was removed',
  );
}
