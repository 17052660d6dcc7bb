// The figures a load run is judged by: throughput, latency percentiles and every kind of error, counted.
import 'server-only';
import { nearestRankPercentile } from '@/lib/shared/percentile';
import type { LoadRun } from './action-load';

export type LoadSummary = {
  requests: number;
  seconds: number;
  /** Answered requests a second, refusals included: each one did the server's full work. */
  requestsPerSecond: number;
  acknowledged: number;
  acknowledgedPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  refusals: Record<string, number>;
  badAnswers: Record<string, number>;
  transportErrors: Record<string, number>;
  /** Refusals aside: answers that were not a result, plus no answer at all. */
  errors: number;
  inFlightAtStop: number;
  unanswered: number;
  /** The client's CPU time per answered request, in milliseconds. */
  clientCpuMsPerRequest: number;
};

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((total, n) => total + n, 0);
const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

export function summarizeLoad(result: LoadRun<unknown>): LoadSummary {
  const sorted = [...result.latenciesMs].sort((a, b) => a - b);
  // No answer at all reads as 0 ms, as the maximum does.
  const latency = (percent: number) => nearestRankPercentile(sorted, percent) ?? 0;
  const seconds = result.elapsedMs / 1000;
  const perSecond = (n: number) => (seconds > 0 ? Math.round(n / seconds) : 0);
  return {
    requests: result.requests,
    seconds: round(seconds, 2),
    requestsPerSecond: perSecond(result.latenciesMs.length),
    acknowledged: result.acknowledged.length,
    acknowledgedPerSecond: perSecond(result.acknowledged.length),
    latencyMs: {
      p50: round(latency(50), 1),
      p95: round(latency(95), 1),
      p99: round(latency(99), 1),
      max: round(sorted.at(-1) ?? 0, 1),
    },
    refusals: result.refusals,
    badAnswers: result.badAnswers,
    transportErrors: result.transportErrors,
    errors: sum(result.badAnswers) + sum(result.transportErrors),
    inFlightAtStop: result.inFlightAtStop,
    unanswered: result.unanswered,
    clientCpuMsPerRequest: result.latenciesMs.length > 0 ? round(result.clientCpuMs / result.latenciesMs.length, 3) : 0,
  };
}

/** One line for a terminal: `1234 req/s, p50 5.1 ms, p95 … (N acknowledged, refusals {…}, errors N)`. */
export function formatLoadSummary(summary: LoadSummary): string {
  const { p50, p95, p99 } = summary.latencyMs;
  const refusals = Object.entries(summary.refusals).map(([code, n]) => `${code} ${n}`).join(', ') || 'none';
  return `${summary.requestsPerSecond} req/s over ${summary.seconds} s (${summary.requests} requests), p50 ${p50} ms, p95 ${p95} ms, p99 ${p99} ms; `
    + `${summary.acknowledged} acknowledged; refusals: ${refusals}; errors: ${summary.errors}`;
}
