// The single writer of moderation_log: each row chained onto the log's head inside the caller's transaction, and the app's entries validated first.
import 'server-only';
import { z } from 'zod';
import type { Tx } from '@/db/client';
import { LOG_ACTIONS } from '@/db/log-actions';
import { prepared } from '@/db/prepared';
import { ACTOR_ROLES } from '@/db/schema';
import { canonicalJson, computeLogHash, GENESIS_HASH, type HashedLogFields } from './hash-chain';

export const LOG_TARGET_TYPES = ['user', 'comment', 'article'] as const;

const stateSchema = z.record(z.string(), z.unknown()).nullable().default(null);
const optionalText = (max: number) => z.string().max(max).nullable().default(null);

export const logEntrySchema = z.object({
  actor: z.object({
    id: z.number().int().positive().nullable(),
    name: z.string().min(1).max(320),
    role: z.enum(ACTOR_ROLES),
  }),
  action: z.enum(LOG_ACTIONS),
  target: z.object({ type: z.enum(LOG_TARGET_TYPES), id: z.number().int().positive() }).nullable(),
  articleId: z.number().int().positive().nullable().default(null),
  reasonCode: optionalText(64),
  publicNote: optionalText(1000),
  internalNote: optionalText(2000),
  previousState: stateSchema,
  newState: stateSchema,
  requestId: optionalText(100),
});

export type LogEntryInput = z.input<typeof logEntrySchema>;

const INSERT_ROW = `INSERT INTO moderation_log (id, created_at, actor_id, actor_name, actor_role, action, target_type, target_id,
    article_id, reason_code, public_note, internal_note, previous_state, new_state, request_id, prev_hash, hash)
  VALUES (@id, @created_at, @actor_id, @actor_name, @actor_role, @action, @target_type, @target_id,
    @article_id, @reason_code, @public_note, @internal_note, @previous_state, @new_state, @request_id, @prev_hash, @hash)`;

/** The chain's newest row: the one the next row follows and hashes onto. */
export type LogHead = { id: number; hash: string; createdAt: string };

/** A row's content: every hashed column but the id and the time, which its place in the chain gives it. */
export type LogRowContent = Omit<HashedLogFields, 'id' | 'created_at'>;

export function readLogHead(tx: Tx): LogHead | undefined {
  return prepared(tx, 'SELECT id, hash, created_at AS createdAt FROM moderation_log ORDER BY id DESC LIMIT 1').get() as LogHead | undefined;
}

/**
 * The only statement that adds to moderation_log: `row` as the row after `head` (none: the first row), stamped
 * `at`, chained and hashed. Returns the new head, so that a caller writing many rows in one
 * transaction (the synthetic log) carries it on instead of reading it back for each row.
 */
export function writeLogRow(tx: Tx, head: LogHead | undefined, row: LogRowContent, at: string): LogHead {
  const prevHash = head?.hash ?? GENESIS_HASH;
  const fields: HashedLogFields = {
    id: (head?.id ?? 0) + 1,
    // A clock that stepped back must not put a row before its predecessor: the log's order is its time order.
    created_at: head && head.createdAt > at ? head.createdAt : at,
    ...row,
  };
  const hash = computeLogHash(prevHash, fields);
  prepared(tx, INSERT_ROW).run({ ...fields, prev_hash: prevHash, hash });
  return { id: fields.id, hash, createdAt: fields.created_at };
}

/**
 * Appends one row. It must run inside the transaction that makes the change it records, so that
 * the change and its row commit together or not at all; an invalid entry throws and rolls both back.
 */
export function appendLogEntry(tx: Tx, input: LogEntryInput): { id: number; hash: string } {
  const entry = logEntrySchema.parse(input);
  const { id, hash } = writeLogRow(tx, readLogHead(tx), {
    actor_id: entry.actor.id,
    actor_name: entry.actor.name,
    actor_role: entry.actor.role,
    action: entry.action,
    target_type: entry.target?.type ?? null,
    target_id: entry.target?.id ?? null,
    article_id: entry.articleId,
    reason_code: entry.reasonCode,
    public_note: entry.publicNote,
    internal_note: entry.internalNote,
    previous_state: entry.previousState && canonicalJson(entry.previousState),
    new_state: entry.newState && canonicalJson(entry.newState),
    request_id: entry.requestId,
  }, new Date().toISOString());
  return { id, hash };
}
