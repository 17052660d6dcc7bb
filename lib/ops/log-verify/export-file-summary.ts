// The summary an NDJSON or JSON export ends with, checked for shape before its claims are compared.
import 'server-only';
import { z } from 'zod';
import type { LoggedExportSummary } from '@/lib/log/export/export-summary';
import { EXPORT_FORMAT_NAMES } from '@/lib/log/export/export-formats';
import { LOG_FILTER_KEYS } from '@/lib/shared/log/log-filters';
import { BrokenExport } from './broken-export';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, { message: 'must be 64 lowercase hex digits' });
const rowId = z.int().positive();

const summarySchema = z.strictObject({
  format: z.enum(EXPORT_FORMAT_NAMES),
  filters: z.partialRecord(z.enum(LOG_FILTER_KEYS), z.union([z.string(), z.number()])),
  rows: z.int().nonnegative(),
  first_id: rowId.nullable(),
  last_id: rowId.nullable(),
  last_hash: hex64.nullable(),
  hashes_sha256: hex64,
  complete: z.boolean(),
  log_entry: z.strictObject({ id: rowId, hash: hex64 }),
}) satisfies z.ZodType<LoggedExportSummary>;

/** `{"summary": …}` and nothing else: how the exporter marks its last element. */
export function isSummaryElement(value: unknown): value is { summary: unknown } {
  // Keys are counted last, so that a row (one per line of the file) is told apart without listing its keys.
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'summary' in value && Object.keys(value).length === 1;
}

export function readExportSummary(value: unknown, line: number | null): LoggedExportSummary {
  const parsed = summarySchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'summary'}: ${issue.message}`).join('; ');
  throw new BrokenExport({ summary: true, line }, `the summary is not the one the exporter writes (${issues})`);
}
