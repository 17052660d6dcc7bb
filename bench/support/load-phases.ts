// Runs a load at each number of connections in turn and records, per phase, the driver's summary, the server's CPU per request and how busy the machine was.
import type { LoadRun } from '@/lib/ops/load/action-load';
import { formatLoadSummary, summarizeLoad, type LoadSummary } from '@/lib/ops/load/load-summary';
import { processTreeCpuMs } from './process-cpu';
import { loadAverage } from './run-info';

export type Phase = {
  connections: number;
  summary: LoadSummary;
  /** CPU time of the server's processes per answered request: what the machine's two cores must supply for each. */
  serverCpuMsPerRequest: number;
  loadAverageBefore: number;
  loadAverageAfter: number;
};

/** `run(connections)` for each entry of `connections`, one after the other, each printed as it ends. */
export async function runPhases(connections: readonly number[], serverPid: number, run: (connections: number) => Promise<LoadRun<unknown>>): Promise<Phase[]> {
  const phases: Phase[] = [];
  for (const count of connections) {
    const loadAverageBefore = loadAverage();
    const cpuBefore = processTreeCpuMs(serverPid);
    const result = await run(count);
    const cpuMs = processTreeCpuMs(serverPid) - cpuBefore;
    const phase: Phase = {
      connections: count,
      summary: summarizeLoad(result),
      serverCpuMsPerRequest: Math.round((cpuMs / Math.max(1, result.latenciesMs.length)) * 1000) / 1000,
      loadAverageBefore,
      loadAverageAfter: loadAverage(),
    };
    phases.push(phase);
    console.log(`${String(count).padStart(3)} connections: ${formatLoadSummary(phase.summary)}; `
      + `server CPU ${phase.serverCpuMsPerRequest} ms/request; load average ${loadAverageBefore} -> ${phase.loadAverageAfter}`);
  }
  return phases;
}

export type PhaseSettings = { connections: readonly number[]; seconds: number; warmupSeconds: number };

/**
 * An untimed warm-up at the fewest connections, then `runPhases`. Every run's acknowledged answers and
 * unanswered requests are gathered, the warm-up's included: the checks afterwards hold the database
 * to all of them.
 */
export async function runWarmupAndPhases<A>(
  settings: PhaseSettings,
  serverPid: number,
  load: (connections: number, durationMs: number) => Promise<LoadRun<A>>,
): Promise<{ phases: Phase[]; acknowledged: A[]; unanswered: number }> {
  const acknowledged: A[] = [];
  let unanswered = 0;
  const gather = async (connections: number, seconds: number) => {
    const result = await load(connections, seconds * 1000);
    acknowledged.push(...result.acknowledged);
    unanswered += result.unanswered;
    return result;
  };
  if (settings.warmupSeconds > 0) {
    process.stderr.write(`warming up for ${settings.warmupSeconds} s...\n`);
    await gather(Math.min(...settings.connections), settings.warmupSeconds);
  }
  const phases = await runPhases(settings.connections, serverPid, (connections) => gather(connections, settings.seconds));
  return { phases, acknowledged, unanswered };
}
