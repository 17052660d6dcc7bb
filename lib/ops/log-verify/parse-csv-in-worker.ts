// Runs csv-parse over a file on a worker thread and hands its records over in order, a few batches ahead of the reader.
import 'server-only';
import { on } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { RawCsvRecord } from './csv-record-fields';

/** What csv-parse refused, with its error code (CSV_QUOTE_NOT_CLOSED …) and message. */
export class CsvParseError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type WorkerMessage =
  | { kind: 'records'; records: RawCsvRecord[] }
  | { kind: 'end' }
  | { kind: 'error'; code: string | null; message: string };

const WORKER = new URL('./csv-parse-worker.mjs', import.meta.url);

/**
 * Parsing a large CSV costs as much as hashing its rows, so the two run on two threads. The records
 * before a problem come first, then CsvParseError (bad CSV) or Error (an unreadable file).
 */
export async function* parseCsvInWorker(file: string): AsyncGenerator<RawCsvRecord> {
  const worker = new Worker(WORKER, { workerData: { file } });
  try {
    for await (const [message] of on(worker, 'message', { close: ['exit'] }) as AsyncIterable<[WorkerMessage]>) {
      if (message.kind === 'end') return;
      if (message.kind === 'error') {
        throw message.code === null ? new Error(message.message) : new CsvParseError(message.code, message.message);
      }
      // Taken: the worker may parse one more batch while these are checked.
      worker.postMessage('taken');
      yield* message.records;
    }
    throw new Error('the CSV parser stopped before the end of the file');
  } finally {
    await worker.terminate();
  }
}
