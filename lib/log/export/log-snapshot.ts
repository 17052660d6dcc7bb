// The rows of an export, read on a read-only connection of their own: one statement, so one consistent snapshot.
import 'server-only';
import Database from 'better-sqlite3';
import { logFilterCondition } from '@/lib/log/log-filter-sql';
import type { LogFilters } from '@/lib/shared/log/log-filters';
import type { ExportRowValues } from './export-writer';

export type LogSnapshot = {
  rows: IterableIterator<ExportRowValues>;
  /** Ends the read and closes the connection; safe to call more than once. */
  close: () => void;
};

/** As long as the main connection waits for a lock (db/client.ts). */
const BUSY_TIMEOUT_MS = 5000;

/**
 * A connection busy with an open iterator cannot run any other statement, so the export reads on a
 * connection of its own and the main one stays free for moderation while a long export streams.
 * Rows come in raw mode (arrays of the `select` list's values), the owner's view: every note.
 */
export function openLogSnapshot(file: string, select: string, filters: LogFilters): LogSnapshot {
  const connection = new Database(file, { readonly: true, fileMustExist: true });
  try {
    connection.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    const { where, params } = logFilterCondition(filters, 'owner');
    const statement = connection.prepare(`SELECT ${select} FROM moderation_log l WHERE ${where} ORDER BY l.id`).raw(true);
    const rows = statement.iterate(...params) as IterableIterator<ExportRowValues>;
    return {
      rows,
      close: () => {
        if (!connection.open) return;
        rows.return?.();
        connection.close();
      },
    };
  } catch (error) {
    connection.close();
    throw error;
  }
}
