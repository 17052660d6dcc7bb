// Checks an export's rows one at a time as they stream past: each hash recomputes, ids rise, neighbours link.
import 'server-only';
import { createHash } from 'node:crypto';
import { computeLogHash, GENESIS_HASH, hashedFieldsOf, type StoredLogRow } from '@/lib/log/hash-chain';
import { BrokenExport } from './broken-export';

/** Rows whose ids follow one another with nothing between, each linked to the one before. */
export type IdRun = { from: number; to: number };

/** The linked runs kept to name in the verdict; the rest are only counted, so that memory stays flat. */
const RUNS_KEPT = 3;

export type ExportFacts = {
  rows: number;
  firstId: number | null;
  firstLine: number | null;
  lastId: number | null;
  lastHash: string | null;
  /** sha256 hex of the row hashes concatenated in order: what the summary's hashes_sha256 must be. */
  hashesSha256: string;
  /** How many runs of consecutive ids the rows form, a lone row counting as one. */
  runCount: number;
  /** Runs of two rows or more, in which each row's link to the one before was checked: how many, their rows, the first few. */
  linkedRunCount: number;
  linkedRows: number;
  firstLinkedRuns: IdRun[];
  /** The first row that does not follow the row before it, for an export that must have no gap. */
  firstGap: { afterId: number; id: number; line: number | null } | null;
};

export type ExportChainCheck = {
  add: (row: StoredLogRow, line: number | null) => void;
  facts: () => ExportFacts;
};

export function startExportChainCheck(): ExportChainCheck {
  const hashes = createHash('sha256');
  const facts: Omit<ExportFacts, 'hashesSha256'> = {
    rows: 0,
    firstId: null,
    firstLine: null,
    lastId: null,
    lastHash: null,
    runCount: 0,
    linkedRunCount: 0,
    linkedRows: 0,
    firstLinkedRuns: [],
    firstGap: null,
  };
  let run: IdRun | null = null;
  const startLinkedRun = (linked: IdRun) => {
    facts.linkedRunCount += 1;
    facts.linkedRows += 1;
    if (facts.firstLinkedRuns.length < RUNS_KEPT) facts.firstLinkedRuns.push(linked);
  };

  return {
    add(row, line) {
      if (computeLogHash(row.prev_hash, hashedFieldsOf(row)) !== row.hash) {
        throw brokenRow(row, line, 'its hash does not recompute from its content: the row was altered');
      }
      if (row.id === 1 && row.prev_hash !== GENESIS_HASH) throw brokenRow(row, line, 'row 1 must have the genesis hash as its prev_hash');
      const previous = facts.lastId;
      if (previous !== null && row.id <= previous) {
        throw brokenRow(row, line, `it comes after row ${previous}, but an export lists rows in rising id order: rows were reordered or repeated`);
      }
      const follows = previous !== null && row.id === previous + 1;
      if (follows && row.prev_hash !== facts.lastHash) {
        throw brokenRow(row, line, `its prev_hash is not the hash of row ${previous} before it: one of the two was altered or replaced`);
      }
      if (follows) {
        if (run!.from === run!.to) startLinkedRun(run!);
        run!.to = row.id;
        facts.linkedRows += 1;
      } else {
        if (previous !== null) facts.firstGap ??= { afterId: previous, id: row.id, line };
        run = { from: row.id, to: row.id };
        facts.runCount += 1;
      }
      hashes.update(row.hash);
      facts.rows += 1;
      facts.firstId ??= row.id;
      facts.firstLine ??= line;
      facts.lastId = row.id;
      facts.lastHash = row.hash;
    },
    facts: () => ({ ...facts, firstLinkedRuns: facts.firstLinkedRuns.map((kept) => ({ ...kept })), hashesSha256: hashes.copy().digest('hex') }),
  };
}

/** Made only when a row fails: the check runs once per row of a file that may hold millions. */
function brokenRow(row: StoredLogRow, line: number | null, reason: string): BrokenExport {
  return new BrokenExport({ row: row.id, line }, reason);
}
