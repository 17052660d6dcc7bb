// The verifier's parsers and checks on hand-built rows: "" told from an empty CSV field, a CSV record
// back to its row, a JSON element checked field by field, the chain check's facts, and the runs named in a verdict.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvRow } from '@/lib/csv/csv-row';
import { EXPORT_COLUMNS } from '@/lib/log/export/export-columns';
import { computeLogHash, GENESIS_HASH, hashedFieldsOf, type StoredLogRow } from '@/lib/log/hash-chain';
import { BrokenExport, brokenPlaceLabel } from '@/lib/ops/log-verify/broken-export';
import { csvRecordRow } from '@/lib/ops/log-verify/csv-export-reader';
import { csvRecordFields, type CsvField, type RawCsvRecord } from '@/lib/ops/log-verify/csv-record-fields';
import { runsLabel } from '@/lib/ops/log-verify/describe-export-verdict';
import { startExportChainCheck } from '@/lib/ops/log-verify/export-chain-check';
import { exportRowObject, parseExportElement } from '@/lib/ops/log-verify/json-export-element';
import { sha256 } from '@/tests/support/comments';

/** A chain of rows ids 1..count, hashed as appendLogEntry hashes them. */
function chain(count: number, note = (id: number): string | null => `note ${id}`): StoredLogRow[] {
  const rows: StoredLogRow[] = [];
  let prevHash = GENESIS_HASH;
  for (let id = 1; id <= count; id += 1) {
    const fields = {
      id,
      created_at: `2026-01-01T00:00:${String(id % 60).padStart(2, '0')}.000Z`,
      actor_id: 2,
      actor_name: 'Mo Moderator',
      actor_role: 'moderator',
      action: 'comment_hidden',
      target_type: 'comment',
      target_id: 10 + id,
      article_id: 1,
      reason_code: 'spam',
      public_note: note(id),
      internal_note: null,
      previous_state: '{"status":"visible"}',
      new_state: '{"status":"hidden"}',
      request_id: `req-${id}`,
    };
    const hash = computeLogHash(prevHash, fields);
    rows.push({ ...fields, prev_hash: prevHash, hash });
    prevHash = hash;
  }
  return rows;
}

/** csv-parse's own quoting flag, as a cast function sees it: an empty field read without quotes is null. */
const castQuoting = { cast: (value: string, context: { quoting: boolean }) => (value === '' && !context.quoting ? null : value) };

/** A row written by the real CSV writer and read back by the real parser, null told from "" by csv-parse itself. */
function csvFields(row: StoredLogRow): CsvField[] {
  const records = parse(csvRow(EXPORT_COLUMNS.map((column) => row[column])), castQuoting) as CsvField[][];
  return records[0]!;
}

/** Each record of the text as the verifier reads it: parsed with `raw: true`, its empty fields told apart by its text. */
function csvRecordsFields(text: string): CsvField[][] {
  // csv-parse's types leave out what `raw: true` yields.
  const records = parse(text, { raw: true, relax_column_count: true }) as unknown as RawCsvRecord[];
  return records.map(csvRecordFields);
}

function brokenBy(run: () => unknown): { where: string; reason: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof BrokenExport) return { where: brokenPlaceLabel(error.place), reason: error.reason };
    throw error;
  }
  throw new Error('expected a BrokenExport');
}

describe('csvRecordFields', () => {
  it.each([
    ['at the start of a record', '"",x,y\r\n,x,y\r\n', [['', 'x', 'y'], [null, 'x', 'y']]],
    ['in the middle', 'x,"",y\r\nx,,y\r\n', [['x', '', 'y'], ['x', null, 'y']]],
    ['at the end, with and without a line break after it', 'x,y,""\r\nx,y,\r\nx,y,""', [['x', 'y', ''], ['x', 'y', null], ['x', 'y', '']]],
    ['after quoted fields holding quotes, commas and line breaks', '"a,""b""",,"","c\r\nd",,"e""",""\r\n', [['a,"b"', null, '', 'c\r\nd', null, 'e"', '']]],
    ['in a record that spans lines', '"one\r\ntwo","",,"three\nfour\rfive",\r\nnext,""\r\n', [['one\r\ntwo', '', null, 'three\nfour\rfive', null], ['next', '']]],
    ['after emoji, right-to-left text and an apostrophe', `"👍🏽, שלום",,"",'=1+1,\r\n`, [['👍🏽, שלום', null, '', "'=1+1", null]]],
    ['in records of empty fields only', ',"",\r\n"",,""\r\n', [[null, '', null], ['', null, '']]],
  ])('tells "" (empty text) from an empty field (null) %s', (_where, text, expected) => {
    expect(csvRecordsFields(text)).toEqual(expected);
    // csv-parse's own quoting flag, as a cast function sees it, agrees.
    expect(parse(text, { ...castQuoting, relax_column_count: true })).toEqual(expected);
  });

  it('reads back what the CSV writer wrote, "" and null in every column that may hold them', () => {
    const rows = chain(3).map((row, index) => ({
      ...row,
      reason_code: [null, '', 'spam'][index]!,
      public_note: ['', null, 'Two\r\nlines, and "quotes"'][index]!,
      internal_note: ['=1+1', '', null][index]!,
      request_id: ['', null, ''][index]!,
    }));
    const text = rows.map((row) => csvRow(EXPORT_COLUMNS.map((column) => row[column]))).join('');
    expect(csvRecordsFields(text).map((fields, index) => csvRecordRow(fields, index + 2))).toEqual(rows);
  });
});

