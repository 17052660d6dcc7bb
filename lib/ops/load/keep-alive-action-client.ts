// Sends server actions over a pool of keep-alive connections, cheaply enough for a load driver to share two cores with the server.
import 'server-only';
import http from 'node:http';
import { actionResultOf, serverActionRequest } from '../http-client/server-actions';

/** What came back: an HTTP answer with the action's result, or no answer at all (`error` says why). */
export type ActionAnswer =
  | { answered: true; status: number; result: unknown }
  | { answered: false; error: string };

export type ActionClient = {
  /** POSTs `args` to the action as the React client does (headers from serverActionRequest), as `cookie`. */
  send(actionId: string, args: unknown[], cookie: string | null): Promise<ActionAnswer>;
  /** Closes the idle connections; call once every send has settled. */
  close(): void;
};

export type ActionClientOptions = {
  baseUrl: string;
  /** The page the actions are called from, e.g. `/articles/<slug>`. */
  page: string;
  /** The most connections open at once; one per concurrent caller keeps every request on a warm socket. */
  connections: number;
  /** A request with no answer by then is given up (and counted as unanswered). */
  timeoutMs?: number;
};

export function createActionClient(options: ActionClientOptions): ActionClient {
  const url = new URL(options.page, options.baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const timeoutMs = options.timeoutMs ?? 30_000;
  // The headers depend only on the action and the caller, so each pair's are built once by the shared helper.
  const headerCache = new Map<string, http.OutgoingHttpHeaders>();
  const headersFor = (actionId: string, cookie: string | null): http.OutgoingHttpHeaders => {
    const key = `${actionId}\n${cookie ?? ''}`;
    let headers = headerCache.get(key);
    if (!headers) {
      const request = serverActionRequest({ baseUrl: options.baseUrl, page: options.page, actionId, args: [], cookie });
      headers = Object.fromEntries(request.headers.entries());
      headerCache.set(key, headers);
    }
    return headers;
  };

  return {
    send(actionId, args, cookie) {
      const body = Buffer.from(JSON.stringify(args), 'utf8');
      return new Promise((resolve) => {
        const request = http.request(url, {
          method: 'POST',
          agent,
          headers: { ...headersFor(actionId, cookie), 'content-length': body.length },
          timeout: timeoutMs,
        }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let result: unknown;
            try {
              result = actionResultOf(text);
            } catch {
              result = undefined;
            }
            resolve({ answered: true, status: response.statusCode ?? 0, result });
          });
          // A server killed mid-answer: the status came, but not the whole answer.
          response.on('error', (error) => resolve({ answered: false, error: error.message }));
          response.on('close', () => {
            if (!response.complete) resolve({ answered: false, error: 'the connection closed mid-answer' });
          });
        });
        request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
        request.on('error', (error: NodeJS.ErrnoException) => resolve({ answered: false, error: error.code ?? error.message }));
        request.end(body);
      });
    },
    close() {
      agent.destroy();
    },
  };
}
