// Calls a server action over HTTP exactly as the React client does: POST to a page with the action's id in `Next-Action`.
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';

/** The production build's action ids by exported name (`hideCommentAction` → '40…'), read from its manifest. */
export function readServerActionIds(buildDir = path.join(process.cwd(), '.next')): Record<string, string> {
  const manifestFile = path.join(buildDir, 'server', 'server-reference-manifest.json');
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { node: Record<string, { exportedName?: string }> };
  const ids: Record<string, string> = {};
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (!entry.exportedName) continue;
    if (ids[entry.exportedName] && ids[entry.exportedName] !== id) {
      throw new Error(`${entry.exportedName} has two action ids in ${manifestFile}`);
    }
    ids[entry.exportedName] = id;
  }
  // An action name the build lacks is a caller's mistake (an action renamed or merged): say so at once
  // rather than send `undefined` as the id and read the server's refusal as the answer.
  return new Proxy(ids, {
    get(target, name) {
      if (typeof name === 'string' && name.endsWith('Action') && !Object.hasOwn(target, name)) {
        throw new Error(`The build has no server action named ${name} (${manifestFile})`);
      }
      return Reflect.get(target, name);
    },
  });
}

export type ServerActionCall = {
  baseUrl: string;
  /** The page the UI calls the action from, e.g. `/articles/<slug>`. */
  page: string;
  actionId: string;
  /** The action's arguments; the React client sends plain objects as a JSON array. */
  args: unknown[];
  /** `authjs.session-token=…`, or null for an anonymous caller. */
  cookie: string | null;
  /** Defaults to the server's own origin, as a browser sends for a same-site form. */
  origin?: string | null;
  headers?: Record<string, string>;
};

export type ServerActionAnswer = {
  status: number;
  /** The value the action returned (`{ ok: true, … }` or `{ ok: false, code, message }`), or undefined when the answer had none. */
  result: unknown;
  body: string;
  headers: Headers;
};

export function serverActionRequest(call: ServerActionCall): Request {
  const origin = call.origin === undefined ? new URL(call.baseUrl).origin : call.origin;
  const headers: Record<string, string> = {
    accept: 'text/x-component',
    'content-type': 'text/plain;charset=UTF-8',
    'next-action': call.actionId,
    ...(origin === null ? {} : { origin }),
    ...(call.cookie === null ? {} : { cookie: call.cookie }),
    ...call.headers,
  };
  return new Request(new URL(call.page, call.baseUrl), { method: 'POST', headers, body: JSON.stringify(call.args), redirect: 'manual' });
}

export async function callServerAction(call: ServerActionCall): Promise<ServerActionAnswer> {
  const response = await fetch(serverActionRequest(call));
  const body = await response.text();
  return { status: response.status, result: actionResultOf(body), body, headers: response.headers };
}

/**
 * The action's return value in a React Flight answer: row 0 points at the row holding it
 * (`{"a":"$@1",…}`), and that row is plain JSON for the objects our actions return.
 */
export function actionResultOf(body: string): unknown {
  const rows = new Map<string, string>();
  for (const line of body.split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) rows.set(line.slice(0, colon), line.slice(colon + 1));
  }
  const head = rows.get('0');
  if (head === undefined) return undefined;
  const pointer = (JSON.parse(head) as { a?: unknown }).a;
  if (typeof pointer !== 'string' || !pointer.startsWith('$@')) return undefined;
  const row = rows.get(pointer.slice(2));
  if (row === undefined || !row.startsWith('{')) return undefined;
  return JSON.parse(row);
}
