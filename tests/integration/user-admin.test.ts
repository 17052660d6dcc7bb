// Owner actions on accounts: who may take them, what each writes to users and moderation_log, and
// that a refusal or a failure leaves both tables exactly as they were.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/shared/auth/actor';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { verifyLogChain } from '@/lib/ops/log-verify/verify-log-chain';
import type { Result } from '@/lib/shared/result';
import { banUser } from '@/lib/users/ban-user';
import { changeUserRole } from '@/lib/users/change-user-role';
import { createUser } from '@/lib/users/create-user';
import { registerReader } from '@/lib/users/register-reader';
import { resetUserPassword } from '@/lib/users/reset-user-password';
import { revokeUserSessions } from '@/lib/users/revoke-user-sessions';
import { unbanUser } from '@/lib/users/unban-user';
import {
  anonymousActor,
  insertUser,
  logRows,
  snapshot,
  systemActor,
  userActor,
  userRow,
  userRows,
  type LogRow,
  type UserRow,
} from '@/tests/support/accounts';
import { createTempDb, type TempDb } from '@/tests/support/temp-db';

const PASSWORD = 'original password';
const NEW_PASSWORD = 'a brand new password';
const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

let passwordHash: string;
let temp: TempDb;
let ids: { owner: number; moderator: number; reader: number; bannedOwner: number; bannedReader: number };

beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});

beforeEach(() => {
  temp = createTempDb();
  const db = temp.db;
  ids = {
    owner: insertUser(db, { email: 'owner@example.com', displayName: 'Olive Owner', role: 'owner', passwordHash }),
    moderator: insertUser(db, { email: 'moderator@example.com', displayName: 'Mo Moderator', role: 'moderator', passwordHash }),
    reader: insertUser(db, { email: 'reader@example.com', displayName: 'Rita Reader', passwordHash }),
    bannedOwner: insertUser(db, { email: 'banned-owner@example.com', role: 'owner', banReason: 'Compromised', passwordHash }),
    bannedReader: insertUser(db, { email: 'banned-reader@example.com', banReason: 'Spam links', passwordHash }),
  };
});
afterEach(() => temp.cleanup());

const owner = (requestId = 'req-owner') => userActor(temp.db, ids.owner, requestId);

/** Every owner action, aimed at a target for which it would succeed. */
const ACTIONS: { name: string; perform: (actor: Actor) => Result | Promise<Result> }[] = [
  { name: 'changeUserRole', perform: (actor) => changeUserRole(temp.db, actor, { userId: ids.reader, role: 'moderator' }) },
  { name: 'banUser', perform: (actor) => banUser(temp.db, actor, { userId: ids.reader, reason: 'Spam links' }) },
  { name: 'unbanUser', perform: (actor) => unbanUser(temp.db, actor, { userId: ids.bannedReader }) },
  { name: 'revokeUserSessions', perform: (actor) => revokeUserSessions(temp.db, actor, { userId: ids.reader }) },
  { name: 'resetUserPassword', perform: (actor) => resetUserPassword(temp.db, actor, { userId: ids.reader, password: NEW_PASSWORD }) },
  {
    name: 'createUser',
    perform: (actor) => createUser(temp.db, actor, { email: 'new@example.com', displayName: 'New Person', role: 'moderator', password: NEW_PASSWORD }),
  },
];

const OWNERS_ONLY = { ok: false, code: 'FORBIDDEN', message: 'Only owners can manage users.' };

