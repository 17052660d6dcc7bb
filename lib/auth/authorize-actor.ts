// Re-reads the caller inside the transaction and checks one permission, so a demotion or ban made a moment ago already counts.
import 'server-only';
import type { Tx } from '@/db/client';
import { prepared } from '@/db/prepared';
import type { ActorRole, Role } from '@/db/schema';
import { fail, type Failure } from '@/lib/shared/result';
import type { Actor, SystemActor, UserViewer } from '../shared/auth/actor';
import { can, type Permission } from '../shared/auth/permissions';

/** The caller as the log records them: their id, email and role at this moment. */
export type LogActor = { id: number | null; name: string; role: ActorRole };

export type AuthorizedActor = { actor: UserViewer | SystemActor; logActor: LogActor };

const REFUSALS: Record<Permission, string> = {
  'comment.post': 'You cannot post comments.',
  'comment.report': 'You cannot report comments.',
  'comment.moderate': 'Only moderators and owners can moderate comments.',
  'moderation.log.view': 'Only moderators and owners can read the moderation log.',
  'moderation.log.export': 'Only owners can export the moderation log.',
  'moderation.log.summary': 'Only owners can read the transparency summary.',
  'article.close': 'Only owners can open or close comments.',
  'users.manage': 'Only owners can manage users.',
};

type CallerRow = { id: number; email: string; displayName: string; role: Role; bannedAt: string | null; banReason: string | null };

export function authorizeActor(tx: Tx, actor: Actor, permission: Permission): AuthorizedActor | Failure {
  if (actor.kind === 'system') return { actor, logActor: { id: null, name: actor.name, role: 'system' } };
  if (actor.kind === 'anonymous') return fail('UNAUTHENTICATED', 'Sign in first.');
  const row = prepared(tx, `SELECT id, email, display_name AS displayName, role, banned_at AS bannedAt, ban_reason AS banReason
    FROM users WHERE id = ?`).get(actor.id) as CallerRow | undefined;
  if (!row) return fail('UNAUTHENTICATED', 'Your account no longer exists. Sign in again.');
  const fresh: UserViewer = {
    kind: 'user',
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role,
    banned: row.bannedAt !== null,
    banReason: row.banReason,
    requestId: actor.requestId,
  };
  if (fresh.banned) return fail('FORBIDDEN', `Your account is banned: ${row.banReason}`);
  if (!can(fresh, permission)) return fail('FORBIDDEN', REFUSALS[permission]);
  return { actor: fresh, logActor: { id: row.id, name: row.email, role: row.role } };
}
