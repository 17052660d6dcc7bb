// Model-based test of the moderation state machine: random sequences of posts, edits, deletions, reports, moderator
// actions, role changes and bans by random callers run against the real data layer on a SQLite file, while a model
// written from the rules predicts each answer. After every step the answer, every row the machine owns and the log
// agree with the model, and the log's chain verifies. FC_SEED replays another seed; a failure prints its seed and path.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { verifyLogChain } from '@/lib/ops/log-verify/verify-log-chain';
import { lastLogId, logRows } from '@/tests/support/accounts';
import { NOW } from '@/tests/support/comments';
import { sequenceArbitrary, type Step } from '@/tests/support/model/model-commands';
import type { ModelContext, Outcome } from '@/tests/support/model/model-context';
import { insertModelScene, type ModelScene } from '@/tests/support/model/model-scene';
import { predictStep } from '@/tests/support/model/predict-step';
import { resolveStep, type Call } from '@/tests/support/model/resolve-step';
import { runStep } from '@/tests/support/model/run-step';
import { observeWorld } from '@/tests/support/model/world-state';
import { createTempDb } from '@/tests/support/temp-db';

const SEED = Number(process.env.FC_SEED ?? 20261122);
const RUNS = Number(process.env.FC_RUNS ?? 60);
/** Single steps or bursts of posts or edits: about 60 steps at most. */
const MAX_CHUNKS = 45;

/** Answers seen across all runs, by step kind, to show (and check) that the sequences reach every rule. */
const seen = new Map<string, Map<string, number>>();

function record(kind: string, outcome: Outcome): void {
  const answers = seen.get(kind) ?? new Map<string, number>();
  const answer = outcome.ok ? 'ok' : outcome.code;
  answers.set(answer, (answers.get(answer) ?? 0) + 1);
  seen.set(kind, answers);
}

/** The step as sent, long texts cut short so that the message stays readable. */
function describeCall({ step, input }: Call): string {
  const short = (_key: string, value: unknown) =>
    typeof value === 'string' && value.length > 40 ? `${value.slice(0, 12)}…(${value.length} chars)` : value;
  return `${step.actor} ${step.kind} ${JSON.stringify(input, short)}`;
}

/** The log row a done step writes: its action, what it is about and who did it (null for the command line). */
function expectedLogRows(scene: ModelScene, call: Call, outcome: Outcome) {
  if (!outcome.ok || outcome.logged === null) return [];
  const aboutUser = 'userId' in call.input;
  const actor = call.step.actor;
  return [{
    action: outcome.logged,
    target_type: aboutUser ? 'user' : 'comment',
    target_id: aboutUser ? call.input.userId : call.input.commentId,
    actor_id: actor === 'system' || actor === 'anonymous' ? null : scene.userIds[actor],
  }];
}

function runSequence(steps: Step[]): void {
  const temp = createTempDb();
  try {
    const scene = insertModelScene(temp.db);
    const model: ModelContext = { scene, state: observeWorld(temp.db), now: NOW };
    steps.forEach((step, index) => {
      const call = resolveStep(model, step);
      const where = `step ${index + 1} of ${steps.length} (${describeCall(call)})`;
      const logBefore = lastLogId(temp.db);
      const expected = predictStep(model, call);
      const result = runStep(temp.db, scene, call);
      record(step.kind, expected);

      expect(result.ok ? { ok: true } : { ok: false, code: result.code }, `${where}: the answer`)
        .toEqual(expected.ok ? { ok: true } : { ok: false, code: expected.code });
      if (!result.ok) expect(result.message, `${where}: the refusal says why`).not.toBe('');
      expect(observeWorld(temp.db), `${where}: the rows`).toEqual(model.state);
      const written = logRows(temp.db, logBefore).map(({ action, target_type, target_id, actor_id }) => ({ action, target_type, target_id, actor_id }));
      expect(written, `${where}: the log rows it wrote`).toEqual(expectedLogRows(scene, call, expected));
      expect(verifyLogChain(temp.db), `${where}: the chain`).toMatchObject({ ok: true, rows: lastLogId(temp.db) });
      expect(model.state.users.some((user) => user.role === 'owner' && !user.banned), `${where}: someone is still in charge`).toBe(true);
    });
  } finally {
    temp.cleanup();
  }
}

it(`keeps the database equal to the model through random moderation sequences (seed ${SEED}, ${RUNS} runs)`, () => {
  // Shrinking a long failing sequence can take a minute; past 100 s fast-check stops and reports the smallest failure so far.
  fc.assert(fc.property(sequenceArbitrary(MAX_CHUNKS), runSequence), { seed: SEED, numRuns: RUNS, interruptAfterTimeLimit: 100_000 });

  const table = [...seen].map(([kind, answers]) => `${kind}: ${[...answers].map(([answer, n]) => `${answer} ${n}`).join(', ')}`);
  console.log(`moderation model, seed ${SEED}:\n  ${table.join('\n  ')}`);
  // Every kind of step both went through and was refused, or the sequences are too tame to prove much.
  for (const [kind, answers] of seen) {
    expect(answers.get('ok') ?? 0, `${kind} never succeeded`).toBeGreaterThan(0);
    expect([...answers.keys()].filter((answer) => answer !== 'ok').length, `${kind} was never refused`).toBeGreaterThan(0);
  }
  expect(seen.size).toBe(14);
}, 180_000);
