// The moderation log's hash chain: hash = sha256(previous hash + canonical JSON of the row).
import 'server-only';
import { createHash } from 'node:crypto';

/** prev_hash of the first row; the migration's chain trigger repeats this value. */
export const GENESIS_HASH = '0'.repeat(64);

/** Every column but the two hashes, under its SQL name, which is also its name in exports. */
export type HashedLogFields = {
  id: number;
  created_at: string;
  actor_id: number | null;
  actor_name: string;
  actor_role: string;
  action: string;
  target_type: string | null;
  target_id: number | null;
  article_id: number | null;
  reason_code: string | null;
  public_note: string | null;
  internal_note: string | null;
  previous_state: string | null;
  new_state: string | null;
  request_id: string | null;
};

/**
 * JSON with object keys sorted at every level, so that one value has exactly one text. Written as
 * plain loops: verifying a million-row log hashes a million rows, and this runs once per row.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  // The default sort orders by UTF-16 code units, as `<` does.
  const keys = Object.keys(record).sort();
  let text = '{';
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    if (text.length > 1) text += ',';
    text += `${JSON.stringify(key)}:${canonicalJson(item)}`;
  }
  return `${text}}`;
}

export function computeLogHash(prevHash: string, fields: HashedLogFields): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(fields)).digest('hex');
}

/** A row as SQLite returns it: the hashed fields plus the two hashes. */
export type StoredLogRow = HashedLogFields & { prev_hash: string; hash: string };

/** The hashed fields of a stored row, whatever else the row carries. */
export function hashedFieldsOf(row: StoredLogRow): HashedLogFields {
  const { prev_hash, hash, ...fields } = row;
  return fields;
}
