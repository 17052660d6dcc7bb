// Puts a finished file in its final place in one step, and makes that step survive a power cut.
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';

/**
 * rename() replaces `to` atomically (a reader sees the old file or the new, never half of one); the
 * fsyncs before and after make sure the file's bytes and then the new name are on disk.
 */
export function durableRename(from: string, to: string): void {
  fsyncPath(from);
  fs.renameSync(from, to);
  fsyncPath(path.dirname(path.resolve(to)));
}

function fsyncPath(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Removes a database file with whatever SQLite left beside it. */
export function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
}
