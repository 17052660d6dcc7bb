// The only way pages, actions and route handlers learn who is calling: the session, re-read from the users row, once per request.
import 'server-only';
import { randomUUID } from 'node:crypto';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import type { UserViewer, Viewer } from '../shared/auth/actor';
import { readSession } from './read-session';

export const getViewer = cache(async (): Promise<Viewer> => {
  const requestId = randomUUID();
  // The account is read again from the database for this very request.
  const viewer = await readSession(await headers());
  return viewer ? { kind: 'user', ...viewer, requestId } : { kind: 'anonymous', requestId };
});

/** For pages that need a signed-in user: anyone else is sent to sign in and brought back to `returnTo`. */
export async function requireViewer(returnTo: string): Promise<UserViewer> {
  const viewer = await getViewer();
  if (viewer.kind === 'anonymous') redirect(`/signin?${new URLSearchParams({ callbackUrl: returnTo })}`);
  return viewer;
}
