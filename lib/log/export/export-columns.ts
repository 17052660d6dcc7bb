// The columns of a log export, in the fixed order every format writes them and the verifier reads them back.
import 'server-only';
import type { StoredLogRow } from '@/lib/log/hash-chain';

/** Every column of moderation_log, in table order: the 15 hashed fields, then prev_hash and hash. */
export const EXPORT_COLUMNS = [
  'id',
  'created_at',
  'actor_id',
  'actor_name',
  'actor_role',
  'action',
  'target_type',
  'target_id',
  'article_id',
  'reason_code',
  'public_note',
  'internal_note',
  'previous_state',
  'new_state',
  'request_id',
  'prev_hash',
  'hash',
] as const satisfies readonly (keyof StoredLogRow)[];

export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

/** The SELECT list of every column on `moderation_log l`, in EXPORT_COLUMNS order. */
export const EXPORT_SELECT = EXPORT_COLUMNS.map((column) => `l.${column}`).join(', ');
