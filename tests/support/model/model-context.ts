// The model's state during one run (the expected rows, the clock, the scene) and the rules every prediction shares:
// who may do what, written out here rather than taken from lib/auth so that the model checks the table.
import type { ErrorCode } from '@/lib/shared/result';
import type { ModelScene, ActorName } from './model-scene';
import type { CommentState, UserState, WorldState } from './world-state';

export type ModelContext = { scene: ModelScene; state: WorldState; now: number };

/** What the model expects of one step: refused with this code, or done, writing this log action (or none). */
export type Outcome = { ok: false; code: ErrorCode } | { ok: true; logged: string | null };

export const refused = (code: ErrorCode): Outcome => ({ ok: false, code });
export const done = (logged: string | null): Outcome => ({ ok: true, logged });

/** An id no row has: the "does not exist" choice of every pick. */
export const MISSING_ID = 999_999;

type Permission = 'post' | 'report' | 'moderate' | 'manage';

const MAY: Record<string, readonly Permission[]> = {
  reader: ['post', 'report'],
  moderator: ['post', 'report', 'moderate'],
  owner: ['post', 'report', 'moderate', 'manage'],
};

export function userOf(model: ModelContext, actor: ActorName): UserState | null {
  if (actor === 'anonymous' || actor === 'system') return null;
  const id = model.scene.userIds[actor];
  return model.state.users.find((user) => user.id === id)!;
}

/**
 * Why the caller may not do this, as of the rows now, or null when they may. Anonymous callers are
 * asked to sign in; the command line may manage users only (everything else needs a person).
 */
export function authorizationRefusal(model: ModelContext, actor: ActorName, permission: Permission): ErrorCode | null {
  if (actor === 'anonymous') return 'UNAUTHENTICATED';
  if (actor === 'system') return permission === 'manage' ? null : 'FORBIDDEN';
  const user = userOf(model, actor)!;
  if (user.banned || !MAY[user.role]!.includes(permission)) return 'FORBIDDEN';
  return null;
}

export function commentById(model: ModelContext, id: number): CommentState | undefined {
  return model.state.comments.find((comment) => comment.id === id);
}

export const isoAt = (ms: number) => new Date(ms).toISOString();

export const nextId = (rows: readonly { id: number }[]) => rows.reduce((max, row) => Math.max(max, row.id), 0) + 1;

/** Every change to a comment raises its version and its updated_at. */
export function bump(model: ModelContext, comment: CommentState): void {
  comment.version += 1;
  comment.updated_at = isoAt(model.now);
}
