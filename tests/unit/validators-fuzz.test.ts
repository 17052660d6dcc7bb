// Fuzzes every parser a request reaches (the zod input schemas through parseInput, the query-string parsers, the
// comment-id segment, the text normalisers, the return path): whatever arrives, none throws; each answers a typed
// refusal with words, or an accepted value that keeps the schema's own promises. FC_SEED replays another seed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { LOG_ACTIONS } from '@/db/log-actions';
import { MODERATION_REASONS } from '@/db/moderation-reasons';
import { REPORT_REASONS } from '@/db/report-reasons';
import { ROLES } from '@/db/schema';
import { EXPORT_FORMAT_NAMES } from '@/lib/log/export/export-formats';
import { parseExportQuery } from '@/lib/log/export/export-query';
import { LOG_FILTER_KEYS, LOG_SEARCH_MAX, LOG_SEARCH_MIN, parseLogQuery, type LogFilters } from '@/lib/shared/log/log-filters';
import { SUMMARY_FORMATS, parseSummaryQuery } from '@/lib/log/transparency-summary-query';
import { resolveClientAddress } from '@/lib/shared/http/client-address';
import { safeReturnPath } from '@/lib/shared/http/safe-return-path';
import { MAX_PAGE_SIZE } from '@/lib/shared/thread/limits';
import {
  banReasonSchema,
  banUserSchema,
  changeUserRoleSchema,
  displayNameSchema,
  emailSchema,
  normalizeEmail,
  passwordSchema,
  roleSchema,
  signUpSchema,
  userIdSchema,
  userRefSchema,
} from '@/lib/shared/validation/account-fields';
import { parseCommentId } from '@/lib/shared/validation/comment-id-param';
import {
  commentTextProblem,
  deleteCommentSchema,
  editCommentSchema,
  normalizeCommentText,
  postCommentSchema,
  reportCommentSchema,
  setCommentsOpenSchema,
} from '@/lib/shared/validation/comment-text';
import {
  annotateCommentSchema,
  BULK_MODERATION_MAX,
  bulkModerationSchema,
  commentAtVersionSchema,
  dismissReportsSchema,
  flagCommentSchema,
  hideCommentSchema,
  removeAnnotationSchema,
  unflagCommentSchema,
  unhideCommentSchema,
} from '@/lib/shared/validation/moderation';
import { parseInput } from '@/lib/shared/validation/parse-input';
import { parseQueueQuery, QUEUE_INCLUDE_MAX, QUEUE_TABS, SORT_KEY } from '@/lib/shared/validation/queue-query';
import { parseThreadPageQuery } from '@/lib/shared/validation/thread-page-query';
import { SENSIBLE, sensibleFields } from '@/tests/support/fuzz/sensible-fields';
import { nearlyValid, wildQuery, wildString, wildValue } from '@/tests/support/fuzz/wild-values';

const SEED = Number(process.env.FC_SEED ?? 20261122);
const RUNS = 300;
const options = { seed: SEED, numRuns: RUNS };

// Independent statements of what accepted text looks like.
const LONE_SURROGATE = /\p{Cs}/u;
const CONTROL_EXCEPT_TAB_AND_NEWLINE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
const codePoints = (text: string) => Array.from(text).length;

function expectPositiveInteger(value: unknown, what: string): void {
  expect(Number.isSafeInteger(value) && (value as number) > 0, `${what} = ${String(value)}`).toBe(true);
}

/** A comment, note or annotation as stored: normalised, trimmed, no CR, no control or lone surrogate, visible, within `max`. */
function expectCleanText(value: unknown, max: number): void {
  expect(typeof value).toBe('string');
  const text = value as string;
  expect(normalizeCommentText(text)).toBe(text);
  expect(/^\s|\s$/.test(text), JSON.stringify(text)).toBe(false);
  expect(text.includes('\r') || LONE_SURROGATE.test(text) || CONTROL_EXCEPT_TAB_AND_NEWLINE.test(text)).toBe(false);
  expect(codePoints(text)).toBeGreaterThan(0);
  expect(codePoints(text)).toBeLessThanOrEqual(max);
  expect(commentTextProblem(text, max)).toBeNull();
}

const expectOptionalText = (value: unknown, max: number) => (value === null ? undefined : expectCleanText(value, max));

function expectEmail(value: unknown): void {
  expect(typeof value).toBe('string');
  const email = value as string;
  // The one form an email is stored and looked up in must be a fixed point of the normaliser.
  expect(normalizeEmail(email)).toBe(email);
  expect(email.length).toBeLessThanOrEqual(254);
  expect(email).toMatch(/^[^\s@]+@[^\s@]+$/);
}