/** Callers who must be refused, with the answer each gets. */
const REFUSED: { name: string; actor: () => Actor; expected: object }[] = [
  { name: 'a reader', actor: () => userActor(temp.db, ids.reader), expected: OWNERS_ONLY },
  { name: 'a moderator', actor: () => userActor(temp.db, ids.moderator), expected: OWNERS_ONLY },
  {
    name: 'a banned owner',
    actor: () => userActor(temp.db, ids.bannedOwner),
    expected: { ok: false, code: 'FORBIDDEN', message: 'Your account is banned: Compromised' },
  },
  {
    name: 'a banned owner whose session still says not banned',
    actor: () => ({ ...userActor(temp.db, ids.bannedOwner), banned: false, banReason: null }),
    expected: { ok: false, code: 'FORBIDDEN', message: 'Your account is banned: Compromised' },
  },
  {
    name: 'a reader whose stale session still says owner',
    actor: () => ({ ...userActor(temp.db, ids.reader), role: 'owner' }),
    expected: OWNERS_ONLY,
  },
  { name: 'an anonymous visitor', actor: () => anonymousActor(), expected: { ok: false, code: 'UNAUTHENTICATED', message: 'Sign in first.' } },
  {
    name: 'a deleted user',
    actor: () => ({ ...userActor(temp.db, ids.owner), id: 9999 }),
    expected: { ok: false, code: 'UNAUTHENTICATED', message: 'Your account no longer exists. Sign in again.' },
  },
];

describe('who may manage users', () => {
  for (const action of ACTIONS) {
    for (const refused of REFUSED) {
      it(`${action.name} refuses ${refused.name} and writes nothing`, async () => {
        const actor = refused.actor();
        const before = snapshot(temp.db);
        expect(await action.perform(actor)).toEqual(refused.expected);
        expect(snapshot(temp.db)).toEqual(before);
      });
    }
  }

  it('a demotion counts at once: an owner demoted a moment ago is refused with the session they still hold', () => {
    const second = insertUser(temp.db, { email: 'second-owner@example.com', role: 'owner' });
    const staleSession = userActor(temp.db, second);
    expect(changeUserRole(temp.db, owner(), { userId: second, role: 'reader' })).toEqual({ ok: true, role: 'reader' });
    const before = snapshot(temp.db);
    expect(staleSession.role).toBe('owner');
    expect(banUser(temp.db, staleSession, { userId: ids.reader, reason: 'x' })).toEqual(OWNERS_ONLY);
    expect(snapshot(temp.db)).toEqual(before);
  });
});

/** The users table after an action: only `id` changed, by `changes`. */
function expectOnlyUserChanged(before: UserRow[], id: number, changes: Partial<Record<keyof UserRow, unknown>>) {
  expect(userRows(temp.db)).toEqual(before.map((row) => (row.id === id ? { ...row, ...changes } : row)));
}

/** The one log row an action added, checked field by field, and the chain still whole. */
function expectOneLogRow(before: LogRow[], expected: Partial<LogRow>) {
  const rows = logRows(temp.db);
  expect(rows.slice(0, before.length)).toEqual(before);
  expect(rows).toHaveLength(before.length + 1);
  const row = rows.at(-1)!;
  expect(row).toEqual({
    id: before.length + 1,
    created_at: expect.stringMatching(ISO_MS),
    article_id: null,
    reason_code: null,
    public_note: null,
    internal_note: null,
    prev_hash: before.at(-1)?.hash ?? '0'.repeat(64),
    hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    ...expected,
  });
  expect(verifyLogChain(temp.db)).toEqual({ ok: true, rows: rows.length, head: row.hash });
}

const byOwner = (requestId = 'req-owner') => ({
  actor_id: ids.owner,
  actor_name: 'owner@example.com',
  actor_role: 'owner',
  request_id: requestId,
});

