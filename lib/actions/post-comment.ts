'use server';
// "Post comment" / "Post reply" → postComment, which validates the input and answers with a typed result.
import 'server-only';
import { getDb } from '@/db/client';
import { getViewer } from '@/lib/auth/get-viewer';
import { postComment, type PostCommentInput } from '@/lib/comments/post-comment';

export async function postCommentAction(input: PostCommentInput) {
  return postComment(getDb(), await getViewer(), input);
}
