'use server';
// "Dismiss reports" → dismissReports.
import 'server-only';
import { getDb } from '@/db/client';
import { getViewer } from '@/lib/auth/get-viewer';
import { dismissReports, type DismissReportsInput } from '@/lib/moderation/dismiss-reports';

export async function dismissReportsAction(input: DismissReportsInput) {
  return dismissReports(getDb(), await getViewer(), input);
}
