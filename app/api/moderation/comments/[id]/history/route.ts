import type { NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { getViewer } from '@/lib/auth/get-viewer';
import { ERROR_STATUS, failureResponse } from '@/lib/http/error-status';
import { jsonError } from '@/lib/http/json-error';
import { readCommentHistoryFor } from '@/lib/queries/comment-history';
import { parseCommentId } from '@/lib/shared/validation/comment-id-param';

/** A reply's moderation-log rows and edit revisions, newest first, for moderators only. */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const commentId = parseCommentId((await params).id);
  if (commentId === null) return jsonError(ERROR_STATUS.INVALID_INPUT, 'invalid_comment_id', 'The comment id must be a whole number above 0.');
  const result = readCommentHistoryFor(getDb(), await getViewer(), commentId);
  if (!result.ok) return failureResponse(result);
  // Internal notes and earlier texts: for this moderator's eyes, never stored by a cache.
  return Response.json(result.history, { headers: { 'Cache-Control': 'private, no-store' } });
}