function expectDisplayName(value: unknown): void {
  const name = value as string;
  expect(name).toBe(name.normalize('NFKC').trim());
  expect(/[\p{Cc}\u202A-\u202E\u2066-\u2069]/u.test(name) || LONE_SURROGATE.test(name)).toBe(false);
  expect(codePoints(name)).toBeGreaterThanOrEqual(1);
  expect(codePoints(name)).toBeLessThanOrEqual(50);
}

function expectBanReason(value: unknown): void {
  const reason = value as string;
  expect(reason).toBe(reason.trim());
  expect(reason.includes('\r') || LONE_SURROGATE.test(reason)).toBe(false);
  expect(codePoints(reason)).toBeGreaterThanOrEqual(1);
  expect(codePoints(reason)).toBeLessThanOrEqual(500);
}

const oneOf = (choices: readonly unknown[]) => (value: unknown) => expect(choices).toContain(value);
const positive = (what: string) => (value: unknown) => expectPositiveInteger(value, what);
const text = (max: number) => (value: unknown) => expectCleanText(value, max);
const optionalText = (max: number) => (value: unknown) => expectOptionalText(value, max);

type Checks = Record<string, (value: unknown) => void>;
type SchemaCase = { name: string; schema: z.ZodType; fields: Checks; refine?: (data: Record<string, unknown>) => void };

const at = { commentId: positive('commentId'), version: positive('version') };

const SCHEMA_CASES: SchemaCase[] = [
  { name: 'postCommentSchema', schema: postCommentSchema(10_000), fields: { articleId: positive('articleId'), parentId: (v) => (v === null ? undefined : expectPositiveInteger(v, 'parentId')), body: text(10_000) } },
  { name: 'editCommentSchema', schema: editCommentSchema(10_000), fields: { ...at, body: text(10_000) } },
  { name: 'deleteCommentSchema', schema: deleteCommentSchema, fields: { commentId: positive('commentId') } },
  { name: 'reportCommentSchema', schema: reportCommentSchema, fields: { commentId: positive('commentId'), reason: oneOf(REPORT_REASONS), note: optionalText(500) } },
  { name: 'setCommentsOpenSchema', schema: setCommentsOpenSchema, fields: { articleId: positive('articleId'), open: oneOf([true, false]) } },
  { name: 'commentAtVersionSchema', schema: commentAtVersionSchema, fields: at },
  { name: 'flagCommentSchema', schema: flagCommentSchema, fields: { ...at, reason: oneOf(MODERATION_REASONS), note: optionalText(1000) } },
  { name: 'unflagCommentSchema', schema: unflagCommentSchema, fields: { ...at, note: optionalText(1000) } },
  { name: 'hideCommentSchema', schema: hideCommentSchema, fields: { ...at, reason: oneOf(MODERATION_REASONS), explanation: optionalText(300), note: optionalText(1000) } },
  { name: 'unhideCommentSchema', schema: unhideCommentSchema, fields: { ...at, note: optionalText(1000) } },
  { name: 'dismissReportsSchema', schema: dismissReportsSchema, fields: { ...at, note: optionalText(1000) } },
  { name: 'annotateCommentSchema', schema: annotateCommentSchema, fields: { ...at, visibility: oneOf(['internal', 'public']), body: text(1000) } },
  { name: 'removeAnnotationSchema', schema: removeAnnotationSchema, fields: { ...at, annotationId: positive('annotationId') } },
  {
    name: 'bulkModerationSchema',
    schema: bulkModerationSchema,
    fields: {
      action: oneOf(['flag', 'hide', 'dismiss']),
      items: (items) => {
        const list = items as { commentId: number; version: number }[];
        expect(list.length).toBeGreaterThanOrEqual(1);
        expect(list.length).toBeLessThanOrEqual(BULK_MODERATION_MAX);
        expect(new Set(list.map((item) => item.commentId)).size).toBe(list.length);
        for (const item of list) expect(Object.keys(item).sort()).toEqual(['commentId', 'version']);
        for (const item of list) {
          at.commentId(item.commentId);
          at.version(item.version);
        }
      },
      reason: oneOf(MODERATION_REASONS),
      explanation: optionalText(300),
      note: optionalText(1000),
    },
  },
  { name: 'signUpSchema', schema: signUpSchema, fields: { email: expectEmail, displayName: expectDisplayName, password: (v) => expect(codePoints(v as string)).toBeGreaterThanOrEqual(10) } },
  { name: 'changeUserRoleSchema', schema: changeUserRoleSchema, fields: { userId: positive('userId'), role: oneOf(ROLES) } },
  { name: 'banUserSchema', schema: banUserSchema, fields: { userId: positive('userId'), reason: expectBanReason } },
  { name: 'userRefSchema', schema: userRefSchema, fields: { userId: positive('userId') } },
];

