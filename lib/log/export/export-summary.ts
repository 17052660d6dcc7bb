// What an export holds, tallied row by row: the log_exported row records it and NDJSON/JSON files end with it.
import 'server-only';
import { createHash } from 'node:crypto';
import { activeLogFilters, type LogFilters } from '@/lib/shared/log/log-filters';
import type { ExportFormat } from './export-formats';

/** The log_exported row's new_state. */
export type ExportSummary = {
  format: ExportFormat;
  filters: ReturnType<typeof activeLogFilters>;
  rows: number;
  first_id: number | null;
  last_id: number | null;
  last_hash: string | null;
  /** sha256 (hex) of every exported row's hash, concatenated in order: one value that pins the whole file. */
  hashes_sha256: string;
  /** false when the client went away or the read failed before the last row. */
  complete: boolean;
};

/** The summary a file ends with: the row above plus that row's own id and hash, which it cannot hold itself. */
export type LoggedExportSummary = ExportSummary & { log_entry: { id: number; hash: string } };

export type ExportTally = {
  add: (id: number, hash: string) => void;
  summary: (complete: boolean) => ExportSummary;
};

/** Counts rows and feeds their hashes to one running sha256, so that memory stays flat however many rows pass. */
export function startExportTally(format: ExportFormat, filters: LogFilters): ExportTally {
  const hashes = createHash('sha256');
  let rows = 0;
  let firstId: number | null = null;
  let lastId: number | null = null;
  let lastHash: string | null = null;
  return {
    add(id, hash) {
      rows += 1;
      firstId ??= id;
      lastId = id;
      lastHash = hash;
      hashes.update(hash);
    },
    summary: (complete) => ({
      format,
      filters: activeLogFilters(filters),
      rows,
      first_id: firstId,
      last_id: lastId,
      last_hash: lastHash,
      hashes_sha256: hashes.digest('hex'),
      complete,
    }),
  };
}
