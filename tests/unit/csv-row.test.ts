// The RFC 4180 writer: quoting, CRLF, null against '', every defused formula start, and a real parser getting the values back.
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, csvRow, restoreCsvText, type CsvValue } from '@/lib/csv/csv-row';

/** What a reader of the file gets back: a quoted or non-empty field restored, an empty unquoted field null. */
function readBack(text: string): (string | null)[][] {
  return parse(text, {
    cast: (value, context) => (context.quoting || value !== '' ? restoreCsvText(value) : null),
    relax_column_count: false,
  }) as (string | null)[][];
}

describe('csvField', () => {
  it('leaves plain text, spaces, emoji and right-to-left text as they are', () => {
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField(' padded ')).toBe(' padded ');
    expect(csvField('👍🏽 ok')).toBe('👍🏽 ok');
    expect(csvField('שלום עולם')).toBe('שלום עולם');
    expect(csvField('a=b+c-d@e')).toBe('a=b+c-d@e');
  });

  it('quotes a field holding a comma, a quote, CR or LF, and doubles its quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('"')).toBe('""""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('line\r\nbreak')).toBe('"line\r\nbreak"');
    expect(csvField('{"a":1,"b":"x"}')).toBe('"{""a"":1,""b"":""x""}"');
  });

  it('writes null as an empty field and the empty string as ""', () => {
    expect(csvField(null)).toBe('');
    expect(csvField('')).toBe('""');
  });

  it.each([
    ['=', '=1+1', "'=1+1"],
    ['+', '+41 22 000', "'+41 22 000"],
    ['-', '-2', "'-2"],
    ['@', '@SUM(A1)', "'@SUM(A1)"],
    ['a tab', '\t=1', "'\t=1"],
    ['a carriage return', '\r=1', '"\'\r=1"'],
    ['an apostrophe', "'quoted", "''quoted"],
    ['= with a comma', '=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
  ])('puts one apostrophe before a field starting with %s', (_, value, written) => {
    expect(csvField(value)).toBe(written);
  });

  it('defuses only the first character: a formula sign later in the field, or after a space, is left alone', () => {
    expect(csvField('1=1')).toBe('1=1');
    expect(csvField(' =1')).toBe(' =1');
    expect(csvField('\n=1')).toBe('"\n=1"');
  });

  it('writes numbers in decimal, a negative one defused like text', () => {
    expect(csvField(0)).toBe('0');
    expect(csvField(42)).toBe('42');
    expect(csvField(9007199254740991)).toBe('9007199254740991');
    expect(csvField(1.5)).toBe('1.5');
    expect(csvField(-5)).toBe("'-5");
  });
});

describe('csvRow', () => {
  it('joins fields with commas and ends the record with CRLF', () => {
    expect(csvRow(['a', 1, null, '', 'b,c'])).toBe('a,1,,"","b,c"\r\n');
    expect(csvRow([])).toBe('\r\n');
  });
});

describe('restoreCsvText', () => {
  it('takes exactly one leading apostrophe off, and nothing else', () => {
    expect(restoreCsvText("'=1")).toBe('=1');
    expect(restoreCsvText("''quoted")).toBe("'quoted");
    expect(restoreCsvText('plain')).toBe('plain');
    expect(restoreCsvText('')).toBe('');
    expect(restoreCsvText("a'b")).toBe("a'b");
  });
});

describe('a real parser reads back what csvRow wrote', () => {
  const tricky: (string | null)[] = [
    'plain', '', null, 'a,b', 'say "hi"', 'two\nlines', 'windows\r\nline', 'lone\rcarriage', '=1+1', '+1', '-1', '@x', '\tx', '\rx',
    "'apostrophe", "''two", '👍🏽', 'مرحبا بالعالم', ' ', '"', ',', '\n',
  ];

  it('gives back every tricky value, null and the empty string told apart', () => {
    expect(readBack(csvRow(tricky))).toEqual([tricky]);
  });

  it('gives back numbers as their decimal text', () => {
    expect(readBack(csvRow([0, 42, -5, 1.5]))).toEqual([['0', '42', '-5', '1.5']]);
  });

  it('gives back any rows of any text or null (property)', () => {
    const cell = fc.oneof(fc.constant(null), fc.string({ unit: 'grapheme' }), fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', "'", '"', ',', 'a', ' ') }));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const width = rows[0]!.length;
        const records = rows.map((row) => Array.from({ length: width }, (_, index) => row[index] ?? null) as CsvValue[]);
        expect(readBack(records.map(csvRow).join(''))).toEqual(records);
      }),
    );
  });
});