const FIELD_CASES: { name: string; schema: z.ZodType; check: (value: unknown) => void }[] = [
  { name: 'emailSchema', schema: emailSchema, check: expectEmail },
  { name: 'displayNameSchema', schema: displayNameSchema, check: expectDisplayName },
  { name: 'banReasonSchema', schema: banReasonSchema, check: expectBanReason },
  { name: 'roleSchema', schema: roleSchema, check: oneOf(ROLES) },
  { name: 'userIdSchema', schema: userIdSchema, check: positive('userId') },
  {
    name: 'passwordSchema',
    schema: passwordSchema,
    check: (v) => {
      expect(LONE_SURROGATE.test(v as string)).toBe(false);
      expect(codePoints(v as string)).toBeGreaterThanOrEqual(10);
      expect(codePoints(v as string)).toBeLessThanOrEqual(256);
    },
  },
];

/** parseInput's answer: the typed refusal with words, or data that passes `accepted`. Returns whether it accepted. */
function expectParsed(result: ReturnType<typeof parseInput>, accepted: (data: unknown) => void): boolean {
  if (result.ok) {
    accepted(result.data);
    return true;
  }
  expect(result.code).toBe('INVALID_INPUT');
  expect(typeof result.message === 'string' && result.message.length > 0, `message ${JSON.stringify(result.message)}`).toBe(true);
  expect(typeof result.fieldErrors).toBe('object');
  return false;
}

function acceptedObject(fields: Checks) {
  return (data: unknown) => {
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    const record = data as Record<string, unknown>;
    // Keys the schema does not know are dropped, so nothing extra reaches lib.
    for (const key of Object.keys(record)) expect(Object.keys(fields)).toContain(key);
    for (const [key, check] of Object.entries(fields)) if (key in record) check(record[key]);
  };
}

const sensibleFor = (fields: Checks) => nearlyValid(sensibleFields(Object.keys(fields)));

describe('input schemas through parseInput', () => {
  it.each(SCHEMA_CASES)('$name: never throws; a typed refusal or an accepted value that keeps its promises', ({ schema, fields }) => {
    const input = fc.oneof({ arbitrary: sensibleFor(fields), weight: 3 }, { arbitrary: wildValue, weight: 1 });
    let accepted = 0;
    fc.assert(fc.property(input, (raw) => {
      if (expectParsed(parseInput(schema, raw), acceptedObject(fields))) accepted += 1;
    }), options);
    // The accepting path was checked too, not only refusals.
    expect(accepted).toBeGreaterThan(0);
    // Nothing above reached Object.prototype.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(FIELD_CASES)('$name: never throws; a typed refusal or an accepted value that keeps its promises', ({ schema, check }) => {
    const input = fc.oneof(wildString, wildValue, ...Object.values(SENSIBLE));
    let accepted = 0;
    fc.assert(fc.property(input, (raw) => {
      if (expectParsed(parseInput(schema, raw), check)) accepted += 1;
    }), options);
    expect(accepted).toBeGreaterThan(0);
  });
});

type Parsed = { success: true } | { success: false; message: string };

const acceptedQueries = new Map<string, number>();

/** The parser's refusal with words, or an accepted query that passes `accepted` (counted under `name`). */
function expectRefusalOr<T extends Parsed>(name: string, result: T, accepted: (ok: Extract<T, { success: true }>) => void): void {
  if (!result.success) {
    expect(result.message.length, 'a refusal says why').toBeGreaterThan(0);
    return;
  }
  accepted(result as Extract<T, { success: true }>);
  acceptedQueries.set(name, (acceptedQueries.get(name) ?? 0) + 1);
}

const isCalendarDay = (day: string) => /^\d{4}-\d\d-\d\d$/.test(day) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day);

