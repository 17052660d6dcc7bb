// Verifying exports: honest CSV, NDJSON and JSON files from openLogExport pass, filtered or not, empty or
// not, a CSV's "" told from its empty fields; edited, removed, reordered and truncated rows and lying
// summaries are caught at the right row and line; --db holds a file up to its database; the command
// line answers with exit codes and plain lines.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendLogEntry, type LogEntryInput } from '@/lib/log/append-log-entry';
import type { ExportFormat } from '@/lib/log/export/export-formats';
import { openLogExport } from '@/lib/log/export/open-log-export';
import { computeLogHash, GENESIS_HASH, hashedFieldsOf, type StoredLogRow } from '@/lib/log/hash-chain';
import { NO_LOG_FILTERS, type LogFilters } from '@/lib/shared/log/log-filters';
import { describeExportVerdict } from '@/lib/ops/log-verify/describe-export-verdict';
import { verifyExportFile, type ExportFileVerdict } from '@/lib/ops/log-verify/verify-export-file';
import { appendSyntheticLog } from '@/lib/ops/synthetic/generate-log';
import { lastLogId, logRows, userActor } from '@/tests/support/accounts';
import { insertArticle, insertCast, sha256, type Cast } from '@/tests/support/comments';
import { createTempDb, type TempDb } from '@/tests/support/temp-db';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCRIPT = path.join(ROOT, 'scripts', 'log-verify.ts');
const FORMATS: ExportFormat[] = ['csv', 'ndjson', 'json'];
const ROWS = 80;
const HIDES: Partial<LogFilters> = { action: 'comment_hidden' };

let temp: TempDb;
let cast: Cast;
let dir: string;

beforeEach(() => {
  temp = createTempDb();
  dir = path.dirname(temp.file);
  cast = insertCast(temp.db);
  insertArticle(temp.db, 'verified-article', Array.from({ length: 20 }, () => ({})));
  // Notes with commas, quotes, line breaks, emoji, right-to-left text and formula starts.
  appendSyntheticLog(temp.db, { rows: ROWS, seed: 6, startsAt: '2025-03-01T00:00:00.000Z' });
});
afterEach(() => temp.cleanup());

/** Exports as the owner through openLogExport and writes the file; the export logs itself in the database. */
async function exportFile(format: ExportFormat, filters: Partial<LogFilters> = {}, name = `export.${format}`): Promise<string> {
  const opened = openLogExport(temp.db, userActor(temp.db, cast.owner), { format, filters: { ...NO_LOG_FILTERS, ...filters } });
  if (!opened.ok) throw new Error(opened.message);
  const file = path.join(dir, name);
  fs.writeFileSync(file, await new Response(opened.body).text());
  return file;
}

const read = (file: string) => fs.readFileSync(file, 'utf8');
const write = (file: string, text: string) => fs.writeFileSync(file, text);
const verify = (file: string, database?: string) => verifyExportFile(file, { database });

function broken(verdict: ExportFileVerdict): { line: string; place: unknown } {
  if (verdict.ok) throw new Error(`expected a broken verdict, got ${describeExportVerdict(verdict).join(' / ')}`);
  return { line: describeExportVerdict(verdict)[0]!, place: verdict.place };
}

/** The lines of an NDJSON file (without the empty string after the last "\n"). */
const ndjsonLines = (file: string) => read(file).split('\n').slice(0, -1);
const writeNdjson = (file: string, lines: string[]) => write(file, lines.map((line) => `${line}\n`).join(''));

/** A row whose public note is plain words, so that it shows in a CSV as it is. */
function plainNoteRow(rows: StoredLogRow[]): StoredLogRow {
  const row = rows.find((each) => each.public_note !== null && /^[A-Za-z ,.]+$/.test(each.public_note) && each.id > 5);
  if (!row) throw new Error('no row with a plain public note');
  return row;
}

/** The line of the file a CSV record starts on, counted from the text itself. */
function csvLineOf(text: string, id: number): number {
  const offset = text.indexOf(`\r\n${id},`);
  if (offset < 0) throw new Error(`row ${id} is not in the file`);
  return text.slice(0, offset + 2).split('\n').length;
}

/** A row with its hash made to fit its (edited) content again: what a forger would do. */
/** A CSV export's text with `row`'s public note rewritten in place, its hash left as it was. */
function withCsvNoteEdited(text: string, row: StoredLogRow): string {
  const at = text.indexOf(row.public_note!, text.indexOf(`\r\n${row.id},`));
  return `${text.slice(0, at)}Nothing happened here.${text.slice(at + row.public_note!.length)}`;
}

const rehashed = (row: StoredLogRow): StoredLogRow => ({ ...row, hash: computeLogHash(row.prev_hash, hashedFieldsOf(row)) });

