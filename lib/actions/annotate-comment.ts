'use server';
// "Add note" → annotateComment.
import 'server-only';
import { getDb } from '@/db/client';
import { getViewer } from '@/lib/auth/get-viewer';
import { annotateComment, type AnnotateCommentInput } from '@/lib/moderation/annotate-comment';

export async function annotateCommentAction(input: AnnotateCommentInput) {
  return annotateComment(getDb(), await getViewer(), input);
}
