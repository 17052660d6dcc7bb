// What a reader of an export file yields: each row in file order, then the summary if the format has one.
import 'server-only';
import type { LoggedExportSummary } from '@/lib/log/export/export-summary';
import type { StoredLogRow } from '@/lib/log/hash-chain';

/** `line` is the row's first line in the file; null when the file was read whole and lines are unknown. */
export type ExportItem =
  | { kind: 'row'; row: StoredLogRow; line: number | null }
  | { kind: 'summary'; summary: LoggedExportSummary; line: number | null };
