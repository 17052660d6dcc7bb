// The model test's starting point: two owners, two moderators, two readers and a banned reader, an open article
// with an imported comment and a placeholder, and a closed article with one imported comment.
import type { Db } from '@/db/client';
import type { Role } from '@/db/schema';
import type { Actor } from '@/lib/shared/auth/actor';
import { anonymousActor, insertUser, systemActor, userActor } from '../accounts';
import { insertArticle } from '../comments';

const CAST: Record<string, { role: Role; banReason?: string }> = {
  olive: { role: 'owner' },
  oscar: { role: 'owner' },
  mo: { role: 'moderator' },
  max: { role: 'moderator' },
  rita: { role: 'reader' },
  otto: { role: 'reader' },
  bea: { role: 'reader', banReason: 'Spam links' },
};

export const USER_NAMES = ['olive', 'oscar', 'mo', 'max', 'rita', 'otto', 'bea'] as const;
export type UserName = (typeof USER_NAMES)[number];

export const ACTOR_NAMES = [...USER_NAMES, 'anonymous', 'system'] as const;
export type ActorName = (typeof ACTOR_NAMES)[number];

export type ModelScene = {
  userIds: Record<UserName, number>;
  /**
   * Built once, before any step: a viewer keeps the role and ban it was built with, as a session
   * does, so every step also checks that lib re-reads the caller from the database.
   */
  actors: Record<ActorName, Actor>;
  openArticle: number;
  closedArticle: number;
};

export function insertModelScene(db: Db): ModelScene {
  const userIds = Object.fromEntries(USER_NAMES.map((name) => [
    name,
    insertUser(db, { email: `${name}@example.com`, displayName: name, role: CAST[name]!.role, banReason: CAST[name]!.banReason }),
  ])) as Record<UserName, number>;
  const actors = Object.fromEntries([
    ...USER_NAMES.map((name) => [name, userActor(db, userIds[name], `req-${name}`)]),
    ['anonymous', anonymousActor()],
    ['system', systemActor()],
  ]) as Record<ActorName, Actor>;
  const openArticle = insertArticle(db, 'model-open', [{}, { status: 'unavailable' }]).articleId;
  const closedArticle = insertArticle(db, 'model-closed', [{}]).articleId;
  db.$client.prepare('UPDATE articles SET comments_open = 0 WHERE id = ?').run(closedArticle);
  return { userIds, actors, openArticle, closedArticle };
}
