// Holds the database to what a moderation load was told: each acknowledged action logged once, nothing else logged,
// each comment as its last log row says, the chain intact and the file sound. Answers in words, empty when all hold.
import 'server-only';
import type { Db } from '@/db/client';
import { readCommentLogState } from '@/lib/comments/log-comment-change';
import { canonicalJson } from '@/lib/log/hash-chain';
import { verifyLogChain } from '@/lib/ops/log-verify/verify-log-chain';
import { MODERATION_LOAD_ACTIONS, type AcknowledgedModeration } from './moderation-load';

export type LoadOutcome = {
  acknowledged: readonly AcknowledgedModeration[];
  /** The newest log row before the load began (0 for an empty log). */
  sinceLogId: number;
  /**
   * Requests whose outcome is unknown, each of which may have left one row: pass the run's `unanswered`
   * (cut off by a crash, timed out, or not a readable answer), 0 when every request was answered.
   */
  inFlightAtStop: number;
};

/** How many broken rows or comments a message names before it says "and N more". */
const EXAMPLES = 5;

const LOADED_ACTIONS: readonly string[] = MODERATION_LOAD_ACTIONS;

type LoggedChange = { id: number; target_id: number | null; action: string; version: number | null };

const keyOf = (commentId: number | null, action: string, version: number | null) => `${action} of comment ${commentId} to version ${version}`;

function listed(items: string[]): string {
  const shown = items.slice(0, EXAMPLES).join('; ');
  return items.length > EXAMPLES ? `${shown}; and ${items.length - EXAMPLES} more` : shown;
}

export function checkModerationInvariants(db: Db, outcome: LoadOutcome): string[] {
  const broken: string[] = [];
  const sqlite = db.$client;
  const rows = sqlite.prepare(`SELECT id, target_id, action, json_extract(new_state, '$.version') AS version FROM moderation_log
    WHERE id > ? AND target_type = 'comment' AND action IN (${LOADED_ACTIONS.map(() => '?').join(', ')}) ORDER BY id`)
    .all(outcome.sinceLogId, ...LOADED_ACTIONS) as LoggedChange[];

  const logged = new Map<string, number>();
  for (const row of rows) {
    const key = keyOf(row.target_id, row.action, row.version);
    logged.set(key, (logged.get(key) ?? 0) + 1);
  }
  const missing: string[] = [];
  const doubled: string[] = [];
  for (const ack of outcome.acknowledged) {
    const key = keyOf(ack.commentId, ack.action, ack.version);
    const count = logged.get(key) ?? 0;
    if (count === 0) missing.push(key);
    else if (count > 1) doubled.push(`${key} (${count} rows)`);
  }
  if (missing.length > 0) broken.push(`${missing.length} acknowledged action(s) have no log row: ${listed(missing)}`);
  if (doubled.length > 0) broken.push(`${doubled.length} acknowledged action(s) have more than one log row: ${listed(doubled)}`);

  const allowed = outcome.acknowledged.length + outcome.inFlightAtStop;
  if (rows.length > allowed) {
    const acknowledgedKeys = new Set(outcome.acknowledged.map((ack) => keyOf(ack.commentId, ack.action, ack.version)));
    const unacknowledged = rows.filter((row) => !acknowledgedKeys.has(keyOf(row.target_id, row.action, row.version)))
      .map((row) => `row ${row.id} (${keyOf(row.target_id, row.action, row.version)})`);
    broken.push(`${rows.length} log rows of ${LOADED_ACTIONS.join('/')} since row ${outcome.sinceLogId}, but only ${outcome.acknowledged.length} `
      + `acknowledged and ${outcome.inFlightAtStop} unanswered: a refused or failed action left a row; not acknowledged: ${listed(unacknowledged)}`);
  }

  const touched = new Set([...outcome.acknowledged.map((ack) => ack.commentId), ...rows.map((row) => row.target_id!)]);
  const lastRow = sqlite.prepare(`SELECT id, new_state FROM moderation_log WHERE target_type = 'comment' AND target_id = ?
    ORDER BY id DESC LIMIT 1`);
  const drifted: string[] = [];
  for (const commentId of touched) {
    const last = lastRow.get(commentId) as { id: number; new_state: string | null } | undefined;
    if (!last) continue;
    const stored = canonicalJson(readCommentLogState(db, commentId));
    const expected = last.new_state === null ? 'null' : canonicalJson(JSON.parse(last.new_state));
    if (stored !== expected) drifted.push(`comment ${commentId} is ${stored} but its last log row ${last.id} says ${expected}`);
  }
  if (drifted.length > 0) broken.push(`${drifted.length} comment(s) differ from the new state of their last log row: ${listed(drifted)}`);

  const chain = verifyLogChain(db);
  if (!chain.ok) broken.push(`the log's hash chain is broken at row ${chain.brokenId}: ${chain.reason}`);

  const integrity = sqlite.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
  const problems = integrity.map((row) => row.integrity_check);
  if (problems.length !== 1 || problems[0] !== 'ok') broken.push(`PRAGMA integrity_check: ${listed(problems)}`);
  return broken;
}