describe('an owner', () => {
  it('changes a role, logging role_changed with the old and new role', () => {
    const before = snapshot(temp.db);
    expect(changeUserRole(temp.db, owner(), { userId: ids.reader, role: 'moderator' })).toEqual({ ok: true, role: 'moderator' });
    expectOnlyUserChanged(before.users, ids.reader, { role: 'moderator' });
    expectOneLogRow(before.log, {
      ...byOwner(),
      action: 'role_changed',
      target_type: 'user',
      target_id: ids.reader,
      previous_state: '{"role":"reader"}',
      new_state: '{"role":"moderator"}',
    });
  });

  it('makes another user an owner and demotes a moderator to reader', () => {
    expect(changeUserRole(temp.db, owner('req-a'), { userId: ids.reader, role: 'owner' })).toEqual({ ok: true, role: 'owner' });
    expect(changeUserRole(temp.db, owner('req-b'), { userId: ids.moderator, role: 'reader' })).toEqual({ ok: true, role: 'reader' });
    expect(userRow(temp.db, ids.reader)!.role).toBe('owner');
    expect(userRow(temp.db, ids.moderator)!.role).toBe('reader');
    expect(logRows(temp.db).map((row) => [row.target_id, row.previous_state, row.new_state, row.request_id])).toEqual([
      [ids.reader, '{"role":"reader"}', '{"role":"owner"}', 'req-a'],
      [ids.moderator, '{"role":"moderator"}', '{"role":"reader"}', 'req-b'],
    ]);
    expect(verifyLogChain(temp.db)).toMatchObject({ ok: true, rows: 2 });
  });

  it('bans a user with a reason, logging user_banned with the reason as public note', () => {
    const before = snapshot(temp.db);
    expect(banUser(temp.db, owner(), { userId: ids.reader, reason: 'Spam links' })).toEqual({ ok: true });
    expectOnlyUserChanged(before.users, ids.reader, { banned_at: expect.stringMatching(ISO_MS), ban_reason: 'Spam links' });
    expectOneLogRow(before.log, {
      ...byOwner(),
      action: 'user_banned',
      target_type: 'user',
      target_id: ids.reader,
      public_note: 'Spam links',
      previous_state: '{"banned":false}',
      new_state: '{"banned":true}',
    });
  });

  it('a banned user loses every permission at once', () => {
    const moderatorSession = userActor(temp.db, ids.moderator);
    expect(banUser(temp.db, owner(), { userId: ids.moderator, reason: 'Abuse' })).toEqual({ ok: true });
    expect(revokeUserSessions(temp.db, moderatorSession, { userId: ids.reader })).toEqual({
      ok: false,
      code: 'FORBIDDEN',
      message: 'Your account is banned: Abuse',
    });
  });

  it('unbans a user, logging user_unbanned', () => {
    const before = snapshot(temp.db);
    expect(unbanUser(temp.db, owner(), { userId: ids.bannedReader })).toEqual({ ok: true });
    expectOnlyUserChanged(before.users, ids.bannedReader, { banned_at: null, ban_reason: null });
    expectOneLogRow(before.log, {
      ...byOwner(),
      action: 'user_unbanned',
      target_type: 'user',
      target_id: ids.bannedReader,
      previous_state: '{"banned":true}',
      new_state: '{"banned":false}',
    });
  });

  it('revokes sessions, bumping session_version by one each time and logging sessions_revoked', () => {
    const before = snapshot(temp.db);
    expect(revokeUserSessions(temp.db, owner(), { userId: ids.reader })).toEqual({ ok: true });
    expectOnlyUserChanged(before.users, ids.reader, { session_version: 2 });
    expectOneLogRow(before.log, {
      ...byOwner(),
      action: 'sessions_revoked',
      target_type: 'user',
      target_id: ids.reader,
      previous_state: '{"sessionVersion":1}',
      new_state: '{"sessionVersion":2}',
    });
    const middle = snapshot(temp.db);
    expect(revokeUserSessions(temp.db, owner('req-again'), { userId: ids.reader })).toEqual({ ok: true });
    expectOnlyUserChanged(middle.users, ids.reader, { session_version: 3 });
    expectOneLogRow(middle.log, {
      ...byOwner('req-again'),
      action: 'sessions_revoked',
      target_type: 'user',
      target_id: ids.reader,
      previous_state: '{"sessionVersion":2}',
      new_state: '{"sessionVersion":3}',
    });
  });

  it('resets a password: the new one works, the old one does not, sessions end, and the log holds no hash', async () => {
    const before = snapshot(temp.db);
    expect(await resetUserPassword(temp.db, owner(), { userId: ids.reader, password: NEW_PASSWORD })).toEqual({ ok: true });
    const after = userRow(temp.db, ids.reader)!;
    expect(after.password_hash).not.toBe(passwordHash);
    expectOnlyUserChanged(before.users, ids.reader, { password_hash: after.password_hash, session_version: 2 });
    expect(await verifyPassword(NEW_PASSWORD, after.password_hash)).toBe(true);
    expect(await verifyPassword(PASSWORD, after.password_hash)).toBe(false);
    expectOneLogRow(before.log, {
      ...byOwner(),
      action: 'password_reset',
      target_type: 'user',
      target_id: ids.reader,
      previous_state: '{"sessionVersion":1}',
      new_state: '{"sessionVersion":2}',
    });
    const row = JSON.stringify(logRows(temp.db));
    expect(row).not.toContain(after.password_hash.split('$')[3]);
    expect(row).not.toContain(NEW_PASSWORD);
  });

  it('creates a moderator, logging role_changed from no account', async () => {
    const before = snapshot(temp.db);
    const result = await createUser(temp.db, owner(), {
      email: 'new@example.com',
      displayName: 'New Person',
      role: 'moderator',
      password: NEW_PASSWORD,
    });
    expect(result).toEqual({ ok: true, userId: expect.any(Number) });
    const userId = (result as { userId: number }).userId;
    const users = userRows(temp.db);
    expect(users.slice(0, -1)).toEqual(before.users);
    expect(users.at(-1)).toEqual({
      id: userId,
      email: 'new@example.com',
      display_name: 'New Person',
      password_hash: expect.stringMatching(/^scrypt\$ln=15,r=8,p=3\$/),
      role: 'moderator',
      banned_at: null,
      ban_reason: null,
      session_version: 1,
      created_at: expect.stringMatching(ISO_MS),
    });
    expect(await verifyPassword(NEW_PASSWORD, users.at(-1)!.password_hash)).toBe(true);
    expectOneLogRow(before.log, {
      ...byOwner(),
      action: 'role_changed',
      target_type: 'user',
      target_id: userId,
      previous_state: null,
      new_state: '{"role":"moderator"}',
    });
  });

  it('creates a reader without a log row', async () => {
    const before = snapshot(temp.db);
    const result = await createUser(temp.db, owner(), { email: 'plain@example.com', displayName: 'Plain', role: 'reader', password: NEW_PASSWORD });
    expect(result).toMatchObject({ ok: true });
    expect(userRows(temp.db)).toHaveLength(before.users.length + 1);
    expect(userRows(temp.db).at(-1)).toMatchObject({ email: 'plain@example.com', role: 'reader' });
    expect(logRows(temp.db)).toEqual(before.log);
  });

  it('cannot create a second account for a registered email (CONFLICT)', async () => {
    const before = snapshot(temp.db);
    expect(
      await createUser(temp.db, owner(), { email: 'reader@example.com', displayName: 'Impostor', role: 'owner', password: NEW_PASSWORD }),
    ).toEqual({ ok: false, code: 'CONFLICT', message: 'A user with the email reader@example.com already exists.' });
    expect(snapshot(temp.db)).toEqual(before);
  });

  it('gets NOT_FOUND for an unknown user, with nothing written', async () => {
    const before = snapshot(temp.db);
    const notFound = { ok: false, code: 'NOT_FOUND', message: 'That user does not exist.' };
    expect(changeUserRole(temp.db, owner(), { userId: 9999, role: 'owner' })).toEqual(notFound);
    expect(banUser(temp.db, owner(), { userId: 9999, reason: 'x' })).toEqual(notFound);
    expect(unbanUser(temp.db, owner(), { userId: 9999 })).toEqual(notFound);
    expect(revokeUserSessions(temp.db, owner(), { userId: 9999 })).toEqual(notFound);
    expect(await resetUserPassword(temp.db, owner(), { userId: 9999, password: NEW_PASSWORD })).toEqual(notFound);
    expect(snapshot(temp.db)).toEqual(before);
  });
});

