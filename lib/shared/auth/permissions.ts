// The one table of who may do what, used by the UI to show controls and by lib/ to enforce them.
import type { Role } from '@/db/schema';
import type { Actor } from './actor';

export const PERMISSIONS = [
  'comment.post',
  'comment.report',
  'comment.moderate',
  'moderation.log.view',
  'moderation.log.export',
  'moderation.log.summary',
  'article.close',
  'users.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READER: readonly Permission[] = ['comment.post', 'comment.report'];
const MODERATOR: readonly Permission[] = [...READER, 'comment.moderate', 'moderation.log.view'];
const OWNER: readonly Permission[] = [...MODERATOR, 'moderation.log.export', 'moderation.log.summary', 'article.close', 'users.manage'];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  reader: READER,
  moderator: MODERATOR,
  owner: OWNER,
};

/** Banned users keep reading but lose every permission; anonymous visitors have none. */
export function can(actor: Actor, permission: Permission): boolean {
  switch (actor.kind) {
    case 'system':
      return true;
    case 'anonymous':
      return false;
    case 'user':
      return !actor.banned && ROLE_PERMISSIONS[actor.role].includes(permission);
  }
}
