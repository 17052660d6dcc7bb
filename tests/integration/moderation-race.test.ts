// Two moderators hide the same reply at the same version from two separate processes on one
// database file: exactly one hide lands, with one log row; the other is told who beat them to it.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyLogChain } from '@/lib/ops/log-verify/verify-log-chain';
import { readCommentModeration } from '@/lib/queries/comment-moderation';
import { commentRow, reportRows } from '@/tests/support/comments';
import { insertModerationScene, logState, readableLogRows, type ModerationScene } from '@/tests/support/moderation';
import { createTempDb, type TempDb } from '@/tests/support/temp-db';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHILD = path.join(ROOT, 'tests', 'support', 'hide-race-child.ts');

let temp: TempDb;
let scene: ModerationScene;

beforeEach(() => {
  temp = createTempDb();
  scene = insertModerationScene(temp.db, 20);
});
afterEach(() => temp.cleanup());

type ChildResult = { code: number | null; stdout: string; stderr: string };
type HideAnswer = { ok: boolean; code?: string; message?: string };

const RACERS = () => [
  { id: scene.ids.moderator, email: 'moderator@example.com', role: 'moderator' },
  { id: scene.ids.owner, email: 'owner@example.com', role: 'owner' },
];

/**
 * Starts one hide-race-child per racer, each to hide `commentIds` in turn at version 1, waits until
 * both have opened the database, then lets them go at once. Answers each racer's results.
 */
async function hideFromTwoProcesses(commentIds: number[]): Promise<HideAnswer[][]> {
  const children = RACERS().map((racer) =>
    spawn(process.execPath, ['--import', 'tsx', CHILD, temp.file, String(racer.id), '1', ...commentIds.map(String)], { cwd: ROOT }),
  );
  const results = children.map((child, index) => {
    const result: ChildResult = { code: null, stdout: '', stderr: '' };
    child.stdout.on('data', (chunk) => (result.stdout += chunk));
    child.stderr.on('data', (chunk) => (result.stderr += chunk));
    const closed = new Promise<void>((resolve) => child.on('close', (code) => ((result.code = code), resolve())));
    const ready = new Promise<void>((resolve, reject) => {
      child.stdout.on('data', () => (result.stdout.includes('ready\n') ? resolve() : undefined));
      child.on('close', () => reject(new Error(`child ${index} exited before it was ready: ${result.stderr}`)));
    });
    return { result, closed, ready };
  });
  await Promise.all(results.map((r) => r.ready));
  for (const child of children) child.stdin.end('go\n');
  await Promise.all(results.map((r) => r.closed));
  return results.map(({ result }) => {
    expect(result, result.stderr).toMatchObject({ code: 0 });
    return JSON.parse(result.stdout.split('\n')[1]!) as HideAnswer[];
  });
}

/** Which racer won the hide of one comment, the other's answer being a CONFLICT that names the winner. */
function winnerOf(answers: HideAnswer[]) {
  const winners = RACERS().filter((_, index) => answers[index]!.ok);
  expect(winners).toHaveLength(1);
  const winner = winners[0]!;
  expect(answers.find((answer) => !answer.ok)).toEqual({
    ok: false,
    code: 'CONFLICT',
    message: expect.stringMatching(new RegExp(`^Hidden by ${winner.email} (just now|\\d+ s ago), after you loaded this reply\\.`)),
  });
  return winner;
}

describe('two hides racing on the same version', () => {
  it('one succeeds, the other gets CONFLICT naming the winner, and one log row is written', async () => {
    const [mo, olive] = await hideFromTwoProcesses([scene.reply]);
    const winner = winnerOf([mo![0]!, olive![0]!]);
    expect([...mo!, ...olive!].find((answer) => answer.ok)).toEqual({ ok: true, moderation: readCommentModeration(temp.db, scene.reply) });

    const row = commentRow(temp.db, scene.reply)!;
    expect(row).toMatchObject({ status: 'hidden', version: 2, hidden_reason: 'spam', hidden_by_id: winner.id });
    const logged = readableLogRows(temp.db);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      action: 'comment_hidden',
      actor_id: winner.id,
      actor_name: winner.email,
      actor_role: winner.role,
      target_id: scene.reply,
      request_id: `req-race-${winner.id}`,
      previous_state: logState(row.body, { open_reports: 2 }),
      new_state: logState(row.body, { version: 2, status: 'hidden', hidden_reason: 'spam' }),
    });
    expect(verifyLogChain(temp.db)).toMatchObject({ ok: true, rows: 1 });
    // The open reports were closed once, by the winner.
    expect(reportRows(temp.db).filter((report) => report.resolution === 'hidden').map((report) => report.resolved_by_id)).toEqual([winner.id, winner.id]);
  });

  it('twenty replies in a row, both racing through them: each hidden once, by the one that says so, with one log row', async () => {
    const targets = scene.article.commentIds;
    const [mo, olive] = await hideFromTwoProcesses(targets);
    const winners = targets.map((_, index) => winnerOf([mo![index]!, olive![index]!]));

    const logged = readableLogRows(temp.db);
    expect(logged).toHaveLength(targets.length);
    expect([...logged].sort((a, b) => a.target_id! - b.target_id!).map((row) => [row.target_id, row.actor_id, row.action])).toEqual(
      targets.map((id, index) => [id, winners[index]!.id, 'comment_hidden']),
    );
    for (const [index, id] of targets.entries()) {
      expect(commentRow(temp.db, id)).toMatchObject({ status: 'hidden', version: 2, hidden_by_id: winners[index]!.id });
    }
    expect(verifyLogChain(temp.db)).toMatchObject({ ok: true, rows: targets.length });
  });
});
