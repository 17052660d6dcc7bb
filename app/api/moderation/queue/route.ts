import type { NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { getViewer } from '@/lib/auth/get-viewer';
import { ERROR_STATUS, failureResponse } from '@/lib/http/error-status';
import { jsonError } from '@/lib/http/json-error';
import { queueReaderRefusal, readModerationQueueFor } from '@/lib/queries/moderation-queue';
import { parseQueueQuery } from '@/lib/shared/validation/queue-query';

/** One page of a moderation queue tab with every tab's count, and fresh cards for `include`; moderators and owners only. */
export async function GET(request: NextRequest) {
  const db = getDb();
  const viewer = await getViewer();
  const query = parseQueueQuery(request.nextUrl.searchParams);
  if (!query.success) {
    // Who may look comes first: a stranger learns nothing, not even which parameters are wrong.
    const refusal = queueReaderRefusal(db, viewer);
    return refusal ? failureResponse(refusal) : jsonError(ERROR_STATUS.INVALID_INPUT, 'invalid_query', query.message);
  }
  const answer = readModerationQueueFor(db, viewer, query.data);
  if (!answer.ok) return failureResponse(answer);
  // What a moderator sees is for them alone: never cached, never shared.
  return Response.json(answer.queue, { headers: { 'Cache-Control': 'private, no-store' } });
}
