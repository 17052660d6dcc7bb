// --db: holds an export file up to the database it came from: its rows, and the log_exported row that recorded it.
import 'server-only';
import type Database from 'better-sqlite3';
import type { Db } from '@/db/client';
import type { ExportFormat } from '@/lib/log/export/export-formats';
import type { ExportSummary, LoggedExportSummary } from '@/lib/log/export/export-summary';
import { canonicalJson, type StoredLogRow } from '@/lib/log/hash-chain';
import { verifyLogChain } from '@/lib/ops/log-verify/verify-log-chain';
import { BrokenExport } from './broken-export';
import type { ExportFacts } from './export-chain-check';
import { openLogDatabase } from './open-log-database';

/** The log_exported row that recorded the file, and what it recorded. */
export type LoggedExport = { id: number; summary: ExportSummary };

export type DatabaseMatch = { file: string; chainRows: number; head: string; loggedExport: LoggedExport };

export type DatabaseCrossCheck = {
  /** The database's own row with this id has the same hash, so the same content. */
  checkRow: (row: StoredLogRow, line: number | null) => void;
  /** NDJSON/JSON: the summary is what its log_entry row recorded. */
  checkSummary: (summary: LoggedExportSummary, line: number | null) => DatabaseMatch;
  /** CSV: a log_exported row recorded exactly these rows. */
  findExport: (format: ExportFormat, facts: ExportFacts) => DatabaseMatch;
  close: () => void;
};

type LoggedRow = { id: number; action: string; hash: string; new_state: string | null };

/** Opens the database read-only and verifies its whole chain first: a file can only be as good as the log it is held up to. */
export function openDatabaseCrossCheck(file: string): DatabaseCrossCheck {
  const db = openLogDatabase(file);
  try {
    return crossCheck(db, file);
  } catch (error) {
    db.$client.close();
    throw error;
  }
}

function crossCheck(db: Db, file: string): DatabaseCrossCheck {
  const chain = verifyLogChain(db);
  if (!chain.ok) throw new BrokenExport({ database: true, row: chain.brokenId }, `${file}'s own chain is broken: ${chain.reason}`);
  const rowHash = db.$client.prepare('SELECT hash FROM moderation_log WHERE id = ?').pluck();
  const loggedRow = db.$client.prepare('SELECT id, action, hash, new_state FROM moderation_log WHERE id = ?');
  const match = (loggedExport: LoggedExport): DatabaseMatch => ({ file, chainRows: chain.rows, head: chain.head, loggedExport });

  return {
    checkRow(row, line) {
      const hash = rowHash.get(row.id) as string | undefined;
      if (hash === undefined) throw new BrokenExport({ row: row.id, line }, `the database has no row ${row.id}`);
      if (hash !== row.hash) throw new BrokenExport({ row: row.id, line }, `it is not the database's row ${row.id} (the hashes differ)`);
    },
    checkSummary(summary, line) {
      const broken = (reason: string) => new BrokenExport({ summary: true, line }, reason);
      const { log_entry: entry, ...recorded } = summary;
      const logged = loggedRow.get(entry.id) as LoggedRow | undefined;
      if (!logged) throw broken(`the database has no row ${entry.id}, which the summary names as the export's log entry`);
      if (logged.action !== 'log_exported') throw broken(`row ${entry.id} of the database records ${logged.action}, not an export`);
      if (logged.hash !== entry.hash) throw broken(`the summary's log_entry hash is not the hash of row ${entry.id}`);
      if (logged.new_state !== canonicalJson(recorded)) throw broken(`the summary is not what row ${entry.id} recorded for this export`);
      return match({ id: entry.id, summary: recorded });
    },
    findExport(format, facts) {
      const found = findLoggedExport(db.$client, format, facts);
      if (!found) {
        throw new BrokenExport(
          {},
          `no ${format} export logged in the database holds exactly these ${facts.rows} rows: rows were removed or added, or the file was cut short`,
        );
      }
      return match(found);
    },
    close: () => db.$client.close(),
  };
}

/**
 * The first export that recorded exactly these rows, a complete one before one the client abandoned
 * (which records the rows sent until then). Exports are few beside the rest of the log.
 */
function findLoggedExport(sqlite: Database.Database, format: ExportFormat, facts: ExportFacts): LoggedExport | null {
  const rows = sqlite.prepare("SELECT id, new_state FROM moderation_log WHERE action = 'log_exported' ORDER BY id").all() as {
    id: number;
    new_state: string | null;
  }[];
  const matches = rows
    .map((row) => ({ id: row.id, summary: JSON.parse(row.new_state ?? 'null') as ExportSummary | null }))
    .filter((logged): logged is LoggedExport => recordsTheseRows(logged.summary, format, facts));
  return matches.find((logged) => logged.summary.complete) ?? matches[0] ?? null;
}

function recordsTheseRows(summary: ExportSummary | null, format: ExportFormat, facts: ExportFacts): boolean {
  return (
    summary?.format === format &&
    summary.rows === facts.rows &&
    summary.first_id === facts.firstId &&
    summary.last_id === facts.lastId &&
    summary.last_hash === facts.lastHash &&
    summary.hashes_sha256 === facts.hashesSha256
  );
}
