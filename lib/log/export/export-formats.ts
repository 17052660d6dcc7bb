// The three export formats by name, and the check of a requested one.
import 'server-only';
import { CSV_EXPORT } from './csv-export';
import type { ExportWriter } from './export-writer';
import { JSON_EXPORT } from './json-export';
import { NDJSON_EXPORT } from './ndjson-export';

export const EXPORT_FORMATS = { csv: CSV_EXPORT, ndjson: NDJSON_EXPORT, json: JSON_EXPORT } as const satisfies Record<string, ExportWriter>;

export type ExportFormat = keyof typeof EXPORT_FORMATS;

export const EXPORT_FORMAT_NAMES = Object.keys(EXPORT_FORMATS) as ExportFormat[];

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && Object.hasOwn(EXPORT_FORMATS, value);
}

/** The format asked for, or why it cannot be used, in words. */
export function readExportFormat(value: string | undefined): { ok: true; format: ExportFormat } | { ok: false; message: string } {
  const choices = EXPORT_FORMAT_NAMES.join(', ');
  if (value === undefined) return { ok: false, message: `format is required: one of ${choices}` };
  return isExportFormat(value) ? { ok: true, format: value } : { ok: false, message: `format must be one of ${choices}` };
}
