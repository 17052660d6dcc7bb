'use server';
// The queue's "Flag selected", "Hide selected" and "Dismiss reports on selected" → bulkModerate.
import 'server-only';
import { getDb } from '@/db/client';
import { getViewer } from '@/lib/auth/get-viewer';
import { bulkModerate, type BulkModerationInput } from '@/lib/moderation/bulk-moderate';

export async function bulkModerateAction(input: BulkModerationInput) {
  return bulkModerate(getDb(), await getViewer(), input);
}
