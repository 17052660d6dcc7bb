// The load loop (lib/ops/load/action-load.ts) against a stand-in server: each kind of answer is sorted where the
// benchmark and the crash test look for it, and a request cut off without an answer counts as unanswered.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runActionLoad, type PlannedRequest } from '@/lib/ops/load/action-load';

/** What the stand-in server does with a request, named by its only argument. */
type Behaviour = 'ok' | 'refuse' | 'status500' | 'plain' | 'drop';

/** A React Flight answer whose row 1 holds the action's result, as Next.js sends it. */
const flight = (result: unknown) => `0:{"a":"$@1","f":"","b":"build"}\n1:${JSON.stringify(result)}\n`;

let server: http.Server;
let baseUrl: string;
const seen: { action: string | undefined; cookie: string | undefined; origin: string | undefined }[] = [];
/** Called as each request arrives, before it is answered. */
let arrived: (n: number) => void = () => {};

beforeAll(async () => {
  server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      seen.push({ action: request.headers['next-action'] as string | undefined, cookie: request.headers.cookie, origin: request.headers.origin });
      const [{ behaviour, n }] = JSON.parse(body) as [{ behaviour: Behaviour; n: number }];
      arrived(n);
      if (behaviour === 'drop') return void request.socket.destroy();
      if (behaviour === 'status500') return void response.writeHead(500).end('Internal Server Error');
      if (behaviour === 'plain') return void response.writeHead(200, { 'content-type': 'text/html' }).end('<html></html>');
      const result = behaviour === 'ok' ? { ok: true, n } : { ok: false, code: 'CONFLICT', message: 'Changed meanwhile.' };
      response.writeHead(200, { 'content-type': 'text/x-component' }).end(flight(result));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('runActionLoad', () => {
  it('sorts each answer: acknowledged, refused by code, a bad answer, or none at all', async () => {
    const behaviours: Behaviour[] = ['ok', 'refuse', 'ok', 'status500', 'plain', 'drop', 'ok'];
    const stop = new AbortController();
    const refused: string[] = [];
    let next = 0;
    const run = await runActionLoad({ baseUrl, page: '/articles/a', connections: 1, stop: stop.signal }, (): PlannedRequest<number> => {
      const n = next++;
      if (n === behaviours.length - 1) stop.abort();
      return {
        actionId: 'action-id',
        args: [{ behaviour: behaviours[n], n }],
        cookie: 'authjs.session-token=abc',
        acknowledge: (result) => result.n as number,
        refused: (code) => refused.push(code),
      };
    });
    expect(run.requests).toBe(7);
    expect(run.acknowledged).toEqual([0, 2, 6]);
    expect(run.refusals).toEqual({ CONFLICT: 1 });
    expect(refused).toEqual(['CONFLICT']);
    expect(run.badAnswers).toEqual({ 500: 1, 200: 1 });
    expect(Object.values(run.transportErrors)).toEqual([1]);
    expect(run.unanswered).toBe(3);
    expect(run.latenciesMs).toHaveLength(6);
    expect(seen.at(-1)).toEqual({ action: 'action-id', cookie: 'authjs.session-token=abc', origin: baseUrl });
  });

  it('stops every caller when told, counts what was in flight then, and still records its answers', async () => {
    const stop = new AbortController();
    // The stop comes while the server holds request 20, so that one at least is in flight.
    arrived = (n) => {
      if (n === 20) stop.abort();
    };
    let next = 0;
    const run = await runActionLoad({ baseUrl, page: '/articles/a', connections: 4, stop: stop.signal }, () => {
      next += 1;
      return { actionId: 'action-id', args: [{ behaviour: 'ok', n: next }], cookie: null, acknowledge: () => null };
    });
    arrived = () => {};
    expect(run.inFlightAtStop).toBeGreaterThanOrEqual(1);
    expect(run.inFlightAtStop).toBeLessThanOrEqual(4);
    expect(run.requests).toBeGreaterThanOrEqual(20);
    expect(run.requests).toBeLessThan(24);
    expect(run.acknowledged).toHaveLength(run.requests);
    expect(run.unanswered).toBe(0);
    expect(seen.at(-1)!.cookie).toBeUndefined();
  });
});
