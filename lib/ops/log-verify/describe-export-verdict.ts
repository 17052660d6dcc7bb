// An export file's verdict in words: the OK or BROKEN line, then exactly what this kind of file proves and what it cannot.
import 'server-only';
import { countLabel } from '@/lib/shared/format/count';
import type { ExportFormat } from '@/lib/log/export/export-formats';
import type { LoggedExportSummary } from '@/lib/log/export/export-summary';
import { brokenPlaceLabel } from './broken-export';
import { isUnfiltered } from './check-export-summary';
import type { DatabaseMatch } from './database-cross-check';
import type { ExportFacts } from './export-chain-check';
import type { ExportFileVerdict } from './verify-export-file';

const FORMAT_NAMES: Record<ExportFormat, string> = { csv: 'CSV', ndjson: 'NDJSON', json: 'JSON' };

export function describeExportVerdict(verdict: ExportFileVerdict): string[] {
  if (!verdict.ok) return [`BROKEN${brokenPlaceLabel(verdict.place)}: ${verdict.reason}`];
  const { facts, summary, database } = verdict;
  const ids = facts.firstId === null ? '' : ` (ids ${facts.firstId}–${facts.lastId})`;
  const headline = `OK ${countLabel(facts.rows, 'row', 'rows')}${ids}, ${fileKind(verdict.format, summary)}`;
  if (database) return [`${headline}, recorded as export row ${database.loggedExport.id} of ${database.file}`, provenByDatabase(facts, database)];
  return [headline, ...(summary ? summaryProof(facts, summary) : csvProof(facts))];
}

function fileKind(format: ExportFormat, summary: LoggedExportSummary | null): string {
  const name = FORMAT_NAMES[format];
  if (!summary) return `${name} export`;
  return isUnfiltered(summary) ? `unfiltered ${name} export with its summary` : `${name} export filtered by ${filtersLabel(summary.filters)}, with its summary`;
}

function filtersLabel(filters: Record<string, string | number>): string {
  return new URLSearchParams(Object.entries(filters).map(([key, value]) => [key, String(value)])).toString();
}

function provenByDatabase(facts: ExportFacts, database: DatabaseMatch): string {
  const recorded = database.loggedExport.summary;
  const filters = isUnfiltered(recorded) ? 'the whole log' : `the rows filtered by ${filtersLabel(recorded.filters)}`;
  const abandoned = recorded.complete ? '' : ' (an export the client abandoned after these rows)';
  return (
    `Proven: the file is exactly what export row ${database.loggedExport.id} recorded${abandoned}: ${filters}, ` +
    `${countLabel(facts.rows, 'row', 'rows')} with the same hashes in the same order; each row is the database's row with its id, ` +
    `and the database's own chain verifies from row 1 to its head ${database.head} (${countLabel(database.chainRows, 'row', 'rows')}).`
  );
}

function summaryProof(facts: ExportFacts, summary: LoggedExportSummary): string[] {
  const tail = `compare the last hash ${facts.lastHash ?? '(none)'} with the database (--db) or a copy you trust.`;
  if (isUnfiltered(summary)) {
    return [
      facts.rows === 0
        ? 'Proven: the export is empty and its summary says so.'
        : `Proven: every row's hash recomputes from its content and links to the row before it, from the genesis hash at row 1 to row ${facts.lastId} ` +
          "with no row missing, and the summary's count and hashes agree: no row was altered, removed, added or reordered " +
          'without recomputing every later hash and the summary.',
      `Not proven: the hashes carry no key, so a forger could recompute them all; ${tail}`,
    ];
  }
  return [
    `Proven: each row's hash recomputes from its own content; ${runsLabel(facts)}; the summary's count and hashes agree, ` +
      'so no row was removed, added, altered or reordered without rewriting the summary.',
    "Not proven: that these are the log's own rows and all that the filter matched: their links lead to rows outside the file, " +
      'and only the export\'s log entry in the database vouches for the summary. Run with --db.',
  ];
}

function csvProof(facts: ExportFacts): string[] {
  if (facts.rows === 0) {
    return ['Proven: the header is the export\'s.', 'Not proven: an empty CSV cannot show that it should be empty. Run with --db.'];
  }
  if (facts.firstId === 1 && facts.runCount === 1) {
    return [
      `Proven: contiguous from row 1: every row's hash recomputes and links to the one before it, from the genesis hash, ` +
        `so nothing up to row ${facts.lastId} was altered, removed or reordered without recomputing every later hash.`,
      `Not proven: a CSV carries no summary, so rows cut off after row ${facts.lastId} would not show, nor would hashes a forger ` +
        `recomputed; compare the last hash ${facts.lastHash} with the database (--db) or a copy you trust.`,
    ];
  }
  return [
    `Proven: each row's hash recomputes from its own content; ${runsLabel(facts)}.`,
    'Not proven: a filtered file cannot show that rows outside those runs were left out only by the filter, nor that none were ' +
      'cut off at the end, nor that its rows are the log\'s own. Run with --db.',
  ];
}

/** "rows 5–9 and 20–31 are contiguous, …": the runs in which each row's link to the one before was checked. */
export function runsLabel(facts: Pick<ExportFacts, 'rows' | 'linkedRunCount' | 'linkedRows' | 'firstLinkedRuns'>): string {
  if (facts.linkedRunCount === 0) return 'no two rows have consecutive ids, so no link between rows could be checked';
  const shown = facts.firstLinkedRuns.map((run) => `${run.from}–${run.to}`);
  const more = facts.linkedRunCount - shown.length;
  const listing = more > 0 ? `${shown.join(', ')} and ${countLabel(more, 'more run', 'more runs')}` : joinAnd(shown);
  const alone = facts.rows - facts.linkedRows;
  const rest = alone === 0 ? '' : ` (${countLabel(alone, 'row has', 'rows have')} no neighbour in the file)`;
  return `rows ${listing} are contiguous, each row linked to the one before it${rest}`;
}

function joinAnd(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
