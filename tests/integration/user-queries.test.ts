// Reads of accounts: the owner's searchable, paged user list, and the lookups sessions rely on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { likeContaining } from '@/db/like-containing';
import { readSessionUser } from '@/lib/auth/session-user';
import { findUserIdByEmail, hasActiveOwner, listUsers, USERS_PAGE_SIZE, type UserListItem } from '@/lib/queries/users';
import { revokeUserSessions } from '@/lib/users/revoke-user-sessions';
import { insertUser, systemActor } from '@/tests/support/accounts';
import { createTempDb, type TempDb } from '@/tests/support/temp-db';

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const BULK = 120;

let temp: TempDb;
const id: Record<string, number> = {};

/** bulk-000@example.com … bulk-119@example.com, named "Member 0" … "Member 119". */
const bulkEmail = (i: number) => `bulk-${String(i).padStart(3, '0')}@example.com`;

beforeAll(() => {
  temp = createTempDb();
  const db = temp.db;
  // Inserted out of email order, so that the list's order comes from the query.
  for (let i = BULK - 1; i >= 0; i -= 1) insertUser(db, { email: bulkEmail(i), displayName: `Member ${i}` });
  id.owner = insertUser(db, { email: 'owner@example.com', displayName: 'Olive Owner', role: 'owner' });
  id.moderator = insertUser(db, { email: 'moderator@example.com', displayName: 'Mo Moderator', role: 'moderator' });
  id.banned = insertUser(db, { email: 'banned@example.com', displayName: 'Barry Banned', banReason: 'Spam links' });
  id.percent = insertUser(db, { email: 'percent@example.com', displayName: '100% real' });
  id.notPercent = insertUser(db, { email: 'not-percent@example.com', displayName: '100 real' });
  id.underscore = insertUser(db, { email: 'snake_case@example.com', displayName: 'Snake' });
  id.notUnderscore = insertUser(db, { email: 'snakexcase@example.com', displayName: 'Not Snake' });
  id.backslash = insertUser(db, { email: 'slash@example.com', displayName: 'back\\slash' });
  id.notBackslash = insertUser(db, { email: 'noslash@example.com', displayName: 'backslash' });
  id.accented = insertUser(db, { email: 'emile@example.com', displayName: 'Émile Zola' });
});
afterAll(() => temp.cleanup());

const emails = (items: UserListItem[]) => items.map((user) => user.email);
const allEmails = () =>
  (temp.db.$client.prepare('SELECT email FROM users').all() as { email: string }[]).map((row) => row.email).sort();

/** Follows nextAfter to the end and returns every page. */
function allPages(query?: string): UserListItem[][] {
  const pages: UserListItem[][] = [];
  let after: string | undefined;
  for (;;) {
    const page = listUsers(temp.db, { query, after });
    pages.push(page.users);
    if (page.nextAfter === null) return pages;
    expect(page.nextAfter).toBe(page.users.at(-1)!.email);
    after = page.nextAfter;
    if (pages.length > 10) throw new Error('nextAfter never ends');
  }
}