describe('csvRecordRow', () => {
  it('gives back the row: ids as numbers, empty fields as null, "" as empty text, defused text restored', () => {
    const row = { ...chain(1)[0]!, public_note: '=SUM(A1)', internal_note: "'quoted", request_id: '', reason_code: null };
    const fields = csvFields(row);
    expect(fields[EXPORT_COLUMNS.indexOf('public_note')]).toBe("'=SUM(A1)");
    expect(fields[EXPORT_COLUMNS.indexOf('internal_note')]).toBe("''quoted");
    expect(csvRecordRow(fields, 2)).toEqual(row);
  });

  it('refuses a record with the wrong number of fields, naming the row', () => {
    const fields = csvFields(chain(1)[0]!);
    expect(brokenBy(() => csvRecordRow(fields.slice(0, 16), 9))).toEqual({
      where: ' at row 1 (line 9)',
      reason: 'the record has 16 fields, and the export writes 17',
    });
  });

  it.each([
    ['id', 'x1', 'id must be a whole number above 0, not "x1"'],
    ['id', '0', 'id must be a whole number above 0, not "0"'],
    ['actor_id', '-2', 'actor_id must be a whole number above 0 or empty, not "-2"'],
    ['target_id', '', 'target_id must be a whole number above 0 or empty, not ""'],
    ['actor_name', null, 'actor_name is empty, but every row has one'],
    ['hash', 'ABC', 'hash must be 64 lowercase hex digits, not "ABC"'],
    ['public_note', '+1 555', 'public_note starts with "+" without the apostrophe the export puts before such a cell (a spreadsheet would run it as a formula): the cell was edited'],
    ['public_note', "'plain", 'public_note starts with an apostrophe, which the export puts only before = + - @, a tab, a carriage return or another apostrophe: the cell was edited'],
  ])('refuses %s = %j', (column, field, reason) => {
    const fields = csvFields(chain(1)[0]!);
    fields[EXPORT_COLUMNS.indexOf(column as (typeof EXPORT_COLUMNS)[number])] = field;
    expect(brokenBy(() => csvRecordRow(fields, 2)).reason).toBe(reason);
  });
});

