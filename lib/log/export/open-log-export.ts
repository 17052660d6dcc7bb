// An owner's export of the moderation log: checked at once, then streamed from a snapshot and logged when it ends.
import 'server-only';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/shared/auth/actor';
import { authorizeActor, type AuthorizedActor } from '@/lib/auth/authorize-actor';
import { appendLogEntry } from '@/lib/log/append-log-entry';
import { dayRangeFileName } from '@/lib/log/day-range';
import { findUnknownLogReference } from '@/lib/log/log-filter-references';
import type { LogFilters } from '@/lib/shared/log/log-filters';
import { fail, type Failure, type Result, isFailure } from '@/lib/shared/result';
import { EXPORT_FORMATS, isExportFormat, type ExportFormat } from './export-formats';
import { ByteChunk } from './byte-chunk';
import { startExportTally, type ExportSummary, type LoggedExportSummary } from './export-summary';
import type { ExportWriter } from './export-writer';
import { openLogSnapshot, type LogSnapshot } from './log-snapshot';

export type LogExportInput = { format: ExportFormat; filters: LogFilters };

export type LogExportOptions = {
  /** For the file name's default end date (today, UTC). */
  now?: number;
  /** Bytes gathered before a chunk is handed on. */
  chunkSize?: number;
  /** Called once the log_exported row is written, complete or not. */
  onLogged?: (summary: LoggedExportSummary) => void;
};

export type LogExport = { filename: string; contentType: string; body: ReadableStream<Uint8Array> };

/** Big enough that a chunk costs little per row, small enough that other requests are served between chunks. */
const CHUNK_SIZE = 64 * 1024;

/** Only owners (and the command line) export; a ban or demotion made a moment ago already counts. */
export function authorizeLogExport(db: Db, actor: Actor): AuthorizedActor | Failure {
  return db.transaction((tx) => authorizeActor(tx, actor, 'moderation.log.export'));
}

/**
 * Who: owners and the system. Refuses anyone else (UNAUTHENTICATED/FORBIDDEN), then an unknown format
 * or a filter naming a missing article, user or comment (INVALID_INPUT); a refusal writes nothing. The body reads every
 * matching row in id order from one snapshot, a chunk at a time as the reader asks; when the last
 * row is read, or the reader gives up, ONE immediate transaction appends the `log_exported` row.
 * A read that fails part way hands over the rows read and the summary with `complete: false`, then
 * errors the body, so an HTTP download is aborted rather than ended as if whole.
 */
export function openLogExport(db: Db, actor: Actor, input: LogExportInput, options: LogExportOptions = {}): Result<LogExport> {
  const caller = authorizeLogExport(db, actor);
  if (isFailure(caller)) return caller;
  if (!isExportFormat(input.format)) return fail('INVALID_INPUT', `There is no export format ${String(input.format)}.`);
  const unknown = findUnknownLogReference(db, input.filters);
  if (unknown) return fail('INVALID_INPUT', unknown);
  const writer = EXPORT_FORMATS[input.format];
  return {
    ok: true,
    filename: dayRangeFileName('moderation-log', input.filters, writer.extension, options.now ?? Date.now()),
    contentType: writer.contentType,
    body: exportBody(db, caller, input, writer, openLogSnapshot(db.$client.name, writer.select, input.filters), options),
  };
}

function exportBody(
  db: Db,
  caller: AuthorizedActor,
  input: LogExportInput,
  writer: ExportWriter,
  snapshot: LogSnapshot,
  options: LogExportOptions,
): ReadableStream<Uint8Array> {
  const chunkSize = options.chunkSize ?? CHUNK_SIZE;
  const tally = startExportTally(input.format, input.filters);
  // Room for a full chunk and the row that tips it over; a longer row grows the buffer.
  const bytes = new ByteChunk(chunkSize * 2);
  bytes.append(writer.header);
  let settled = false;

  /** Closes the snapshot and logs what was exported, once, before anything after the last row is sent. */
  const settle = (complete: boolean): LoggedExportSummary => {
    settled = true;
    snapshot.close();
    const summary = tally.summary(complete);
    const logged = { ...summary, log_entry: logExport(db, caller, summary) };
    options.onLogged?.(logged);
    return logged;
  };

  return new ReadableStream<Uint8Array>({
    // Each pull reads rows synchronously until a chunk is full and returns, so memory holds one chunk
    // however long the export. A socket that takes a chunk at once answers within the same task, so
    // the pull first yields to the event loop: without it, other requests wait for the whole export.
    async pull(controller) {
      await yieldToEventLoop();
      try {
        for (let next = snapshot.rows.next(); !next.done; next = snapshot.rows.next()) {
          const values = next.value;
          bytes.append(writer.row(values));
          tally.add(values[0] as number, values[values.length - 1] as string);
          if (bytes.size >= chunkSize) {
            controller.enqueue(bytes.take());
            return;
          }
        }
        const logged = settle(true);
        bytes.append(writer.footer(logged));
        controller.enqueue(bytes.take());
        controller.close();
      } catch (error) {
        // The rows read so far reach the reader before the error, so that an incomplete export's row
        // counts what it handed over, followed by the summary saying `complete: false` (NDJSON, JSON).
        // Then the stream errors: the server aborts the response instead of ending it, so the
        // download fails where a person sees it rather than leaving a short file that looks whole.
        if (!settled) bytes.append(writer.footer(settle(false)));
        if (bytes.size > 0) controller.enqueue(bytes.take());
        controller.error(error);
      }
    },
    cancel() {
      if (!settled) settle(false);
    },
    // Nothing is read ahead of the reader: an abandoned export logs exactly the rows handed over.
  }, { highWaterMark: 0 });
}

/** The log_exported row: who exported what, the summary as its new state. */
function logExport(db: Db, caller: AuthorizedActor, summary: ExportSummary): { id: number; hash: string } {
  return db.transaction(
    (tx) =>
      appendLogEntry(tx, {
        actor: caller.logActor,
        action: 'log_exported',
        target: null,
        previousState: null,
        newState: summary,
        requestId: caller.actor.requestId,
      }),
    { behavior: 'immediate' },
  );
}
