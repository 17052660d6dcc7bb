'use server';
// "Clear flag" → unflagComment.
import 'server-only';
import { getDb } from '@/db/client';
import { getViewer } from '@/lib/auth/get-viewer';
import { unflagComment, type UnflagCommentInput } from '@/lib/moderation/unflag-comment';

export async function unflagCommentAction(input: UnflagCommentInput) {
  return unflagComment(getDb(), await getViewer(), input);
}
