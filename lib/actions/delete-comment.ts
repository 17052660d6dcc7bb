'use server';
// "Delete" on an author's own comment → deleteComment.
import 'server-only';
import { getDb } from '@/db/client';
import { getViewer } from '@/lib/auth/get-viewer';
import { deleteComment, type DeleteCommentInput } from '@/lib/comments/delete-comment';

export async function deleteCommentAction(input: DeleteCommentInput) {
  return deleteComment(getDb(), await getViewer(), input);
}
