// A file (or the database it is checked against) that fails verification: where, and why in words.
import 'server-only';

/** Where the first problem is: a row, a line of the file, the summary, or the database itself. */
export type BrokenPlace = { row?: number; line?: number | null; summary?: true; database?: true };

/** Thrown by the readers and checks: verification stops at the first problem, as a verdict rather than a crash. */
export class BrokenExport extends Error {
  constructor(
    readonly place: BrokenPlace,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** A file or database that cannot be read at all (missing, not a database): an error, not a verdict. */
export class VerifyInputError extends Error {}

/** "at row 7 (line 8)", "at the summary (line 12)", "at line 3", "in the database at row 4", or "". */
export function brokenPlaceLabel(place: BrokenPlace): string {
  const line = place.line ? ` (line ${place.line})` : '';
  if (place.database) return place.row === undefined ? ' in the database' : ` in the database at row ${place.row}`;
  if (place.summary) return ` at the summary${line}`;
  if (place.row !== undefined) return ` at row ${place.row}${line}`;
  return place.line ? ` at line ${place.line}` : '';
}
