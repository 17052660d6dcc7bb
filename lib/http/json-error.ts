// The one shape of an API error: `{ error: { code, message } }`, never a stack trace.
import 'server-only';

export function jsonError(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status, headers: { 'Cache-Control': 'no-store' } });
}

