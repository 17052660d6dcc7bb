'use server';
// "Send report" → reportComment.
import 'server-only';
import { getDb } from '@/db/client';
import { getViewer } from '@/lib/auth/get-viewer';
import { reportComment, type ReportCommentInput } from '@/lib/reports/report-comment';

export async function reportCommentAction(input: ReportCommentInput) {
  return reportComment(getDb(), await getViewer(), input);
}
