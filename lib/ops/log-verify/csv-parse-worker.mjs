// The thread that runs csv-parse over a CSV export for parseCsvInWorker, so that parsing and hashing run side by side.
// Plain JavaScript: a worker thread starts without the TypeScript loader of the thread that started it.
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { CsvError, parse } from 'csv-parse';

/** Records per message, about: enough that a message costs little per record. */
const BATCH = 500;
/** Batches sent and not yet taken: enough to keep the reader busy, few enough that memory stays flat. */
const AHEAD = 4;

let records = [];
let ahead = 0;
let done = false;

const source = fs.createReadStream(workerData.file);
const parser = parse({
  bom: true,
  // The reader checks the field count, to name the row and say how many fields it has.
  relax_column_count: true,
  // The record's text, for the reader to tell "" from an empty field.
  raw: true,
});

function send() {
  if (records.length === 0) return;
  parentPort.postMessage({ kind: 'records', records });
  records = [];
  ahead += 1;
  if (ahead === AHEAD) source.pause();
}

function finish(message) {
  if (done) return;
  done = true;
  send();
  parentPort.postMessage(message);
  source.destroy();
  parser.destroy();
}

function fail(error) {
  const code = error instanceof CsvError ? error.code : null;
  finish({ kind: 'error', code, message: error instanceof Error ? error.message : String(error) });
}

parentPort.on('message', () => {
  ahead -= 1;
  if (ahead < AHEAD && !done) source.resume();
});
// Flowing, and never paused (the file is), the parser hands each record over as it parses it: a
// stream that fails drops the records it still held, and the reader must see every record before a
// problem to name the first problem in the file and count its lines.
parser.on('data', (record) => records.push(record));
source.on('data', (chunk) => {
  parser.write(chunk);
  if (records.length >= BATCH) send();
});
source.on('end', () => parser.end());
source.on('error', fail);
parser.on('error', fail);
// After the last record was handed over.
parser.on('end', () => finish({ kind: 'end' }));