function expectLogFilters(filters: LogFilters): void {
  for (const key of ['from', 'to'] as const) if (filters[key] !== null) expect(isCalendarDay(filters[key]), `${key} ${filters[key]}`).toBe(true);
  if (filters.from && filters.to) expect(filters.from <= filters.to).toBe(true);
  for (const key of ['article', 'comment'] as const) if (filters[key] !== null) expectPositiveInteger(filters[key], key);
  if (filters.actor !== null && filters.actor !== 'system') expectPositiveInteger(filters.actor, 'actor');
  if (filters.action !== null) expect(LOG_ACTIONS).toContain(filters.action);
  if (filters.reason !== null) expect(MODERATION_REASONS).toContain(filters.reason);
  if (filters.q !== null) {
    expect(filters.q).toBe(filters.q.trim());
    expect(filters.q).not.toMatch(/[\u0000-\u001F\u007F-\u009F]/);
    expect(codePoints(filters.q)).toBeGreaterThanOrEqual(LOG_SEARCH_MIN);
    expect(filters.q.length).toBeLessThanOrEqual(LOG_SEARCH_MAX);
  }
}

const queryValue = fc.oneof(
  fc.constantFrom('2026-01-05', '2026-02-30', '2025-12-31', '7', '0', '012', 'system', 'comment_hidden', 'spam', 'abc', 'two', 'json', 'csv', 'ndjson', 'xml'),
  fc.constantFrom(...LOG_ACTIONS, ...MODERATION_REASONS, ...QUEUE_TABS),
  fc.constantFrom('2026-01-05T12:00:00.000Z_000000000007', '000000000007', '50', '201', '1000', '1001', '1,2,3', '1,,2', Array.from({ length: 101 }, (_, i) => i + 1).join(',')),
);

describe('query-string parsers', () => {
  it('parseLogQuery', () => {
    fc.assert(fc.property(wildQuery([...LOG_FILTER_KEYS, 'cursor'], queryValue), fc.boolean(), (params, withCursor) => {
      expectRefusalOr('parseLogQuery', parseLogQuery(params, withCursor ? ['cursor'] : []), ({ filters, rest }) => {
        expectLogFilters(filters);
        for (const key of Object.keys(rest)) expect(key).toBe('cursor');
      });
    }), options);
  });

  it('parseExportQuery and parseSummaryQuery', () => {
    // A valid format half of the time, so that the rest of the query decides.
    const format = fc.option(fc.constantFrom(...EXPORT_FORMAT_NAMES, ...SUMMARY_FORMATS));
    fc.assert(fc.property(wildQuery([...LOG_FILTER_KEYS, 'format'], queryValue), format, (params, chosen) => {
      if (chosen !== null) params.set('format', chosen);
      expectRefusalOr('parseExportQuery', parseExportQuery(params), ({ format, filters }) => {
        expect(EXPORT_FORMAT_NAMES).toContain(format);
        expectLogFilters(filters);
      });
      expectRefusalOr('parseSummaryQuery', parseSummaryQuery(params), ({ format, period }) => {
        expect(SUMMARY_FORMATS).toContain(format);
        expectLogFilters({ from: period.from, to: period.to, article: null, actor: null, action: null, reason: null, comment: null, q: null });
      });
    }), options);
  });

  it('parseQueueQuery', () => {
    fc.assert(fc.property(wildQuery(['tab', 'article', 'after', 'include'], queryValue), (params) => {
      expectRefusalOr('parseQueueQuery', parseQueueQuery(params), ({ data }) => {
        expect(QUEUE_TABS).toContain(data.tab);
        if (data.articleId !== null) expectPositiveInteger(data.articleId, 'articleId');
        if (data.after !== null) expect(data.after).toMatch(SORT_KEY);
        expect(data.include.length).toBeLessThanOrEqual(QUEUE_INCLUDE_MAX);
        expect(new Set(data.include).size).toBe(data.include.length);
        for (const each of data.include) expectPositiveInteger(each, 'include');
      });
    }), options);
  });

  it('parseThreadPageQuery', () => {
    fc.assert(fc.property(wildQuery(['after', 'limit', 'depth'], queryValue), (params) => {
      expectRefusalOr('parseThreadPageQuery', parseThreadPageQuery(params), ({ data }) => {
        if (data.after !== undefined) expect(data.after).toMatch(/^\d{12}$/);
        expect(Number.isInteger(data.limit) && data.limit >= 1 && data.limit <= MAX_PAGE_SIZE, `limit ${data.limit}`).toBe(true);
        if (data.depth !== undefined) expect(Number.isInteger(data.depth) && data.depth >= 0 && data.depth <= 1000, `depth ${data.depth}`).toBe(true);
      });
    }), options);
  });
});

