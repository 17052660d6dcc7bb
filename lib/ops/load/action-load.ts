// The loop every HTTP load shares: concurrent callers sending planned server-action requests until told to stop,
// each answer sorted into acknowledged, refused, a bad answer or none at all, and timed.
import 'server-only';
import { performance } from 'node:perf_hooks';
import { createActionClient } from './keep-alive-action-client';

export type LoadStopOptions = {
  connections: number;
  /** Stops after this long; give `stop` instead (or as well) to end it from outside. */
  durationMs?: number;
  stop?: AbortSignal;
  /** Gives up a request after this long without an answer. */
  timeoutMs?: number;
};

export type ActionLoadOptions = LoadStopOptions & { baseUrl: string; page: string };

/** One request to send, and what to make of its answer. */
export type PlannedRequest<A> = {
  actionId: string;
  args: unknown[];
  cookie: string | null;
  /** The acknowledgement to record for `{ ok: true, … }`. */
  acknowledge: (result: Record<string, unknown>) => A;
  /** Called with the code of `{ ok: false, code }`, after it is tallied. */
  refused?: (code: string) => void;
};

export type LoadRun<A> = {
  /** From the first request to the last answer. */
  elapsedMs: number;
  requests: number;
  acknowledged: A[];
  /** Typed refusals (`{ ok: false, code }`) by code. */
  refusals: Record<string, number>;
  /** Answers that were not 200, and 200s without an action result, by status. */
  badAnswers: Record<string, number>;
  /** Requests that got no answer (connection refused, reset, timed out), by error. */
  transportErrors: Record<string, number>;
  /** Requests sent but not answered when the load was told to stop. */
  inFlightAtStop: number;
  /** Requests whose outcome is unknown (no answer or not a readable one): each may or may not have changed the database. */
  unanswered: number;
  /** Each answered request's time, in milliseconds. */
  latenciesMs: number[];
  /** CPU time this process used meanwhile (user and system): the client's share of a machine it shares with the server. */
  clientCpuMs: number;
};

/** The pause after a request that got no answer: a server that is gone refuses at once, and a tight loop would burn the CPU it shares. */
const TRANSPORT_RETRY_MS = 20;

const tally = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

type ActionResult = { ok: true } & Record<string, unknown> | { ok: false; code: string };

function isActionResult(result: unknown): result is ActionResult {
  return typeof result === 'object' && result !== null && typeof (result as { ok?: unknown }).ok === 'boolean';
}

/** Runs `connections` callers, each sending `plan()`'s next request as soon as its last is answered, until stopped. */
export async function runActionLoad<A>(options: ActionLoadOptions, plan: () => PlannedRequest<A>): Promise<LoadRun<A>> {
  if (options.durationMs === undefined && options.stop === undefined) throw new Error('give durationMs, stop or both');
  const client = createActionClient(options);
  const run: LoadRun<A> = {
    elapsedMs: 0, requests: 0, acknowledged: [], refusals: {}, badAnswers: {}, transportErrors: {}, inFlightAtStop: 0, unanswered: 0, latenciesMs: [], clientCpuMs: 0,
  };
  let stopped = false;
  let inFlight = 0;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    run.inFlightAtStop = inFlight;
  };
  const timer = options.durationMs === undefined ? null : setTimeout(stop, options.durationMs);
  if (options.stop?.aborted) stop();
  options.stop?.addEventListener('abort', stop, { once: true });

  const caller = async () => {
    while (!stopped) {
      const request = plan();
      run.requests += 1;
      inFlight += 1;
      const started = performance.now();
      const answer = await client.send(request.actionId, request.args, request.cookie);
      inFlight -= 1;
      if (!answer.answered) {
        tally(run.transportErrors, answer.error);
        run.unanswered += 1;
        await new Promise((resolve) => setTimeout(resolve, TRANSPORT_RETRY_MS));
        continue;
      }
      run.latenciesMs.push(performance.now() - started);
      const result = answer.result;
      if (answer.status !== 200 || !isActionResult(result)) {
        tally(run.badAnswers, String(answer.status));
        run.unanswered += 1;
      } else if (result.ok) {
        run.acknowledged.push(request.acknowledge(result));
      } else {
        tally(run.refusals, result.code);
        request.refused?.(result.code);
      }
    }
  };

  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  try {
    await Promise.all(Array.from({ length: options.connections }, caller));
  } finally {
    if (timer) clearTimeout(timer);
    options.stop?.removeEventListener('abort', stop);
    client.close();
  }
  run.elapsedMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  run.clientCpuMs = (cpu.user + cpu.system) / 1000;
  return run;
}
