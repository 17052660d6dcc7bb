// Times GET requests one after another over one keep-alive connection: median and p95 of the time to the last byte.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { nearestRankPercentile } from '@/lib/shared/percentile';

export type GetTimings = { path: string; requests: number; status: number; bytes: number; medianMs: number; p95Ms: number; maxMs: number };

const round = (value: number) => Math.round(value * 100) / 100;

/** `warmup` untimed requests, then `requests` timed ones; throws unless every answer is 200. */
export async function timeGets(baseUrl: string, path: string, cookie: string, requests: number, warmup = 20): Promise<GetTimings> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const url = new URL(path, baseUrl);
  const get = () => new Promise<{ status: number; bytes: number; ms: number }>((resolve, reject) => {
    const started = performance.now();
    const request = http.get(url, { agent, headers: { cookie } }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, bytes, ms: performance.now() - started }));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
  try {
    const times: number[] = [];
    let last = { status: 0, bytes: 0 };
    for (let i = 0; i < warmup + requests; i++) {
      const answer = await get();
      if (answer.status !== 200) throw new Error(`GET ${path} answered ${answer.status}`);
      if (i >= warmup) times.push(answer.ms);
      last = answer;
    }
    times.sort((a, b) => a - b);
    return {
      path,
      requests,
      status: last.status,
      bytes: last.bytes,
      medianMs: round(nearestRankPercentile(times, 50)!),
      p95Ms: round(nearestRankPercentile(times, 95)!),
      maxMs: round(times.at(-1)!),
    };
  } finally {
    agent.destroy();
  }
}
