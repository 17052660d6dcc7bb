'use server';
// "Hide reply" → hideComment.
import 'server-only';
import { getDb } from '@/db/client';
import { getViewer } from '@/lib/auth/get-viewer';
import { hideComment, type HideCommentInput } from '@/lib/moderation/hide-comment';

export async function hideCommentAction(input: HideCommentInput) {
  return hideComment(getDb(), await getViewer(), input);
}