describe('an honest export verifies', () => {
  it.each(FORMATS)('unfiltered %s: every row from row 1, chained from the genesis hash, summary and --db agree', async (format) => {
    const rows = logRows(temp.db);
    const file = await exportFile(format);
    const exportRow = lastLogId(temp.db);
    expect(read(file)).toContain(rows[0]!.hash);

    const verdict = await verify(file);
    expect(verdict).toMatchObject({
      ok: true,
      format,
      facts: { rows: ROWS, firstId: 1, lastId: ROWS, lastHash: rows.at(-1)!.hash, runCount: 1, firstGap: null },
      summary: format === 'csv' ? null : { filters: {}, rows: ROWS, log_entry: { id: exportRow } },
      database: null,
    });
    const name = { csv: 'CSV', ndjson: 'NDJSON', json: 'JSON' }[format];
    const lines = describeExportVerdict(verdict);
    expect(lines[0]).toBe(`OK ${ROWS} rows (ids 1–${ROWS}), ${format === 'csv' ? 'CSV export' : `unfiltered ${name} export with its summary`}`);
    expect(lines[1]).toMatch(format === 'csv' ? /^Proven: contiguous from row 1: .* nothing up to row 80 was altered/ : /^Proven: .*from the genesis hash at row 1 to row 80 with no row missing/);
    expect(lines[2]).toMatch(format === 'csv' ? /^Not proven: a CSV carries no summary, so rows cut off after row 80 would not show/ : /^Not proven: the hashes carry no key/);

    const checked = await verify(file, temp.file);
    expect(checked).toMatchObject({ ok: true, database: { file: temp.file, chainRows: ROWS + 1, loggedExport: { id: exportRow } } });
    expect(describeExportVerdict(checked)).toEqual([
      `OK ${ROWS} rows (ids 1–${ROWS}), ${format === 'csv' ? 'CSV export' : `unfiltered ${name} export with its summary`}, recorded as export row ${exportRow} of ${temp.file}`,
      expect.stringMatching(new RegExp(`^Proven: the file is exactly what export row ${exportRow} recorded: the whole log, ${ROWS} rows with the same hashes in the same order; .* to its head [0-9a-f]{64} \\(${ROWS + 1} rows\\)\\.$`)),
    ]);
  });

  it.each(FORMATS)('filtered %s: each row alone, the runs of consecutive ids linked, and --db', async (format) => {
    const hides = logRows(temp.db).filter((row) => row.action === 'comment_hidden');
    const file = await exportFile(format, HIDES);
    const verdict = await verify(file);
    expect(verdict).toMatchObject({ ok: true, facts: { rows: hides.length, firstId: hides[0]!.id, lastId: hides.at(-1)!.id } });
    if (!verdict.ok) return;
    expect(verdict.facts.runCount).toBeGreaterThan(1);
    const lines = describeExportVerdict(verdict);
    expect(lines[0]).toMatch(new RegExp(`^OK ${hides.length} rows \\(ids ${hides[0]!.id}–${hides.at(-1)!.id}\\), `));
    if (format !== 'csv') expect(lines[0]).toContain('export filtered by action=comment_hidden, with its summary');
    expect(lines[1]).toMatch(/^Proven: each row's hash recomputes from its own content; rows .* contiguous, each row linked to the one before it/);
    expect(lines[2]).toMatch(format === 'csv' ? /^Not proven: a filtered file cannot show that rows outside those runs were left out only by the filter/ : /^Not proven: that these are the log's own rows/);

    expect(await verify(file, temp.file)).toMatchObject({ ok: true, database: { loggedExport: { summary: { filters: HIDES } } } });
  });

  it.each(FORMATS)('an empty %s export (nothing matches) verifies, and --db finds its log entry', async (format) => {
    const file = await exportFile(format, { q: 'no note says this' });
    const verdict = await verify(file);
    expect(verdict).toMatchObject({ ok: true, facts: { rows: 0, firstId: null, lastHash: null, hashesSha256: sha256('') } });
    expect(describeExportVerdict(verdict)[0]).toMatch(/^OK 0 rows, /);
    expect(await verify(file, temp.file)).toMatchObject({ ok: true, database: { loggedExport: { id: lastLogId(temp.db) } } });
  });

  it.each(FORMATS)('a %s export of an empty log verifies', async (format) => {
    const empty = createTempDb();
    try {
      const owner = insertCast(empty.db).owner;
      const opened = openLogExport(empty.db, userActor(empty.db, owner), { format, filters: NO_LOG_FILTERS });
      if (!opened.ok) throw new Error(opened.message);
      const file = path.join(dir, `empty.${format}`);
      write(file, await new Response(opened.body).text());
      expect(await verify(file)).toMatchObject({ ok: true, facts: { rows: 0 } });
      expect(await verify(file, empty.file)).toMatchObject({ ok: true, database: { loggedExport: { id: 1 } } });
    } finally {
      empty.cleanup();
    }
  });

  it('a CSV holds the notes exactly, defused cells included', async () => {
    const file = await exportFile('csv');
    const formulaNote = logRows(temp.db).some((row) => /^[=+\-@\t]/.test(row.public_note ?? row.internal_note ?? ''));
    expect(formulaNote).toBe(true);
    expect(read(file)).toMatch(/,"?'[=+\-@\t]/);
    expect(await verify(file, temp.file)).toMatchObject({ ok: true });
  });

  it('a JSON file laid out differently (pretty-printed) is read whole, and a file without an extension by how it starts', async () => {
    const file = await exportFile('json');
    const pretty = path.join(dir, 'pretty.json');
    write(pretty, JSON.stringify(JSON.parse(read(file)), null, 2));
    expect(await verify(pretty, temp.file)).toMatchObject({ ok: true, facts: { rows: ROWS } });

    for (const format of FORMATS) {
      const bare = path.join(dir, `bare-${format}`);
      fs.copyFileSync(await exportFile(format, {}, `for-bare.${format}`), bare);
      expect(await verify(bare)).toMatchObject({ ok: true, format });
    }
  });
});

describe('CSV: "" (empty text) and an empty field (null) are told apart', () => {
  /** Row 81 spans two lines and holds "" after its line break; row 82 follows it with "" and empty fields. */
  function appendRowsWithEmptyText(): void {
    const entry = (change: Partial<LogEntryInput>): LogEntryInput => ({
      actor: { id: null, name: 'command line', role: 'system' },
      action: 'comments_closed',
      target: null,
      ...change,
    });
    for (const input of [
      entry({ publicNote: 'Closed for the night,\r\nopen again at eight.', internalNote: '', requestId: '' }),
      entry({ publicNote: '', internalNote: null, reasonCode: '' }),
    ]) {
      temp.db.transaction((tx) => appendLogEntry(tx, input), { behavior: 'immediate' });
    }
  }

  /** The file with the text of row `id`'s record (which holds no line break) changed. */
  function editRecord(text: string, id: number, change: (record: string) => string): string {
    const start = text.indexOf(`\r\n${id},`) + 2;
    const end = text.indexOf('\r\n', start);
    return text.slice(0, start) + change(text.slice(start, end)) + text.slice(end);
  }

  it('in the middle of a record, and after a line break inside one: each way round the hash recomputes only as exported', async () => {
    appendRowsWithEmptyText();
    const file = await exportFile('csv');
    const text = read(file);
    expect(text).toContain('"Closed for the night,\r\nopen again at eight.","",,,""');
    expect(text).toMatch(/\r\n82,[^\r]*,"","",,,,,/);
    expect(await verify(file, temp.file)).toMatchObject({ ok: true, facts: { rows: ROWS + 2 } });

    write(file, text.replace('"Closed for the night,\r\nopen again at eight.","",', '"Closed for the night,\r\nopen again at eight.",,'));
    expect(broken(await verify(file)).line).toBe(
      `BROKEN at row 81 (line ${csvLineOf(text, 81)}): its hash does not recompute from its content: the row was altered`,
    );
    // Row 81 spans two lines.
    const line = csvLineOf(text, 82);
    expect(line).toBe(csvLineOf(text, 81) + 2);
    const altered = `BROKEN at row 82 (line ${line}): its hash does not recompute from its content: the row was altered`;
    write(file, editRecord(text, 82, (record) => record.replace(',"","",', ',"",,')));
    expect(broken(await verify(file)).line).toBe(altered);
    write(file, editRecord(text, 82, (record) => record.replace(',"",,,,,', ',"","",,,,')));
    expect(broken(await verify(file)).line).toBe(altered);
  });

  it('at the start and the end of a record', async () => {
    appendRowsWithEmptyText();
    const file = await exportFile('csv');
    const text = read(file);
    const line = csvLineOf(text, 82);
    const cases: [(record: string) => string, string][] = [
      [(record) => `""${record.slice(2)}`, `BROKEN at line ${line}: id must be a whole number above 0, not ""`],
      [(record) => record.slice(2), `BROKEN at line ${line}: id is empty, but every row has one`],
      [(record) => `${record.slice(0, -64)}""`, `BROKEN at row 82 (line ${line}): hash must be 64 lowercase hex digits, not ""`],
      [(record) => record.slice(0, -64), `BROKEN at row 82 (line ${line}): hash is empty, but every row has one`],
    ];
    for (const [change, verdict] of cases) {
      write(file, editRecord(text, 82, change));
      expect(broken(await verify(file)).line).toBe(verdict);
    }
  });
});

describe('an edited row', () => {
  it('CSV: a changed note no longer recomputes its hash, at its row and line', async () => {
    const row = plainNoteRow(logRows(temp.db));
    const file = await exportFile('csv');
    const text = read(file);
    write(file, withCsvNoteEdited(text, row));
    expect(broken(await verify(file)).line).toBe(
      `BROKEN at row ${row.id} (line ${csvLineOf(text, row.id)}): its hash does not recompute from its content: the row was altered`,
    );
  });

  it('NDJSON: a changed note no longer recomputes its hash; re-hashed, it no longer links to the next row', async () => {
    const row = plainNoteRow(logRows(temp.db));
    const file = await exportFile('ndjson');
    const lines = ndjsonLines(file);
    const edited = { ...(JSON.parse(lines[row.id - 1]!) as StoredLogRow), public_note: 'Nothing happened here.' };

    writeNdjson(file, lines.with(row.id - 1, JSON.stringify(edited)));
    expect(broken(await verify(file)).line).toBe(`BROKEN at row ${row.id} (line ${row.id}): its hash does not recompute from its content: the row was altered`);

    writeNdjson(file, lines.with(row.id - 1, JSON.stringify(rehashed(edited))));
    expect(broken(await verify(file)).line).toBe(
      `BROKEN at row ${row.id + 1} (line ${row.id + 1}): its prev_hash is not the hash of row ${row.id} before it: one of the two was altered or replaced`,
    );
  });

  it('a forger who recomputes every later hash and the summary passes the file alone, and --db catches it', async () => {
    const row = plainNoteRow(logRows(temp.db));
    const file = await exportFile('ndjson');
    const lines = ndjsonLines(file);
    const rows = lines.slice(0, -1).map((line) => JSON.parse(line) as StoredLogRow);
    let prevHash = GENESIS_HASH;
    const forged = rows.map((each) => {
      const next = rehashed({ ...each, prev_hash: prevHash, public_note: each.id === row.id ? 'Nothing happened here.' : each.public_note });
      prevHash = next.hash;
      return next;
    });
    const { summary } = JSON.parse(lines.at(-1)!) as { summary: Record<string, unknown> };
    const forgedSummary = { ...summary, last_hash: prevHash, hashes_sha256: sha256(forged.map((each) => each.hash).join('')) };
    writeNdjson(file, [...forged.map((each) => JSON.stringify(each)), JSON.stringify({ summary: forgedSummary })]);

    expect(await verify(file)).toMatchObject({ ok: true });
    expect(broken(await verify(file, temp.file)).line).toBe(`BROKEN at row ${row.id} (line ${row.id}): it is not the database's row ${row.id} (the hashes differ)`);
  });

  it('a changed prev_hash: the hash no longer recomputes; re-hashed, the link to the row before breaks', async () => {
    const file = await exportFile('json');
    const lines = read(file).split('\n');
    // Line 1 is "[", so row 7 is on line 8.
    const row = JSON.parse(lines[7]!.slice(0, -1)) as StoredLogRow;
    const changed = { ...row, prev_hash: 'a'.repeat(64) };
    write(file, lines.with(7, `${JSON.stringify(changed)},`).join('\n'));
    expect(broken(await verify(file)).line).toBe('BROKEN at row 7 (line 8): its hash does not recompute from its content: the row was altered');
    write(file, lines.with(7, `${JSON.stringify(rehashed(changed))},`).join('\n'));
    expect(broken(await verify(file)).line).toBe(
      'BROKEN at row 7 (line 8): its prev_hash is not the hash of row 6 before it: one of the two was altered or replaced',
    );
  });

  it('CSV: a cell whose defusing apostrophe was taken off, and one given an extra apostrophe', async () => {
    const file = await exportFile('csv');
    const text = read(file);
    const defused = /\r\n(\d+),[^\r]*?,"?('[=+\-@])/.exec(text);
    expect(defused).not.toBeNull();
    const id = Number(defused![1]);
    const at = defused!.index + defused![0].length - defused![2]!.length;
    write(file, `${text.slice(0, at)}${text.slice(at + 1)}`);
    expect(broken(await verify(file)).line).toMatch(
      new RegExp(`^BROKEN at row ${id} \\(line ${csvLineOf(text, id)}\\): \\w+ starts with "\\${defused![2]![1]}" without the apostrophe the export puts before such a cell \\(a spreadsheet would run it as a formula\\): the cell was edited$`),
    );

    const row = plainNoteRow(logRows(temp.db));
    const noteAt = text.indexOf(row.public_note!, text.indexOf(`\r\n${row.id},`));
    write(file, `${text.slice(0, noteAt)}'${text.slice(noteAt)}`);
    expect(broken(await verify(file)).line).toBe(
      `BROKEN at row ${row.id} (line ${csvLineOf(text, row.id)}): public_note starts with an apostrophe, which the export puts only before = + - @, a tab, a carriage return or another apostrophe: the cell was edited`,
    );
  });

  it('NDJSON: a field the export does not write, or one of the wrong type, is refused', async () => {
    const file = await exportFile('ndjson');
    const lines = ndjsonLines(file);
    const row = JSON.parse(lines[2]!) as StoredLogRow;
    writeNdjson(file, lines.with(2, JSON.stringify({ ...row, verified: true })));
    expect(broken(await verify(file)).line).toBe('BROKEN at row 3 (line 3): the row has a field "verified" that the export does not write');
    writeNdjson(file, lines.with(2, JSON.stringify({ ...row, actor_id: String(row.actor_id) })));
    expect(broken(await verify(file)).line).toMatch(/^BROKEN at row 3 \(line 3\): actor_id must be a whole number above 0 or null, not "\d+"$/);
  });
});

describe('a removed row', () => {
  it('unfiltered NDJSON and JSON: the gap is named', async () => {
    const file = await exportFile('ndjson');
    writeNdjson(file, ndjsonLines(file).toSpliced(9, 1));
    expect(broken(await verify(file)).line).toBe(
      'BROKEN at row 11 (line 10): an unfiltered export holds every row, and row 11 follows row 9: row 10 was removed',
    );

    const json = await exportFile('json');
    write(json, read(json).split('\n').toSpliced(1, 3).join('\n'));
    expect(broken(await verify(json)).line).toBe(
      'BROKEN at row 4 (line 2): an unfiltered export starts at row 1, and this one starts at row 4: rows 1–3 were removed',
    );
  });

  it('filtered NDJSON and JSON: the summary no longer counts the rows', async () => {
    const file = await exportFile('ndjson', HIDES);
    const lines = ndjsonLines(file);
    writeNdjson(file, lines.toSpliced(3, 1));
    expect(broken(await verify(file)).line).toBe(
      `BROKEN at the summary (line ${lines.length - 1}): the summary counts ${lines.length - 1} rows and the file holds ${lines.length - 2}: rows were removed or added`,
    );

    const json = await exportFile('json', HIDES);
    write(json, read(json).split('\n').toSpliced(3, 1).join('\n'));
    expect(broken(await verify(json)).line).toMatch(/^BROKEN at the summary \(line \d+\): the summary counts \d+ rows and the file holds/);
  });

  it('CSV: the file alone shows two runs where there was one; --db finds no export with these rows', async () => {
    const file = await exportFile('csv');
    const text = read(file);
    const start = text.indexOf('\r\n10,') + 2;
    write(file, text.slice(0, start) + text.slice(text.indexOf('\r\n11,') + 2));
    const verdict = await verify(file);
    expect(verdict).toMatchObject({ ok: true, facts: { rows: ROWS - 1, runCount: 2 } });
    expect(describeExportVerdict(verdict)[1]).toBe(
      "Proven: each row's hash recomputes from its own content; rows 1–9 and 11–80 are contiguous, each row linked to the one before it.",
    );
    expect(broken(await verify(file, temp.file)).line).toBe(
      `BROKEN: no csv export logged in the database holds exactly these ${ROWS - 1} rows: rows were removed or added, or the file was cut short`,
    );
  });
});

describe('a reordered row', () => {
  it.each(['ndjson', 'csv'] as const)('%s: the row that comes too late is named', async (format) => {
    const file = await exportFile(format);
    if (format === 'ndjson') {
      const lines = ndjsonLines(file);
      writeNdjson(file, lines.with(4, lines[5]!).with(5, lines[4]!));
    } else {
      const text = read(file);
      const five = text.indexOf('\r\n5,') + 2;
      const six = text.indexOf('\r\n6,') + 2;
      const seven = text.indexOf('\r\n7,') + 2;
      write(file, text.slice(0, five) + text.slice(six, seven) + text.slice(five, six) + text.slice(seven));
    }
    expect(broken(await verify(file)).line).toMatch(
      /^BROKEN at row 5 \(line \d+\): it comes after row 6, but an export lists rows in rising id order: rows were reordered or repeated$/,
    );
  });
});

describe('a long CSV', () => {
  it('is read in order to its end, and an altered row near the end is named at its row and line', async () => {
    // Parsed on a worker thread in batches of hundreds: these rows take several, more than it may send ahead.
    appendSyntheticLog(temp.db, { rows: 3_000, seed: 7 });
    const file = await exportFile('csv');
    expect(await verify(file, temp.file)).toMatchObject({ ok: true, facts: { rows: ROWS + 3_000, lastId: ROWS + 3_000 } });

    const row = plainNoteRow(logRows(temp.db, ROWS + 2_900));
    const text = read(file);
    write(file, withCsvNoteEdited(text, row));
    expect(broken(await verify(file)).line).toBe(
      `BROKEN at row ${row.id} (line ${csvLineOf(text, row.id)}): its hash does not recompute from its content: the row was altered`,
    );
  });

  it('invalid CSV is named at its line, after any row altered before it', async () => {
    const row = plainNoteRow(logRows(temp.db));
    const file = await exportFile('csv');
    const text = read(file);
    // A quote that does not end its field, a few rows on: in the same stretch of the file the parser takes at once.
    const invalidAt = text.indexOf(`\r\n${row.id + 5},`) + 2;
    const invalid = `${text.slice(0, invalidAt)}${row.id + 5},"x"y${text.slice(text.indexOf(',', invalidAt))}`;
    write(file, invalid);
    expect(broken(await verify(file)).line).toMatch(
      new RegExp(`^BROKEN at line ${csvLineOf(text, row.id + 5)}: not valid CSV \\(Invalid Closing Quote: got "y" at line \\d+`),
    );

    write(file, withCsvNoteEdited(invalid, row));
    expect(broken(await verify(file)).line).toBe(
      `BROKEN at row ${row.id} (line ${csvLineOf(text, row.id)}): its hash does not recompute from its content: the row was altered`,
    );
  });
});

describe('a truncated file', () => {
  it('NDJSON cut inside a line, and cut before its summary', async () => {
    const file = await exportFile('ndjson');
    const text = read(file);
    write(file, text.slice(0, text.indexOf('\n', text.indexOf('{"id":12,')) - 10));
    expect(broken(await verify(file)).line).toMatch(/^BROKEN at line 12: not a complete JSON value \(.*\): the file was cut short or edited$/);

    write(file, ndjsonLines(await exportFile('ndjson', {}, 'again.ndjson')).slice(0, -1).map((line) => `${line}\n`).join(''));
    expect(broken(await verify(file)).line).toBe(
      `BROKEN at row ${ROWS + 1} (line ${ROWS + 1}): the file ends after this row without the summary the export writes last: it was cut short, or the summary was removed`,
    );
  });

  it('JSON cut inside the array, and with its summary taken out', async () => {
    const file = await exportFile('json');
    const lines = read(file).split('\n');
    write(file, `${lines.slice(0, 21).join('\n')}\n`);
    expect(broken(await verify(file)).line).toBe('BROKEN at line 21: the file ends after line 21, inside the array: it was cut short');

    write(file, lines.toSpliced(ROWS + 1, 1).join('\n'));
    expect(broken(await verify(file)).line).toBe(
      `BROKEN at line ${ROWS + 2}: the array closes right after a comma: its last element, the summary, was removed`,
    );
  });

  it('CSV cut inside a quoted field, and inside a hash', async () => {
    const file = await exportFile('csv');
    const text = read(file);
    const quoted = text.lastIndexOf(',"');
    write(file, text.slice(0, quoted + 3));
    expect(broken(await verify(file)).line).toMatch(/^BROKEN at line \d+: the file ends inside a quoted field: it was cut short$/);
    write(file, text.slice(0, text.length - 20));
    expect(broken(await verify(file)).line).toMatch(new RegExp(`^BROKEN at row ${ROWS} \\(line \\d+\\): hash must be 64 lowercase hex digits`));
  });

  it('an empty or foreign file is a verdict, not a crash', async () => {
    const empty = path.join(dir, 'empty.ndjson');
    write(empty, '');
    expect(broken(await verify(empty)).line).toBe('BROKEN: the file holds no summary: an export ends with one even when it has no rows');
    const csv = path.join(dir, 'other.csv');
    write(csv, 'name,email\r\nx,y\r\n');
    expect(broken(await verify(csv)).line).toMatch(/^BROKEN at line 1: the header row is not the export's/);
    const json = path.join(dir, 'other.json');
    write(json, '{"rows": 3}');
    expect(broken(await verify(json)).line).toBe('BROKEN: a JSON export is an array, and this file holds something else');
  });
});

describe('a summary that lies', () => {
  type Summary = Record<string, unknown>;
  async function withSummary(format: 'ndjson' | 'json', filters: Partial<LogFilters>, change: (summary: Summary) => Summary) {
    const file = await exportFile(format, filters);
    const text = read(file);
    const at = text.lastIndexOf('{"summary":');
    const end = text.indexOf('\n', at);
    const { summary } = JSON.parse(text.slice(at, end)) as { summary: Summary };
    write(file, text.slice(0, at) + JSON.stringify({ summary: change(summary) }) + text.slice(end));
    return { file, line: text.slice(0, at).split('\n').length };
  }

  it('more rows, another last hash or other hashes than the file holds', async () => {
    const more = await withSummary('ndjson', HIDES, (summary) => ({ ...summary, rows: (summary.rows as number) + 1 }));
    expect(broken(await verify(more.file)).line).toMatch(
      new RegExp(`^BROKEN at the summary \\(line ${more.line}\\): the summary counts \\d+ rows and the file holds \\d+: rows were removed or added$`),
    );
    const last = await withSummary('json', HIDES, (summary) => ({ ...summary, last_hash: 'b'.repeat(64) }));
    expect(broken(await verify(last.file)).line).toMatch(
      new RegExp(`^BROKEN at the summary \\(line ${last.line}\\): the summary's last_hash is b{64}, and the file's is [0-9a-f]{64}$`),
    );
    const hashes = await withSummary('ndjson', {}, (summary) => ({ ...summary, hashes_sha256: 'c'.repeat(64) }));
    expect(broken(await verify(hashes.file)).line).toBe(
      `BROKEN at the summary (line ${hashes.line}): the summary's hashes_sha256 does not match the file's row hashes: rows were replaced or the summary was changed`,
    );
  });

  it('a filtered export posing as the whole log, and another format', async () => {
    const whole = await withSummary('ndjson', HIDES, (summary) => ({ ...summary, filters: {} }));
    expect(broken(await verify(whole.file)).line).toMatch(/^BROKEN at row \d+ \(line 1\): an unfiltered export starts at row 1, and this one starts at row \d+/);
    const other = await withSummary('json', {}, (summary) => ({ ...summary, format: 'ndjson' }));
    expect(broken(await verify(other.file)).line).toBe(`BROKEN at the summary (line ${other.line}): the summary is of a ndjson export, and this file is json`);
  });

  it('with --db: filters it did not record, or a log entry that is not its own', async () => {
    const filters = await withSummary('ndjson', HIDES, (summary) => ({ ...summary, filters: { action: 'comment_hidden', actor: cast.moderator } }));
    expect(await verify(filters.file)).toMatchObject({ ok: true });
    expect(broken(await verify(filters.file, temp.file)).line).toMatch(
      new RegExp(`^BROKEN at the summary \\(line ${filters.line}\\): the summary is not what row \\d+ recorded for this export$`),
    );

    const entry = await withSummary('json', {}, (summary) => ({ ...summary, log_entry: { id: 3, hash: (summary.log_entry as { hash: string }).hash } }));
    expect(broken(await verify(entry.file, temp.file)).line).toBe(
      `BROKEN at the summary (line ${entry.line}): row 3 of the database records ${logRows(temp.db)[2]!.action}, not an export`,
    );
  });

  it('a row after the summary, and a summary in the wrong shape', async () => {
    const file = await exportFile('ndjson');
    const lines = ndjsonLines(file);
    writeNdjson(file, [...lines, lines[0]!]);
    expect(broken(await verify(file)).line).toBe(`BROKEN at line ${lines.length + 1}: this comes after the summary on line ${lines.length}, which must be last`);
    const shape = await withSummary('ndjson', {}, (summary) => ({ ...summary, rows: 'eighty' }));
    expect(broken(await verify(shape.file)).line).toBe(
      `BROKEN at the summary (line ${shape.line}): the summary is not the one the exporter writes (rows: Invalid input: expected number, received string)`,
    );
  });
});

describe('--db', () => {
  it('refuses a file from another database, and a database whose own chain is broken', async () => {
    const file = await exportFile('ndjson', HIDES);
    const other = createTempDb();
    try {
      insertCast(other.db);
      insertArticle(other.db, 'verified-article', Array.from({ length: 20 }, () => ({})));
      appendSyntheticLog(other.db, { rows: ROWS, seed: 7, startsAt: '2025-03-01T00:00:00.000Z' });
      expect(broken(await verify(file, other.file)).line).toMatch(/^BROKEN at row \d+ \(line 1\): it is not the database's row \d+ \(the hashes differ\)$/);
    } finally {
      other.cleanup();
    }

    temp.db.$client.exec('DROP TRIGGER moderation_log_no_update');
    temp.db.$client.prepare("UPDATE moderation_log SET internal_note = 'rewritten' WHERE id = 4").run();
    expect(broken(await verify(file, temp.file)).line).toBe(
      `BROKEN in the database at row 4: ${temp.file}'s own chain is broken: the row was altered: its hash does not recompute`,
    );
  });

  it('CSV: a download cut short after some rows matches the abandoned export that logged exactly those rows', async () => {
    const opened = openLogExport(temp.db, userActor(temp.db, cast.owner), { format: 'csv', filters: NO_LOG_FILTERS }, { chunkSize: 1 });
    if (!opened.ok) throw new Error(opened.message);
    const reader = opened.body.getReader();
    const decoder = new TextDecoder();
    let text = '';
    // With chunks of one character's worth, each read is the header with row 1, then one row at a time.
    for (let chunk = 0; chunk < 5; chunk += 1) text += decoder.decode((await reader.read()).value, { stream: true });
    await reader.cancel();
    const file = path.join(dir, 'partial.csv');
    write(file, text);

    const verdict = await verify(file, temp.file);
    expect(verdict).toMatchObject({ ok: true, facts: { rows: 5 }, database: { loggedExport: { id: lastLogId(temp.db), summary: { complete: false } } } });
    expect(describeExportVerdict(verdict)[1]).toMatch(
      new RegExp(`^Proven: the file is exactly what export row ${lastLogId(temp.db)} recorded \\(an export the client abandoned after these rows\\): the whole log, 5 rows`),
    );
  });

  it('a missing file or database is an error, not a verdict', async () => {
    await expect(verify(path.join(dir, 'missing.ndjson'))).rejects.toThrow(`there is no file ${path.join(dir, 'missing.ndjson')}`);
    const file = await exportFile('csv');
    await expect(verify(file, path.join(dir, 'missing.db'))).rejects.toThrow(`there is no database file ${path.join(dir, 'missing.db')}`);
    expect(fs.existsSync(path.join(dir, 'missing.db'))).toBe(false);
  });
});

type CliResult = { code: number | null; stdout: string; stderr: string };

/** Runs `scripts/log-verify.ts args` with DATABASE_PATH set to `database`. */
function runCli(database: string, args: string[]): Promise<CliResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, ...args], { cwd: ROOT, env: { ...process.env, DATABASE_PATH: database } });
  const result: CliResult = { code: null, stdout: '', stderr: '' };
  child.stdout.on('data', (chunk) => (result.stdout += chunk));
  child.stderr.on('data', (chunk) => (result.stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ ...result, code }));
  });
}

