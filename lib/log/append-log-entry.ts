// The single writer of moderation_log: validates an entry and chains it inside the caller's transaction.
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

/**
 * Appends one row. It must run inside the transaction that makes the change it records, so that
 * the change and its row commit together or not at all; an invalid entry throws and rolls both back.
 */
export function appendLogEntry(tx: Tx, input: LogEntryInput): { id: number; hash: string } {
  const entry = logEntrySchema.parse(input);
  const last = prepared(tx, 'SELECT id, hash, created_at AS createdAt FROM moderation_log ORDER BY id DESC LIMIT 1').get() as
    | { id: number; hash: string; createdAt: string }
    | undefined;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const now = new Date().toISOString();
  const fields: HashedLogFields = {
    id: (last?.id ?? 0) + 1,
    // A clock that stepped back must not put a row before its predecessor: the log's order is its time order.
    created_at: last && last.createdAt > now ? last.createdAt : now,
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
  };
  const hash = computeLogHash(prevHash, fields);
  prepared(tx, INSERT_ROW).run({ ...fields, prev_hash: prevHash, hash });
  return { id: fields.id, hash };
}
