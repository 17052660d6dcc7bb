'use server';
// A reader's actions on replies: "Post comment" / "Post reply", "Save" on an edit, "Delete" on their own, "Send report".
// Each lib function validates its input and answers with a typed result.
import 'server-only';
import { getDb } from '@/db/client';
import { getViewer } from '@/lib/auth/get-viewer';
import { deleteComment, type DeleteCommentInput } from '@/lib/comments/delete-comment';
import { editComment, type EditCommentInput } from '@/lib/comments/edit-comment';
import { postComment, type PostCommentInput } from '@/lib/comments/post-comment';
import { reportComment, type ReportCommentInput } from '@/lib/reports/report-comment';

export async function postCommentAction(input: PostCommentInput) {
  return postComment(getDb(), await getViewer(), input);
}

export async function editCommentAction(input: EditCommentInput) {
  return editComment(getDb(), await getViewer(), input);
}

export async function deleteCommentAction(input: DeleteCommentInput) {
  return deleteComment(getDb(), await getViewer(), input);
}

export async function reportCommentAction(input: ReportCommentInput) {
  return reportComment(getDb(), await getViewer(), input);
}
