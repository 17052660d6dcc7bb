// Form actions over HTTP as React's client sends them (multipart, the form's fields under the argument's id), and plain answers read once.
import { actionResultOf, type ServerActionAnswer } from '@/lib/ops/http-client/server-actions';

export type FormActionCall = {
  baseUrl: string;
  page: string;
  actionId: string;
  /** useActionState's state before the submission; the forms' initial `{ ok: null }` unless given. */
  previousState?: unknown;
  fields: Record<string, string>;
  cookie: string | null;
  /** Defaults to the server's own origin; null sends none. */
  origin?: string | null;
  headers?: Record<string, string>;
};

/**
 * React's encodeReply of `[previousState, formData]`: the arguments as JSON under "0", the form
 * referenced there as "$K1" and its fields sent as "_1_<name>" parts, so the body is multipart form data.
 * The hidden `$ACTION_*` inputs React renders into the form for submissions without JavaScript are
 * left out: with JavaScript the server never reads them (action-request-shape.spec.ts checks the rest is the UI's).
 */
export function formActionBody(call: Pick<FormActionCall, 'previousState' | 'fields'>): FormData {
  const body = new FormData();
  for (const [name, value] of Object.entries(call.fields)) body.append(`_1_${name}`, value);
  body.append('0', JSON.stringify(['previousState' in call ? call.previousState : { ok: null }, '$K1']));
  return body;
}

export function formActionRequest(call: FormActionCall): Request {
  const origin = call.origin === undefined ? new URL(call.baseUrl).origin : call.origin;
  const headers: Record<string, string> = {
    accept: 'text/x-component',
    'next-action': call.actionId,
    ...(origin === null ? {} : { origin }),
    ...(call.cookie === null ? {} : { cookie: call.cookie }),
    ...call.headers,
  };
  return new Request(new URL(call.page, call.baseUrl), { method: 'POST', headers, body: formActionBody(call), redirect: 'manual' });
}

/** Sends a request and reads its answer once, with the action's result when there is one. */
export async function send(request: Request): Promise<ServerActionAnswer> {
  const response = await fetch(request);
  const body = await response.text();
  let result: unknown;
  try {
    result = actionResultOf(body);
  } catch {
    result = undefined;
  }
  return { status: response.status, result, body, headers: response.headers };
}

export function callFormAction(call: FormActionCall): Promise<ServerActionAnswer> {
  return send(formActionRequest(call));
}
