// Reads the moderation-log rows about comments, newest first, for History panels, queue cards and conflict messages.
import 'server-only';
import type { Db, Tx } from '@/db/client';
import { prepared } from '@/db/prepared';
import type { CommentLogEntry } from '@/lib/shared/moderation/types';

type LogRow = Omit<CommentLogEntry, 'previousState' | 'newState'> & { commentId: number; previousState: string | null; newState: string | null };

// The window function keeps each comment's newest rows only; moderation_log_target_idx finds them.
const SELECT_ENTRIES = `
  SELECT commentId, id, "at", actorName, actorRole, action, reasonCode, publicNote, internalNote, previousState, newState
  FROM (
    SELECT l.target_id AS commentId, l.id, l.created_at AS "at", l.actor_name AS actorName, l.actor_role AS actorRole,
      l.action, l.reason_code AS reasonCode, l.public_note AS publicNote, l.internal_note AS internalNote,
      l.previous_state AS previousState, l.new_state AS newState,
      row_number() OVER (PARTITION BY l.target_id ORDER BY l.id DESC) AS recency
    FROM moderation_log AS l
    WHERE l.target_type = 'comment' AND l.target_id IN (SELECT value FROM json_each(:ids))
  )
  WHERE recency <= :limit
  ORDER BY commentId, id DESC`;

/** Up to `limit` newest log rows of each comment in `commentIds`, keyed by comment id, newest first. */
export function readCommentLogEntries(db: Db | Tx, commentIds: readonly number[], limit = 1_000_000): Map<number, CommentLogEntry[]> {
  const result = new Map<number, CommentLogEntry[]>();
  if (commentIds.length === 0) return result;
  const rows = prepared(db, SELECT_ENTRIES).all({ ids: JSON.stringify(commentIds), limit }) as LogRow[];
  for (const { commentId, previousState, newState, ...row } of rows) {
    const list = result.get(commentId) ?? [];
    list.push({ ...row, previousState: previousState && JSON.parse(previousState), newState: newState && JSON.parse(newState) });
    result.set(commentId, list);
  }
  return result;
}