describe('exportRowObject and parseExportElement', () => {
  it('takes a row object with the 17 columns as it is, and the summary element as the summary', () => {
    const row = chain(1)[0]!;
    expect(exportRowObject(JSON.parse(JSON.stringify(row)), 1)).toEqual(row);
    const summary = {
      format: 'ndjson',
      filters: { action: 'comment_hidden', actor: 2 },
      rows: 1,
      first_id: 1,
      last_id: 1,
      last_hash: row.hash,
      hashes_sha256: sha256(row.hash),
      complete: true,
      log_entry: { id: 5, hash: 'e'.repeat(64) },
    };
    expect(parseExportElement(JSON.stringify({ summary }), 2)).toEqual({ kind: 'summary', summary, line: 2 });
  });

  it.each([
    ['a missing column', (row: Record<string, unknown>) => ({ ...row, request_id: undefined }), 'the row has no request_id'],
    ['an extra field', (row: Record<string, unknown>) => ({ ...row, note: 'x' }), 'the row has a field "note" that the export does not write'],
    ['an id as text', (row: Record<string, unknown>) => ({ ...row, article_id: '1' }), 'article_id must be a whole number above 0 or null, not "1"'],
    ['a fractional id', (row: Record<string, unknown>) => ({ ...row, target_id: 1.5 }), 'target_id must be a whole number above 0 or null, not 1.5'],
    ['a state as an object', (row: Record<string, unknown>) => ({ ...row, new_state: { status: 'hidden' } }), 'new_state must be text or null, not {"status":"hidden"}'],
    ['a null action', (row: Record<string, unknown>) => ({ ...row, action: null }), 'action is null, but every row has one'],
  ])('refuses %s, naming the row', (_label, change, reason) => {
    const value = JSON.parse(JSON.stringify(change(chain(1)[0]!)));
    expect(brokenBy(() => exportRowObject(value, 4))).toEqual({ where: ' at row 1 (line 4)', reason });
  });

  it('refuses what is not JSON or not a row, and a summary of the wrong shape', () => {
    expect(brokenBy(() => parseExportElement('{"id":1,"created', 3)).where).toBe(' at line 3');
    expect(brokenBy(() => parseExportElement('[1,2]', 3)).reason).toBe('an element is not a row object');
    expect(brokenBy(() => parseExportElement('{"summary":{"rows":1}}', 7))).toMatchObject({
      where: ' at the summary (line 7)',
      reason: expect.stringMatching(/^the summary is not the one the exporter writes \(format: /),
    });
  });
});

describe('startExportChainCheck', () => {
  it('tallies rows, runs of consecutive ids, the first gap and the hash of all hashes', () => {
    const rows = chain(12);
    const kept = [1, 2, 3, 6, 7, 9, 11, 12].map((id) => rows[id - 1]!);
    const check = startExportChainCheck();
    kept.forEach((row, index) => check.add(row, index + 2));
    expect(check.facts()).toEqual({
      rows: 8,
      firstId: 1,
      firstLine: 2,
      lastId: 12,
      lastHash: rows[11]!.hash,
      hashesSha256: sha256(kept.map((row) => row.hash).join('')),
      runCount: 4,
      linkedRunCount: 3,
      linkedRows: 7,
      firstLinkedRuns: [{ from: 1, to: 3 }, { from: 6, to: 7 }, { from: 11, to: 12 }],
      firstGap: { afterId: 3, id: 6, line: 5 },
    });
  });

  it('stops at an altered row, a row out of order, a broken link and a first row off the genesis hash', () => {
    const rows = chain(4);
    const feed = (list: StoredLogRow[]) => () => {
      const check = startExportChainCheck();
      list.forEach((row, index) => check.add(row, index + 1));
    };
    expect(brokenBy(feed([rows[0]!, { ...rows[1]!, public_note: 'changed' }]))).toEqual({
      where: ' at row 2 (line 2)',
      reason: 'its hash does not recompute from its content: the row was altered',
    });
    expect(brokenBy(feed([rows[0]!, rows[2]!, rows[1]!])).reason).toBe(
      'it comes after row 3, but an export lists rows in rising id order: rows were reordered or repeated',
    );
    expect(brokenBy(feed([rows[0]!, rows[0]!])).where).toBe(' at row 1 (line 2)');
    const rehash = (row: StoredLogRow) => ({ ...row, hash: computeLogHash(row.prev_hash, hashedFieldsOf(row)) });
    expect(brokenBy(feed([rows[0]!, rows[1]!, rehash({ ...rows[2]!, prev_hash: rows[0]!.hash })]))).toEqual({
      where: ' at row 3 (line 3)',
      reason: 'its prev_hash is not the hash of row 2 before it: one of the two was altered or replaced',
    });
    expect(brokenBy(feed([rehash({ ...rows[0]!, prev_hash: 'a'.repeat(64) })])).reason).toBe('row 1 must have the genesis hash as its prev_hash');
  });
});

describe('runsLabel', () => {
  const facts = (rows: number, linkedRunCount: number, linkedRows: number, runs: [number, number][]) => ({
    rows,
    linkedRunCount,
    linkedRows,
    firstLinkedRuns: runs.map(([from, to]) => ({ from, to })),
  });
  it.each([
    [facts(5, 1, 5, [[5, 9]]), 'rows 5–9 are contiguous, each row linked to the one before it'],
    [facts(17, 2, 17, [[5, 9], [20, 31]]), 'rows 5–9 and 20–31 are contiguous, each row linked to the one before it'],
    [facts(9, 2, 8, [[5, 9], [20, 22]]), 'rows 5–9 and 20–22 are contiguous, each row linked to the one before it (1 row has no neighbour in the file)'],
    [
      facts(2_000_010, 1_000_001, 2_000_002, [[1, 2], [4, 5], [7, 8]]),
      'rows 1–2, 4–5, 7–8 and 999,998 more runs are contiguous, each row linked to the one before it (8 rows have no neighbour in the file)',
    ],
    [facts(3, 0, 0, []), 'no two rows have consecutive ids, so no link between rows could be checked'],
  ])('%#: %s', (given, label) => {
    expect(runsLabel(given)).toBe(label);
  });
});
