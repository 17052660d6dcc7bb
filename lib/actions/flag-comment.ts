'use server';
// "Flag reply" → flagComment.
import 'server-only';
import { getDb } from '@/db/client';
import { getViewer } from '@/lib/auth/get-viewer';
import { flagComment, type FlagCommentInput } from '@/lib/moderation/flag-comment';

export async function flagCommentAction(input: FlagCommentInput) {
  return flagComment(getDb(), await getViewer(), input);
}