describe('the command line (system actor)', () => {
  it('acts without a user, logged as the system', () => {
    const before = snapshot(temp.db);
    expect(changeUserRole(temp.db, systemActor('req-cli'), { userId: ids.reader, role: 'owner' })).toEqual({ ok: true, role: 'owner' });
    expectOnlyUserChanged(before.users, ids.reader, { role: 'owner' });
    expectOneLogRow(before.log, {
      actor_id: null,
      actor_name: 'command line',
      actor_role: 'system',
      request_id: 'req-cli',
      action: 'role_changed',
      target_type: 'user',
      target_id: ids.reader,
      previous_state: '{"role":"reader"}',
      new_state: '{"role":"owner"}',
    });
  });
});

describe('nothing to change', () => {
  it.each([
    ['promoting to the role already held', () => changeUserRole(temp.db, owner(), { userId: ids.moderator, role: 'moderator' }), 'moderator@example.com is already a moderator.'],
    ['making an owner an owner', () => changeUserRole(temp.db, owner(), { userId: ids.owner, role: 'owner' }), 'owner@example.com is already an owner.'],
    ['making a reader a reader', () => changeUserRole(temp.db, owner(), { userId: ids.reader, role: 'reader' }), 'reader@example.com is already a reader.'],
    ['banning a banned user', () => banUser(temp.db, owner(), { userId: ids.bannedReader, reason: 'Again' }), 'banned-reader@example.com is already banned.'],
    ['unbanning a user who is not banned', () => unbanUser(temp.db, owner(), { userId: ids.reader }), 'reader@example.com is not banned.'],
  ])('%s is NO_CHANGE and writes nothing', (_label, perform, message) => {
    const before = snapshot(temp.db);
    expect(perform()).toEqual({ ok: false, code: 'NO_CHANGE', message });
    expect(snapshot(temp.db)).toEqual(before);
  });

  it('banning a banned user keeps the first reason', () => {
    banUser(temp.db, owner(), { userId: ids.bannedReader, reason: 'Another reason' });
    expect(userRow(temp.db, ids.bannedReader)!.ban_reason).toBe('Spam links');
  });
});