describe('listUsers', () => {
  it('gives 50 users a page in email order, visiting every user exactly once', () => {
    expect(USERS_PAGE_SIZE).toBe(50);
    const total = BULK + 10;
    const pages = allPages();
    expect(pages.map((page) => page.length)).toEqual([50, 50, total - 100]);
    const seen = pages.flat().map((user) => user.email);
    expect(seen).toEqual(allEmails());
    expect(new Set(seen).size).toBe(total);
  });

  it('gives each user as a viewer row with the creation time', () => {
    const { users } = listUsers(temp.db, { query: 'barry' });
    expect(users).toEqual([
      {
        id: id.banned,
        email: 'banned@example.com',
        displayName: 'Barry Banned',
        role: 'reader',
        banned: true,
        banReason: 'Spam links',
        createdAt: expect.stringMatching(ISO_MS),
      },
    ]);
  });

  it('pages within a search', () => {
    // "bulk-" matches the 120 bulk users only.
    const pages = allPages('bulk-');
    expect(pages.map((page) => page.length)).toEqual([50, 50, 20]);
    expect(emails(pages.flat())).toEqual(Array.from({ length: BULK }, (_, i) => bulkEmail(i)));
  });

  it('gives no next page when the last page is exactly full', () => {
    // bulk-070 … bulk-119: exactly 50 left after bulk-069.
    const page = listUsers(temp.db, { query: 'bulk-', after: bulkEmail(69) });
    expect(emails(page.users)).toEqual(Array.from({ length: 50 }, (_, i) => bulkEmail(70 + i)));
    expect(page.nextAfter).toBeNull();
  });

  it('starts after the given email', () => {
    const page = listUsers(temp.db, { query: 'bulk-', after: bulkEmail(117) });
    expect(emails(page.users)).toEqual([bulkEmail(118), bulkEmail(119)]);
    expect(page.nextAfter).toBeNull();
    expect(listUsers(temp.db, { after: 'zzz' })).toEqual({ users: [], nextAfter: null });
  });

  it('finds users by a substring of the email, whatever its case or width', () => {
    expect(emails(listUsers(temp.db, { query: 'moderator@' }).users)).toEqual(['moderator@example.com']);
    expect(emails(listUsers(temp.db, { query: 'OWNER@EXAMPLE' }).users)).toEqual(['owner@example.com']);
    expect(emails(listUsers(temp.db, { query: 'ｏｗｎｅｒ' }).users)).toEqual(['owner@example.com']);
  });

  it('finds users by a substring of the display name, ignoring ASCII case', () => {
    expect(emails(listUsers(temp.db, { query: 'olive' }).users)).toEqual(['owner@example.com']);
    expect(emails(listUsers(temp.db, { query: 'MEMBER 11' }).users)).toEqual([
      bulkEmail(11),
      ...Array.from({ length: 10 }, (_, i) => bulkEmail(110 + i)),
    ]);
  });

  it('finds a name with a non-ASCII capital when it is typed exactly as shown', () => {
    expect(emails(listUsers(temp.db, { query: 'Émile' }).users)).toEqual(['emile@example.com']);
  });

  it('finds a name with a non-ASCII capital when it is typed in lower case', () => {
    expect(emails(listUsers(temp.db, { query: 'émile' }).users)).toEqual(['emile@example.com']);
  });

  it('matches % literally', () => {
    expect(emails(listUsers(temp.db, { query: '100%' }).users)).toEqual(['percent@example.com']);
    expect(listUsers(temp.db, { query: '%' }).users.map((user) => user.id)).toEqual([id.percent]);
  });

  it('matches _ literally', () => {
    expect(emails(listUsers(temp.db, { query: 'snake_' }).users)).toEqual(['snake_case@example.com']);
    expect(emails(listUsers(temp.db, { query: '_' }).users)).toEqual(['snake_case@example.com']);
  });

  it('matches a backslash literally', () => {
    expect(emails(listUsers(temp.db, { query: 'back\\' }).users)).toEqual(['slash@example.com']);
    expect(likeContaining('a%b_c\\d')).toBe('%a\\%b\\_c\\\\d%');
  });

  it('finds nothing for a query nobody matches', () => {
    expect(listUsers(temp.db, { query: 'no such person' })).toEqual({ users: [], nextAfter: null });
  });
});

describe('account lookups', () => {
  it('readSessionUser gives the account as a session carries it, or undefined', () => {
    expect(readSessionUser(temp.db, id.moderator!)).toEqual({
      id: id.moderator,
      email: 'moderator@example.com',
      displayName: 'Mo Moderator',
      role: 'moderator',
      banned: false,
      banReason: null,
      sessionVersion: 1,
    });
    expect(readSessionUser(temp.db, id.banned!)).toMatchObject({ banned: true, banReason: 'Spam links' });
    expect(readSessionUser(temp.db, 99_999)).toBeUndefined();
  });

  it("readSessionUser's session version follows revocations", () => {
    expect(readSessionUser(temp.db, id.notPercent!)?.sessionVersion).toBe(1);
    expect(revokeUserSessions(temp.db, systemActor(), { userId: id.notPercent! })).toEqual({ ok: true });
    expect(readSessionUser(temp.db, id.notPercent!)?.sessionVersion).toBe(2);
    expect(revokeUserSessions(temp.db, systemActor(), { userId: id.notPercent! })).toEqual({ ok: true });
    expect(readSessionUser(temp.db, id.notPercent!)?.sessionVersion).toBe(3);
  });

  it('findUserIdByEmail finds a stored (normalised) email and nothing else', () => {
    expect(findUserIdByEmail(temp.db, 'owner@example.com')).toBe(id.owner);
    expect(findUserIdByEmail(temp.db, bulkEmail(42))).toBeDefined();
    expect(findUserIdByEmail(temp.db, 'nobody@example.com')).toBeUndefined();
    expect(findUserIdByEmail(temp.db, 'owner@example')).toBeUndefined();
  });
});

describe('hasActiveOwner', () => {
  it('is false with no users, only readers and moderators, or only banned owners; true once an owner is not banned', () => {
    const fresh = createTempDb();
    try {
      expect(hasActiveOwner(fresh.db)).toBe(false);
      insertUser(fresh.db, { email: 'reader@example.com' });
      insertUser(fresh.db, { email: 'moderator@example.com', role: 'moderator' });
      expect(hasActiveOwner(fresh.db)).toBe(false);
      insertUser(fresh.db, { email: 'banned-owner@example.com', role: 'owner', banReason: 'Compromised' });
      expect(hasActiveOwner(fresh.db)).toBe(false);
      insertUser(fresh.db, { email: 'owner@example.com', role: 'owner' });
      expect(hasActiveOwner(fresh.db)).toBe(true);
    } finally {
      fresh.cleanup();
    }
    expect(hasActiveOwner(temp.db)).toBe(true);
  });
});