/** Each query parser with a query it accepts: the control character is then the only thing wrong. */
const QUERY_PARSERS: { name: string; valid: string; parse: (params: URLSearchParams) => Parsed }[] = [
  { name: 'parseLogQuery', valid: 'from=2026-03-01&actor=system&action=comment_hidden&q=legal hold', parse: (params) => parseLogQuery(params) },
  { name: 'parseExportQuery', valid: 'format=ndjson&to=2026-03-31&reason=spam&q=legal', parse: parseExportQuery },
  { name: 'parseSummaryQuery', valid: 'format=csv&from=2026-03-01&to=2026-03-31', parse: parseSummaryQuery },
  { name: 'parseQueueQuery', valid: 'tab=flagged&article=3&include=4,5', parse: parseQueueQuery },
  { name: 'parseThreadPageQuery', valid: 'after=000000000007&limit=20&depth=3', parse: parseThreadPageQuery },
];

const CONTROL = fc.oneof(fc.integer({ min: 0, max: 0x1f }), fc.integer({ min: 0x7f, max: 0x9f })).map((code) => String.fromCharCode(code));

describe('a control character in any query parameter', () => {
  it.each(QUERY_PARSERS)('$name refuses it in words naming the parameter, wherever it sits', ({ valid, parse }) => {
    expect(parse(new URLSearchParams(valid)).success, valid).toBe(true);
    const pairs = [...new URLSearchParams(valid)];
    fc.assert(fc.property(fc.nat(pairs.length - 1), fc.boolean(), fc.nat(), CONTROL, (index, inName, at, control) => {
      const [key, value] = pairs[index]!;
      const text = inName ? key : value;
      const spoilt = `${text.slice(0, at % (text.length + 1))}${control}${text.slice(at % (text.length + 1))}`;
      const params = new URLSearchParams(pairs.map(([k, v], i) => (i !== index ? [k, v] : inName ? [spoilt, v] : [k, spoilt])));
      expect(parse(params)).toEqual({
        success: false,
        message: `${inName ? 'a parameter name' : key} must not contain control characters (such as NUL, a tab or a line break)`,
      });
    }), options);
  });
});

it('each query parser accepted some of the queries above, so its accepting path was checked', () => {
  expect([...acceptedQueries.keys()].sort()).toEqual(['parseExportQuery', 'parseLogQuery', 'parseQueueQuery', 'parseSummaryQuery', 'parseThreadPageQuery']);
});

describe('other parsers a request reaches', () => {
  it('parseCommentId accepts exactly the digits of a positive id, and answers null otherwise', () => {
    fc.assert(fc.property(fc.oneof(wildString, fc.nat().map(String), fc.constantFrom('999999999999', '1000000000000')), (segment) => {
      const parsed = parseCommentId(segment);
      if (parsed === null) return;
      expect(Number.isSafeInteger(parsed) && parsed > 0).toBe(true);
      expect(String(parsed)).toBe(segment);
    }), options);
  });

  it('normalizeCommentText is idempotent and leaves no CR or surrounding space; commentTextProblem answers words or null', () => {
    fc.assert(fc.property(wildString, fc.constantFrom(1, 300, 10_000), (raw, max) => {
      const normalised = normalizeCommentText(raw);
      expect(normalizeCommentText(normalised)).toBe(normalised);
      expect(normalised.includes('\r')).toBe(false);
      const problem = commentTextProblem(normalised, max);
      if (problem === null) expectCleanText(normalised, max);
      else expect(problem.length).toBeGreaterThan(0);
    }), options);
  });

  it('normalizeEmail never throws and gives a string', () => {
    fc.assert(fc.property(wildString, (raw) => {
      expect(typeof normalizeEmail(raw)).toBe('string');
    }), options);
  });

  it('safeReturnPath gives a path on this site or the fallback', () => {
    fc.assert(fc.property(fc.oneof(wildValue, wildString.map((s) => `/${s}`), fc.constantFrom('//evil.example', '/\\evil.example', '/ok?x=1', 'https://evil.example')), (raw) => {
      const path = safeReturnPath(raw, '/fallback');
      expect(path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\')).toBe(true);
      expect(/[\u0000-\u001F\u007F]/.test(path)).toBe(false);
      if (path !== '/fallback') expect(path).toBe(raw);
    }), options);
  });

  it('resolveClientAddress never throws and names some address', () => {
    const header = fc.option(fc.oneof(wildString, fc.array(wildString, { maxLength: 3 })), { nil: undefined });
    fc.assert(fc.property(fc.option(wildString, { nil: undefined }), header, fc.boolean(), (socket, forwarded, trust) => {
      const address = resolveClientAddress(socket, forwarded, trust);
      expect(typeof address === 'string' && address.length > 0).toBe(true);
    }), options);
  });
});