describe('the last owner', () => {
  // The fixture's other owner is banned, so `owner` is the only active one.
  it.each([
    ['demoted to moderator by themselves', () => changeUserRole(temp.db, owner(), { userId: ids.owner, role: 'moderator' })],
    ['demoted to reader by the command line', () => changeUserRole(temp.db, systemActor(), { userId: ids.owner, role: 'reader' })],
    ['banned by themselves', () => banUser(temp.db, owner(), { userId: ids.owner, reason: 'Oops' })],
    ['banned by the command line', () => banUser(temp.db, systemActor(), { userId: ids.owner, reason: 'Oops' })],
  ])('cannot be %s, even though a banned owner exists', (_label, perform) => {
    expect(userRow(temp.db, ids.bannedOwner)!.role).toBe('owner');
    const before = snapshot(temp.db);
    expect(perform()).toMatchObject({ ok: false, code: 'LAST_OWNER' });
    expect(snapshot(temp.db)).toEqual(before);
  });

  it('gives messages naming the owner', () => {
    expect(changeUserRole(temp.db, owner(), { userId: ids.owner, role: 'reader' })).toEqual({
      ok: false,
      code: 'LAST_OWNER',
      message: 'owner@example.com is the last owner. Make someone else an owner first.',
    });
    expect(banUser(temp.db, owner(), { userId: ids.owner, reason: 'x' })).toEqual({
      ok: false,
      code: 'LAST_OWNER',
      message: 'owner@example.com is the last owner and cannot be banned.',
    });
  });

  it('a banned owner can be demoted while an active owner remains', () => {
    expect(changeUserRole(temp.db, owner(), { userId: ids.bannedOwner, role: 'reader' })).toEqual({ ok: true, role: 'reader' });
    expect(userRow(temp.db, ids.bannedOwner)!.role).toBe('reader');
  });

  it('with two active owners one can be demoted, and then the other is the last', () => {
    const second = insertUser(temp.db, { email: 'second-owner@example.com', role: 'owner' });
    expect(changeUserRole(temp.db, owner(), { userId: ids.owner, role: 'moderator' })).toEqual({ ok: true, role: 'moderator' });
    expect(userRow(temp.db, ids.owner)!.role).toBe('moderator');
    const secondOwner = userActor(temp.db, second);
    const before = snapshot(temp.db);
    expect(changeUserRole(temp.db, secondOwner, { userId: second, role: 'reader' })).toMatchObject({ ok: false, code: 'LAST_OWNER' });
    expect(banUser(temp.db, secondOwner, { userId: second, reason: 'x' })).toMatchObject({ ok: false, code: 'LAST_OWNER' });
    expect(snapshot(temp.db)).toEqual(before);
  });

  it('with two active owners one can be banned', () => {
    const second = insertUser(temp.db, { email: 'second-owner@example.com', role: 'owner' });
    expect(banUser(temp.db, owner(), { userId: second, reason: 'Left the company' })).toEqual({ ok: true });
    expect(userRow(temp.db, second)).toMatchObject({ role: 'owner', ban_reason: 'Left the company' });
    expect(banUser(temp.db, owner(), { userId: ids.owner, reason: 'x' })).toMatchObject({ ok: false, code: 'LAST_OWNER' });
  });
});

