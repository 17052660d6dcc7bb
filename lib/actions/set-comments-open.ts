'use server';
// An owner's "Close comments" / "Reopen comments" on the article page → setCommentsOpen.
import 'server-only';
import { getDb } from '@/db/client';
import { setCommentsOpen, type SetCommentsOpenInput } from '@/lib/articles/set-comments-open';
import { getViewer } from '@/lib/auth/get-viewer';

export async function setCommentsOpenAction(input: SetCommentsOpenInput) {
  return setCommentsOpen(getDb(), await getViewer(), input);
}
