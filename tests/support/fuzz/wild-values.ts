// fast-check arbitraries for what a client can put in a request: odd numbers, unicode and control-character strings,
// huge texts, arrays, Dates, Maps, BigInts, null-prototype objects and keys such as __proto__ and constructor, and
// near-valid objects whose fields mix sensible values with those.
import fc from 'fast-check';

export const wildNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    Number.NaN, Infinity, -Infinity, -0, 0, 1, -1, 0.5, 1.0000001, 1e21, 1e12 - 1, 1e12, 2 ** 31, 2 ** 53,
    Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, Number.MIN_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE,
  ),
  fc.double(),
  fc.integer(),
  fc.integer({ min: -3, max: 20 }),
);

/** Strings that catch parsers out: coercible to numbers, look-alike digits, controls, lone surrogates, bidi overrides, huge. */
const TRICKY_STRINGS = [
  '', ' ', '\u0000', '\u0007', '\u000b', '\u0085', '\ud800', '\udc00x', 'a\ud83d', '\u202e', '\u2066x', '\u200b', '\u2800', '\ufeff',
  '\r\n', '\r', ' \r\n\t ', '１２３', '١٢٣', '0x10', '1e3', '-0', ' 7 ', '07', '0', '-1', '1.5', '9007199254740993', '99999999999999999999',
  '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'NaN', 'Infinity', 'null', 'undefined', 'true', '[object Object]',
  '{"__proto__":{"polluted":1}}', '2026-02-30', '2026-13-01', '0000-01-01', '9999-12-31', '2026-01-05', '2026-1-5',
  '000000000001', '1000000000000', 'spam', 'public', 'owner', 'system', 'json', 'csv', 'reported', 'a@b.co', 'A@EXAMPLE.COM ',
  '¨a@example.com', 'ﬀ@example.com', 'İ@example.com', '\u00a0x\u00a0',
  'x'.repeat(100_001), '😀'.repeat(10_001), 'é'.repeat(300), 'e\u0301'.repeat(300),
];

const fragments = fc.constantFrom('a', 'Z', '1', '0', ' ', '\n', '\r', '\t', '\u00a0', '\u200b', '\u0301', '😀', '\ud800', '@', '.', '-', ',', '_', '/', '\\', '%', '&', '=');

export const wildString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...TRICKY_STRINGS),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: fragments, maxLength: 30 }),
);

/** Keys that reach for the prototype or shadow Object's own methods. */
export const DANGEROUS_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'polluted'] as const;

const anything = fc.anything({
  key: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...DANGEROUS_KEYS)),
  maxDepth: 3,
  maxKeys: 5,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
});

export const wildValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: wildString, weight: 3 },
  { arbitrary: wildNumber, weight: 3 },
  { arbitrary: fc.constantFrom(null, undefined, true, false, 0n, 10n ** 30n, new Date(Number.NaN), new Date(0)), weight: 1 },
  { arbitrary: fc.array(fc.oneof(wildString, wildNumber), { maxLength: 4 }), weight: 1 },
  { arbitrary: anything, weight: 2 },
);

/** An object with each of `fields` (sensible most of the time, wild or missing otherwise) and now and then a dangerous own key. */
export function nearlyValid(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> {
  const field = (sensible: fc.Arbitrary<unknown>) => fc.oneof(
    { arbitrary: sensible.map((value) => ({ value })), weight: 6 },
    { arbitrary: wildValue.map((value) => ({ value })), weight: 2 },
    { arbitrary: fc.constant(null), weight: 1 },
  );
  const extras = fc.array(fc.tuple(fc.constantFrom(...DANGEROUS_KEYS), wildValue), { maxLength: 2 });
  return fc.tuple(fc.record(Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, field(value)]))), extras).map(([chosen, extra]) => {
    const object: Record<string, unknown> = {};
    // defineProperty makes '__proto__' an own key, as JSON.parse does, instead of setting the prototype.
    const put = (key: string, value: unknown) => Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
    for (const [key, slot] of Object.entries(chosen)) if (slot) put(key, (slot as { value: unknown }).value);
    for (const [key, value] of extra) put(key, value);
    return object;
  });
}

/** Query strings: known keys (repeated, empty or wild) mixed with unknown ones. */
export function wildQuery(keys: readonly string[], sensible: fc.Arbitrary<string>): fc.Arbitrary<URLSearchParams> {
  const key = fc.oneof({ arbitrary: fc.constantFrom(...keys), weight: 6 }, { arbitrary: fc.constantFrom(...DANGEROUS_KEYS), weight: 1 }, { arbitrary: wildString, weight: 1 });
  const value = fc.oneof({ arbitrary: sensible, weight: 3 }, { arbitrary: wildString, weight: 2 }, { arbitrary: fc.constant(''), weight: 1 });
  return fc.oneof(
    { arbitrary: fc.array(fc.tuple(key, value), { maxLength: 5 }).map((pairs) => new URLSearchParams(pairs)), weight: 5 },
    { arbitrary: wildString.map((text) => new URLSearchParams(text)), weight: 1 },
  );
}