describe('a failure while logging rolls the change back', () => {
  beforeEach(() => {
    temp.db.$client.exec("CREATE TRIGGER fail_log BEFORE INSERT ON moderation_log BEGIN SELECT RAISE(ABORT, 'forced'); END;");
  });

  it.each([
    ['changeUserRole', () => changeUserRole(temp.db, owner(), { userId: ids.reader, role: 'moderator' })],
    ['banUser', () => banUser(temp.db, owner(), { userId: ids.reader, reason: 'Spam' })],
    ['unbanUser', () => unbanUser(temp.db, owner(), { userId: ids.bannedReader })],
    ['revokeUserSessions', () => revokeUserSessions(temp.db, owner(), { userId: ids.reader })],
  ])('%s throws and leaves the user as they were', (_label, perform) => {
    const before = snapshot(temp.db);
    expect(perform).toThrow('forced');
    expect(snapshot(temp.db)).toEqual(before);
    expect(before.log).toEqual([]);
  });

  it('resetUserPassword rejects and leaves the password and sessions as they were', async () => {
    const before = snapshot(temp.db);
    await expect(resetUserPassword(temp.db, owner(), { userId: ids.reader, password: NEW_PASSWORD })).rejects.toThrow('forced');
    expect(snapshot(temp.db)).toEqual(before);
  });

  it('createUser rejects and leaves no account behind', async () => {
    const before = snapshot(temp.db);
    await expect(
      createUser(temp.db, owner(), { email: 'new@example.com', displayName: 'New', role: 'owner', password: NEW_PASSWORD }),
    ).rejects.toThrow('forced');
    expect(snapshot(temp.db)).toEqual(before);
  });

  it('the next action after the failure still works once logging works again', () => {
    expect(() => changeUserRole(temp.db, owner(), { userId: ids.reader, role: 'moderator' })).toThrow('forced');
    temp.db.$client.exec('DROP TRIGGER fail_log');
    expect(changeUserRole(temp.db, owner(), { userId: ids.reader, role: 'moderator' })).toEqual({ ok: true, role: 'moderator' });
    expect(logRows(temp.db).map((row) => row.id)).toEqual([1]);
    expect(verifyLogChain(temp.db)).toMatchObject({ ok: true, rows: 1 });
  });
});

