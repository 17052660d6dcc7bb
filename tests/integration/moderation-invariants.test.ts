// The load invariants checker (lib/ops/load/moderation-invariants.ts): silent after real moderation actions,
// and naming each breakage planted behind lib's back: a missing row, an extra row, a comment changed, a tampered row.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/shared/auth/actor';
import { flagComment } from '@/lib/moderation/flag-comment';
import { hideComment } from '@/lib/moderation/hide-comment';
import { unhideComment } from '@/lib/moderation/unhide-comment';
import { insertCast, insertArticle } from '@/tests/support/comments';
import { lastLogId, userActor } from '@/tests/support/accounts';
import { checkModerationInvariants, type LoadOutcome } from '@/lib/ops/load/moderation-invariants';
import type { AcknowledgedModeration } from '@/lib/ops/load/moderation-load';
import { createTempDb, type TempDb } from '@/tests/support/temp-db';

let temp: TempDb;
let moderator: Actor;
let comments: number[];
let sinceLogId: number;
let acknowledged: AcknowledgedModeration[];

type Kind = 'hide' | 'unhide' | 'flag';
const PERFORM = { hide: hideComment, unhide: unhideComment, flag: flagComment } as const;
const ACTION = { hide: 'comment_hidden', unhide: 'comment_unhidden', flag: 'comment_flagged' } as const;

/** Runs one action through lib at the comment's current version, as the load driver would send it; returns what the server would answer. */
function moderate(kind: Kind, commentId: number): AcknowledgedModeration | null {
  const version = temp.db.$client.prepare('SELECT version FROM comments WHERE id = ?').pluck().get(commentId) as number;
  const input = { commentId, version, reason: 'spam', explanation: 'Advertising', note: 'load' } as never;
  const result = PERFORM[kind](temp.db, moderator, input);
  return result.ok ? { commentId, action: ACTION[kind], version: result.moderation.version, at: Date.now() } : null;
}

/** Acts and records the acknowledgement, as a successful answer would be recorded. */
function acknowledge(kind: Kind, commentId: number): void {
  const ack = moderate(kind, commentId);
  if (ack) acknowledged.push(ack);
}

const outcome = (changes: Partial<LoadOutcome> = {}): LoadOutcome => ({ acknowledged, sinceLogId, inFlightAtStop: 0, ...changes });
const check = (changes: Partial<LoadOutcome> = {}) => checkModerationInvariants(temp.db, outcome(changes));

beforeEach(() => {
  temp = createTempDb();
  const ids = insertCast(temp.db);
  moderator = userActor(temp.db, ids.moderator);
  comments = insertArticle(temp.db, 'load-article', [{}, {}, {}, {}]).commentIds;
  // A decision from before the load: the checker must leave it out of the count but still compare its comment.
  moderate('flag', comments[3]!);
  sinceLogId = lastLogId(temp.db);
  acknowledged = [];
  acknowledge('hide', comments[0]!);
  acknowledge('unhide', comments[0]!);
  acknowledge('flag', comments[0]!);
  acknowledge('flag', comments[1]!);
  acknowledge('hide', comments[1]!);
  // Refused (NO_CHANGE): nothing acknowledged, nothing logged.
  expect(moderate('unhide', comments[2]!)).toBeNull();
  expect(moderate('flag', comments[0]!)).toBeNull();
});
afterEach(() => temp.cleanup());

describe('checkModerationInvariants', () => {
  it('finds nothing wrong after real actions and refusals', () => {
    expect(acknowledged).toHaveLength(5);
    expect(check()).toEqual([]);
  });

  it('allows one row per unanswered request, whose outcome the client never learned', () => {
    moderate('hide', comments[2]!);
    expect(check({ inFlightAtStop: 1 })).toEqual([]);
  });

  it('names a row written for an action nobody was told succeeded', () => {
    moderate('hide', comments[2]!);
    expect(check()).toEqual([expect.stringMatching(/^6 log rows .* only 5 acknowledged and 0 unanswered: a refused or failed action left a row; not acknowledged: row \d+ \(comment_hidden of comment \d+ to version 2\)$/)]);
  });

  it('names an acknowledged action the log does not hold', () => {
    const claimed = { ...acknowledged[0]!, version: 9 };
    expect(check({ acknowledged: [...acknowledged, claimed] })).toEqual([
      `1 acknowledged action(s) have no log row: comment_hidden of comment ${claimed.commentId} to version 9`,
    ]);
  });

  it('names an acknowledged action whose row was deleted, and the comment that no longer matches its log', () => {
    temp.db.$client.exec('DROP TRIGGER moderation_log_no_delete');
    temp.db.$client.prepare('DELETE FROM moderation_log WHERE id = ?').run(lastLogId(temp.db));
    const hiddenLast = acknowledged.at(-1)!;
    expect(check()).toEqual([
      `1 acknowledged action(s) have no log row: comment_hidden of comment ${hiddenLast.commentId} to version ${hiddenLast.version}`,
      expect.stringMatching(new RegExp(`^1 comment\\(s\\) differ from the new state of their last log row: comment ${hiddenLast.commentId} is .*"status":"hidden"`)),
    ]);
  });

  it('names a comment changed behind the log\'s back', () => {
    temp.db.$client.prepare("UPDATE comments SET flag_reason = 'hate' WHERE id = ?").run(comments[0]!);
    expect(check()).toEqual([expect.stringMatching(new RegExp(`^1 comment\\(s\\) differ .*: comment ${comments[0]} is .*"flag_reason":"hate".* says .*"flag_reason":"spam"`))]);
  });

  it('checks comments decided before the load too, when the load touched them', () => {
    temp.db.$client.prepare("UPDATE comments SET flag_reason = 'hate' WHERE id = ?").run(comments[3]!);
    expect(check()).toEqual([]);
    acknowledge('hide', comments[3]!);
    temp.db.$client.prepare('UPDATE comments SET version = version + 1 WHERE id = ?').run(comments[3]!);
    expect(check()).toEqual([expect.stringMatching(new RegExp(`^1 comment\\(s\\) differ .*: comment ${comments[3]} is .*"version":4`))]);
  });

  it('names a tampered log row by the chain', () => {
    temp.db.$client.exec('DROP TRIGGER moderation_log_no_update');
    temp.db.$client.prepare("UPDATE moderation_log SET internal_note = 'rewritten' WHERE id = ?").run(sinceLogId + 1);
    expect(check()).toEqual([`the log's hash chain is broken at row ${sinceLogId + 1}: the row was altered: its hash does not recompute`]);
  });
});
