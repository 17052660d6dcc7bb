// The one shape of an API error: `{ error: { code, message } }`, never a stack trace.
import 'server-only';
import type { Failure } from '@/lib/shared/result';

export function jsonError(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status, headers: { 'Cache-Control': 'no-store' } });
}

/** Who may not call an endpoint: 401 for anonymous callers, 403 for everyone else. */
export function accessRefused(failure: Failure): Response {
  return jsonError(failure.code === 'UNAUTHENTICATED' ? 401 : 403, failure.code.toLowerCase(), failure.message);
}