describe('registerReader', () => {
  const ADDRESS = '192.0.2.10';

  it('creates a reader account whose password works, and logs nothing', async () => {
    const before = snapshot(temp.db);
    expect(await registerReader(temp.db, { email: 'sign-up@example.com', displayName: 'Sign Up', password: NEW_PASSWORD }, ADDRESS)).toEqual({ ok: true });
    const users = userRows(temp.db);
    expect(users.slice(0, -1)).toEqual(before.users);
    expect(users.at(-1)).toMatchObject({
      email: 'sign-up@example.com',
      display_name: 'Sign Up',
      role: 'reader',
      banned_at: null,
      ban_reason: null,
      session_version: 1,
    });
    expect(await verifyPassword(NEW_PASSWORD, users.at(-1)!.password_hash)).toBe(true);
    expect(logRows(temp.db)).toEqual([]);
  });

  it('answers the same for a second sign-up with a taken email and leaves the first account untouched', async () => {
    const first = await registerReader(temp.db, { email: 'twice@example.com', displayName: 'First', password: NEW_PASSWORD }, ADDRESS);
    const before = snapshot(temp.db);
    const created = before.users.at(-1)!;
    expect(created).toMatchObject({ email: 'twice@example.com', display_name: 'First' });
    const second = await registerReader(temp.db, { email: 'twice@example.com', displayName: 'Second', password: 'another password!' }, ADDRESS);
    expect(second).toEqual(first);
    expect(second).toEqual({ ok: true });
    expect(snapshot(temp.db)).toEqual(before);
    expect(userRow(temp.db, created.id)).toMatchObject({ display_name: 'First', password_hash: created.password_hash });
  });

  it('leaves an owner account untouched when someone signs up with its email', async () => {
    const before = snapshot(temp.db);
    expect(await registerReader(temp.db, { email: 'owner@example.com', displayName: 'Impostor', password: 'another password!' }, ADDRESS)).toEqual({
      ok: true,
    });
    expect(snapshot(temp.db)).toEqual(before);
    expect(userRow(temp.db, ids.owner)).toMatchObject({ display_name: 'Olive Owner', password_hash: passwordHash, role: 'owner' });
  });

  it('refuses the 11th sign-up within an hour from one address before hashing, and counts addresses apart', async () => {
    const now = Date.UTC(2026, 0, 1, 12);
    const signUp = (n: number, address: string, at: number) =>
      registerReader(temp.db, { email: `burst-${n}@example.com`, displayName: `Burst ${n}`, password: NEW_PASSWORD }, address, at);
    const firstTen = await Promise.all(Array.from({ length: 10 }, (_, n) => signUp(n, ADDRESS, now + n * 60_000)));
    expect(firstTen).toEqual(Array.from({ length: 10 }, () => ({ ok: true })));
    const before = snapshot(temp.db);
    expect(await signUp(10, ADDRESS, now + 10 * 60_000)).toEqual({
      ok: false,
      code: 'RATE_LIMITED',
      message: 'Too many sign-ups from your network; try again in 50 minutes.',
    });
    expect(snapshot(temp.db)).toEqual(before);
    expect(await signUp(11, '192.0.2.99', now + 10 * 60_000)).toEqual({ ok: true });
    // The first sign-up leaves the window an hour after it was made.
    expect(await signUp(12, ADDRESS, now + 60 * 60_000 + 1)).toEqual({ ok: true });
    expect(userRows(temp.db).filter((row) => row.email.startsWith('burst-')).map((row) => row.email).sort()).toEqual(
      [...Array.from({ length: 10 }, (_, n) => `burst-${n}@example.com`), 'burst-11@example.com', 'burst-12@example.com'].sort(),
    );
  });
});
