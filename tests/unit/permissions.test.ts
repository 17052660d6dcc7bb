// Who may do what: every role against every permission, compared with a table written out here.
import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '@/db/schema';
import type { Actor, UserViewer } from '@/lib/shared/auth/actor';
import { can, PERMISSIONS, type Permission } from '@/lib/shared/auth/permissions';

/** The expected answers, written out by hand rather than derived from ROLE_PERMISSIONS. */
const EXPECTED: Record<Role, Record<Permission, boolean>> = {
  reader: {
    'comment.post': true,
    'comment.report': true,
    'comment.moderate': false,
    'moderation.log.view': false,
    'moderation.log.export': false,
    'moderation.log.summary': false,
    'article.close': false,
    'users.manage': false,
  },
  moderator: {
    'comment.post': true,
    'comment.report': true,
    'comment.moderate': true,
    'moderation.log.view': true,
    'moderation.log.export': false,
    'moderation.log.summary': false,
    'article.close': false,
    'users.manage': false,
  },
  owner: {
    'comment.post': true,
    'comment.report': true,
    'comment.moderate': true,
    'moderation.log.view': true,
    'moderation.log.export': true,
    'moderation.log.summary': true,
    'article.close': true,
    'users.manage': true,
  },
};

function user(role: Role, banned = false): UserViewer {
  return {
    kind: 'user',
    id: 7,
    email: `${role}@example.com`,
    displayName: role,
    role,
    banned,
    banReason: banned ? 'spam' : null,
    requestId: 'req-1',
  };
}

/** Every permission → what `can` answers for this actor. */
const answers = (actor: Actor) => Object.fromEntries(PERMISSIONS.map((permission) => [permission, can(actor, permission)]));

describe('can', () => {
  it('the expected table names exactly the permissions and roles the code has', () => {
    expect([...ROLES].sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const role of ROLES) expect(Object.keys(EXPECTED[role]).sort()).toEqual([...PERMISSIONS].sort());
  });

  for (const role of ROLES) {
    it(`a ${role} has exactly the permissions in the table`, () => {
      expect(answers(user(role))).toEqual(EXPECTED[role]);
    });

    it(`a banned ${role} has no permission at all`, () => {
      expect(answers(user(role, true))).toEqual(Object.fromEntries(PERMISSIONS.map((permission) => [permission, false])));
    });
  }

  it('an anonymous visitor has no permission at all', () => {
    const anonymous: Actor = { kind: 'anonymous', requestId: 'req-2' };
    expect(answers(anonymous)).toEqual(Object.fromEntries(PERMISSIONS.map((permission) => [permission, false])));
  });

  it('the system (command line) has every permission', () => {
    const system: Actor = { kind: 'system', name: 'command line', requestId: 'req-3' };
    expect(answers(system)).toEqual(Object.fromEntries(PERMISSIONS.map((permission) => [permission, true])));
  });

  it('permissions only grow from reader to moderator to owner', () => {
    for (const permission of PERMISSIONS) {
      if (can(user('reader'), permission)) expect(can(user('moderator'), permission)).toBe(true);
      if (can(user('moderator'), permission)) expect(can(user('owner'), permission)).toBe(true);
    }
  });
});
