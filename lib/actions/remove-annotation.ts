'use server';
// "Remove note" → removeAnnotation.
import 'server-only';
import { getDb } from '@/db/client';
import { getViewer } from '@/lib/auth/get-viewer';
import { removeAnnotation, type RemoveAnnotationInput } from '@/lib/moderation/remove-annotation';

export async function removeAnnotationAction(input: RemoveAnnotationInput) {
  return removeAnnotation(getDb(), await getViewer(), input);
}