describe('npm run log:verify', () => {
  it('checks the database read-only: OK with the head, then the first broken row of a tampered log', async () => {
    const head = logRows(temp.db).at(-1)!.hash;
    expect(await runCli(temp.file, [])).toEqual({ code: 0, stdout: `OK ${ROWS} rows, head ${head}\n`, stderr: '' });

    temp.db.$client.exec('DROP TRIGGER moderation_log_no_delete');
    temp.db.$client.prepare('DELETE FROM moderation_log WHERE id = 30').run();
    expect(await runCli(temp.file, [])).toEqual({
      code: 1,
      stdout: 'BROKEN at row 31: expected row 30 next, found 31: rows are missing\n',
      stderr: '',
    });
  });

  it('refuses a missing database without creating it, and a database without a log without changing it', async () => {
    const missing = path.join(dir, 'nowhere', 'threadkeeper.db');
    expect(await runCli(missing, [])).toEqual({ code: 1, stdout: '', stderr: `error: there is no database file ${missing}\n` });
    expect(fs.existsSync(path.dirname(missing))).toBe(false);

    const bare = path.join(dir, 'bare.db');
    const Database = (await import('better-sqlite3')).default;
    new Database(bare).close();
    expect(await runCli(bare, [])).toEqual({ code: 1, stdout: '', stderr: `error: ${bare} has no moderation log (no moderation_log table)\n` });
    const after = new Database(bare, { readonly: true });
    expect(after.prepare('SELECT count(*) FROM sqlite_schema').pluck().get()).toBe(0);
    after.close();
  });

  it('checks a file: the verdict lines and exit 0, or BROKEN and exit 1; --db alone means DATABASE_PATH', async () => {
    const file = await exportFile('ndjson');
    const ok = await runCli(temp.file, [file]);
    expect(ok).toMatchObject({ code: 0, stderr: '' });
    expect(ok.stdout).toMatch(/^OK 80 rows \(ids 1–80\), unfiltered NDJSON export with its summary\nProven: .*\nNot proven: .*\n$/);

    const exportRow = lastLogId(temp.db);
    const [after, before] = await Promise.all([runCli(temp.file, [file, '--db']), runCli(path.join(dir, 'unused.db'), ['--db', temp.file, file])]);
    for (const checked of [after, before]) {
      expect(checked).toMatchObject({ code: 0, stderr: '' });
      expect(checked.stdout).toMatch(new RegExp(`^OK 80 rows \\(ids 1–80\\), .*, recorded as export row ${exportRow} of .*\nProven: the file is exactly what export row ${exportRow} recorded`));
    }

    writeNdjson(file, ndjsonLines(file).toSpliced(40, 1));
    expect(await runCli(temp.file, [file])).toEqual({
      code: 1,
      stdout: 'BROKEN at row 42 (line 41): an unfiltered export holds every row, and row 42 follows row 40: row 41 was removed\n',
      stderr: '',
    });
  });

  it('answers a missing, truncated or foreign file in words, never with a stack trace', async () => {
    const missing = path.join(dir, 'missing.csv');
    expect(await runCli(temp.file, [missing])).toEqual({ code: 1, stdout: '', stderr: `error: there is no file ${missing}\n` });

    const garbage = path.join(dir, 'garbage.bin');
    write(garbage, '\u0000\u0001binary junk');
    expect(await runCli(temp.file, [garbage])).toEqual({
      code: 1,
      stdout: '',
      stderr: `error: cannot tell what format ${garbage} is in: name it .csv, .ndjson or .json\n`,
    });

    const file = await exportFile('json');
    write(file, read(file).slice(0, 5000));
    const cut = await runCli(temp.file, [file]);
    expect(cut).toMatchObject({ code: 1, stderr: '' });
    expect(cut.stdout).toMatch(/^BROKEN at line \d+: not a complete JSON value/);
    expect(cut.stdout).not.toMatch(/\n\s+at /);
  });

  it('prints the usage for --help, and exits 2 with it on stderr for an unknown option or two files', async () => {
    const [help, unknown, two, lonelyDb] = await Promise.all([
      runCli(temp.file, ['--help']),
      runCli(temp.file, ['--fast']),
      runCli(temp.file, ['a.csv', 'b.csv']),
      runCli(temp.file, ['--db']),
    ]);
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toMatch(/^Usage: npm run log:verify \[-- <export file> \[--db \[DATABASE\]\]\]\n/);
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toMatch(/^error: Unknown option '--fast'\.\n\nUsage: npm run log:verify/);
    expect(two).toMatchObject({ code: 2, stdout: '' });
    expect(two.stderr).toMatch(/^error: Give one export file, not 2\.\n\nUsage:/);
    expect(lonelyDb).toMatchObject({ code: 2, stdout: '' });
    expect(lonelyDb.stderr).toMatch(/^error: --db checks an export file against the database: give the file too\./);
  });
});
