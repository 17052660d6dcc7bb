// The only way pages, actions and route handlers learn who is calling: the session, checked against the users row, once per request.
import 'server-only';
import { randomUUID } from 'node:crypto';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { readViewerRow } from '@/lib/queries/users';
import type { UserViewer, Viewer } from './actor';
import { auth } from './auth';

export const getViewer = cache(async (): Promise<Viewer> => {
  const requestId = randomUUID();
  const session = await auth();
  const id = Number(session?.user?.id);
  const row = Number.isSafeInteger(id) && id > 0 ? readViewerRow(getDb(), id) : undefined;
  return row ? { kind: 'user', ...row, requestId } : { kind: 'anonymous', requestId };
});

/** For pages that need a signed-in user: anyone else is sent to sign in and brought back to `returnTo`. */
export async function requireViewer(returnTo: string): Promise<UserViewer> {
  const viewer = await getViewer();
  if (viewer.kind === 'anonymous') redirect(`/signin?${new URLSearchParams({ callbackUrl: returnTo })}`);
  return viewer;
}
