// What each exported column may hold, to check a row read back from a file before its hash is recomputed.
import 'server-only';
import type { ExportColumn } from '@/lib/log/export/export-columns';

type ColumnType = { kind: 'id' | 'text' | 'hash'; nullable: boolean };

const id = (nullable: boolean): ColumnType => ({ kind: 'id', nullable });
const text = (nullable: boolean): ColumnType => ({ kind: 'text', nullable });

/** The moderation_log table's NOT NULL columns are the non-nullable ones here. */
export const EXPORT_COLUMN_TYPES: Record<ExportColumn, ColumnType> = {
  id: id(false),
  created_at: text(false),
  actor_id: id(true),
  actor_name: text(false),
  actor_role: text(false),
  action: text(false),
  target_type: text(true),
  target_id: id(true),
  article_id: id(true),
  reason_code: text(true),
  public_note: text(true),
  internal_note: text(true),
  previous_state: text(true),
  new_state: text(true),
  request_id: text(true),
  prev_hash: { kind: 'hash', nullable: false },
  hash: { kind: 'hash', nullable: false },
};

const HEX64 = /^[0-9a-f]{64}$/;

/** A short quote of a bad value for a message. */
function quote(value: unknown): string {
  const shown = typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value) ?? value);
  return shown.length > 40 ? `${shown.slice(0, 40)}…` : shown;
}

/**
 * Why `value` cannot be this column's, or null when it can. `nothing` names the empty value in the
 * file's own terms: "null" in JSON, "empty" in CSV.
 */
export function columnValueProblem(column: ExportColumn, value: unknown, nothing: string): string | null {
  const { kind, nullable } = EXPORT_COLUMN_TYPES[column];
  if (value === null) return nullable ? null : `${column} is ${nothing}, but every row has one`;
  const orNothing = nullable ? ` or ${nothing}` : '';
  switch (kind) {
    case 'id':
      return Number.isSafeInteger(value) && (value as number) > 0 ? null : `${column} must be a whole number above 0${orNothing}, not ${quote(value)}`;
    case 'text':
      return typeof value === 'string' ? null : `${column} must be text${orNothing}, not ${quote(value)}`;
    case 'hash':
      return typeof value === 'string' && HEX64.test(value) ? null : `${column} must be 64 lowercase hex digits, not ${quote(value)}`;
  }
}

/** The row's id when it has a usable one, so that a problem elsewhere in the row can name it. */
export function usableId(value: unknown): number | undefined {
  return Number.isSafeInteger(value) && (value as number) > 0 ? (value as number) : undefined;
}
