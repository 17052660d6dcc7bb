'use server';
// "Save" on an author's edit → editComment.
import 'server-only';
import { getDb } from '@/db/client';
import { getViewer } from '@/lib/auth/get-viewer';
import { editComment, type EditCommentInput } from '@/lib/comments/edit-comment';

export async function editCommentAction(input: EditCommentInput) {
  return editComment(getDb(), await getViewer(), input);
}
