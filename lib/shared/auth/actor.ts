// Who is calling: an anonymous visitor, a signed-in user, or the system (command line). Pure types.
import type { Role } from '@/db/schema';

export type AnonymousViewer = { kind: 'anonymous'; requestId: string };

export type UserViewer = {
  kind: 'user';
  id: number;
  email: string;
  displayName: string;
  role: Role;
  banned: boolean;
  banReason: string | null;
  requestId: string;
};

export type Viewer = AnonymousViewer | UserViewer;

/** The command line acts as the system: whoever can run it already holds the database file. */
export type SystemActor = { kind: 'system'; name: string; requestId: string };

export type Actor = Viewer | SystemActor;
