'use server';
// A moderator's verbs on one reply (one entry point for every verb in MODERATION_VERBS), the queue's bulk
// actions, and an owner's "Close comments" / "Reopen comments" on the article page.
import 'server-only';
import { getDb } from '@/db/client';
import { setCommentsOpen, type SetCommentsOpenInput } from '@/lib/articles/set-comments-open';
import { getViewer } from '@/lib/auth/get-viewer';
import { bulkModerate, type BulkModerationInput } from '@/lib/moderation/bulk-moderate';
import { moderateComment } from '@/lib/moderation/moderate-comment';
import type { TargetedModerationRequest } from '@/lib/shared/moderation/verbs';

export async function moderateCommentAction(request: TargetedModerationRequest) {
  return moderateComment(getDb(), await getViewer(), request);
}

export async function bulkModerateAction(input: BulkModerationInput) {
  return bulkModerate(getDb(), await getViewer(), input);
}

export async function setCommentsOpenAction(input: SetCommentsOpenInput) {
  return setCommentsOpen(getDb(), await getViewer(), input);
}
