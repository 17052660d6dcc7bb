'use server';
// "Unhide" → unhideComment.
import 'server-only';
import { getDb } from '@/db/client';
import { getViewer } from '@/lib/auth/get-viewer';
import { unhideComment, type UnhideCommentInput } from '@/lib/moderation/unhide-comment';

export async function unhideCommentAction(input: UnhideCommentInput) {
  return unhideComment(getDb(), await getViewer(), input);
}
