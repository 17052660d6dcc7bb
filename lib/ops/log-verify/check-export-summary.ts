// Compares what an export's summary claims with what its rows turned out to be.
import 'server-only';
import type { ExportFormat } from '@/lib/log/export/export-formats';
import type { LoggedExportSummary } from '@/lib/log/export/export-summary';
import { BrokenExport } from './broken-export';
import type { ExportFacts } from './export-chain-check';

/** An export of the whole log: the one kind that must hold every row from row 1 on. */
export function isUnfiltered(summary: Pick<LoggedExportSummary, 'filters'>): boolean {
  return Object.keys(summary.filters).length === 0;
}

export function checkExportSummary(summary: LoggedExportSummary, facts: ExportFacts, format: ExportFormat, line: number | null): void {
  const broken = (reason: string) => new BrokenExport({ summary: true, line }, reason);
  if (summary.format !== format) throw broken(`the summary is of a ${summary.format} export, and this file is ${format}`);
  if (!summary.complete) throw broken('the summary says the export did not complete, which the exporter never writes into a file');
  if (isUnfiltered(summary)) checkNothingMissing(facts);
  if (summary.rows !== facts.rows) {
    throw broken(`the summary counts ${summary.rows} rows and the file holds ${facts.rows}: rows were removed or added`);
  }
  const claims: [string, unknown, unknown][] = [
    ['first_id', summary.first_id, facts.firstId],
    ['last_id', summary.last_id, facts.lastId],
    ['last_hash', summary.last_hash, facts.lastHash],
  ];
  for (const [name, claimed, actual] of claims) {
    if (claimed !== actual) throw broken(`the summary's ${name} is ${String(claimed)}, and the file's is ${String(actual)}`);
  }
  if (summary.hashes_sha256 !== facts.hashesSha256) {
    throw broken("the summary's hashes_sha256 does not match the file's row hashes: rows were replaced or the summary was changed");
  }
}

/** An unfiltered export starts at row 1 and skips nothing: a removed row shows as a gap. */
function checkNothingMissing(facts: ExportFacts): void {
  if (facts.firstId !== null && facts.firstId !== 1) {
    throw new BrokenExport(
      { row: facts.firstId, line: facts.firstLine },
      `an unfiltered export starts at row 1, and this one starts at row ${facts.firstId}: ${rangeLabel(1, facts.firstId - 1)} removed`,
    );
  }
  const gap = facts.firstGap;
  if (gap) {
    throw new BrokenExport(
      { row: gap.id, line: gap.line },
      `an unfiltered export holds every row, and row ${gap.id} follows row ${gap.afterId}: ${rangeLabel(gap.afterId + 1, gap.id - 1)} removed`,
    );
  }
}

function rangeLabel(from: number, to: number): string {
  return from === to ? `row ${from} was` : `rows ${from}–${to} were`;
}
