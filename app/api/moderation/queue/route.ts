import type { NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { getViewer } from '@/lib/auth/get-viewer';
import { jsonError } from '@/lib/http/json-error';
import { readModerationQueueFor } from '@/lib/queries/moderation-queue';
import { parseQueueQuery } from '@/lib/validation/queue-query';

const REFUSAL_STATUS = { UNAUTHENTICATED: 401, FORBIDDEN: 403 } as const;

/** One page of a moderation queue tab with every tab's count, and fresh cards for `include`; moderators and owners only. */
export async function GET(request: NextRequest) {
  const viewer = await getViewer();
  const query = parseQueueQuery(request.nextUrl.searchParams);
  const db = getDb();
  // Who may look is decided before the query string is judged: a stranger learns nothing either way.
  if (!query.success) {
    const refused = readModerationQueueFor(db, viewer, { tab: 'reported', articleId: null, after: null, include: [] });
    if (!refused.ok) return jsonError(REFUSAL_STATUS[refused.code as keyof typeof REFUSAL_STATUS] ?? 403, refused.code.toLowerCase(), refused.message);
    return jsonError(400, 'invalid_query', query.message);
  }
  const answer = readModerationQueueFor(db, viewer, query.data);
  if (!answer.ok) return jsonError(REFUSAL_STATUS[answer.code as keyof typeof REFUSAL_STATUS] ?? 403, answer.code.toLowerCase(), answer.message);
  // What a moderator sees is for them alone: never cached, never shared.
  return Response.json(answer.queue, { headers: { 'Cache-Control': 'private, no-store' } });
}
