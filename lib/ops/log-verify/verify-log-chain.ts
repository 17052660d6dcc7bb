// Walks the whole moderation log and checks that every row's hash recomputes and links to the one before.
import 'server-only';
import type { Db } from '@/db/client';
import { computeLogHash, GENESIS_HASH, hashedFieldsOf, type StoredLogRow } from '../../log/hash-chain';

export type ChainVerdict =
  | { ok: true; rows: number; head: string }
  | { ok: false; rows: number; brokenId: number; reason: string };

const LOG_COLUMNS = `id, created_at, actor_id, actor_name, actor_role, action, target_type, target_id, article_id,
  reason_code, public_note, internal_note, previous_state, new_state, request_id, prev_hash, hash`;

export function verifyLogChain(db: Db): ChainVerdict {
  let prevHash = GENESIS_HASH;
  let expectedId = 1;
  let rows = 0;
  // Iterating keeps memory flat however long the log is.
  const statement = db.$client.prepare(`SELECT ${LOG_COLUMNS} FROM moderation_log ORDER BY id`);
  for (const row of statement.iterate() as IterableIterator<StoredLogRow>) {
    const broken = (reason: string): ChainVerdict => ({ ok: false, rows, brokenId: row.id, reason });
    if (row.id !== expectedId) return broken(`expected row ${expectedId} next, found ${row.id}: rows are missing`);
    if (row.prev_hash !== prevHash) return broken('prev_hash does not match the previous row');
    if (computeLogHash(prevHash, hashedFieldsOf(row)) !== row.hash) return broken('the row was altered: its hash does not recompute');
    prevHash = row.hash;
    expectedId += 1;
    rows += 1;
  }
  return { ok: true, rows, head: prevHash };
}
