// Accounts and actors for the account tests: users inserted straight into a test database, the
// three kinds of caller, and snapshots of what the users and moderation_log tables hold.
import type { Db } from '@/db/client';
import { users, type Role } from '@/db/schema';
import type { AnonymousViewer, SystemActor, UserViewer } from '@/lib/shared/auth/actor';
import type { StoredLogRow } from '@/lib/log/hash-chain';
import { readSessionUser } from '@/lib/auth/session-user';

/** Any text will do where the password is never checked: the database does not read the format. */
export const UNUSED_PASSWORD_HASH = 'scrypt$ln=15,r=8,p=3$dW51c2Vk$dW51c2Vk';

export type NewUser = {
  email: string;
  displayName?: string;
  role?: Role;
  passwordHash?: string;
  /** Banned with this reason when given. */
  banReason?: string;
  sessionVersion?: number;
};

/** Inserts one user as given (nothing is normalised) and returns its id. */
export function insertUser(db: Db, user: NewUser): number {
  return db.insert(users).values({
    email: user.email,
    displayName: user.displayName ?? user.email.split('@')[0]!,
    passwordHash: user.passwordHash ?? UNUSED_PASSWORD_HASH,
    role: user.role ?? 'reader',
    bannedAt: user.banReason === undefined ? null : '2024-01-02T03:04:05.000Z',
    banReason: user.banReason ?? null,
    sessionVersion: user.sessionVersion ?? 1,
  }).returning({ id: users.id }).get().id;
}

/** The caller as a session would describe them, from what the database holds now. */
export function userActor(db: Db, id: number, requestId = `req-user-${id}`): UserViewer {
  const account = readSessionUser(db, id);
  if (!account) throw new Error(`no user ${id}`);
  const { sessionVersion, ...viewer } = account;
  return { kind: 'user', ...viewer, requestId };
}

export const anonymousActor = (requestId = 'req-anonymous'): AnonymousViewer => ({ kind: 'anonymous', requestId });

export const systemActor = (requestId = 'req-system'): SystemActor => ({ kind: 'system', name: 'command line', requestId });

/** A users row under its SQL column names. */
export type UserRow = {
  id: number;
  email: string;
  display_name: string;
  password_hash: string;
  role: Role;
  banned_at: string | null;
  ban_reason: string | null;
  session_version: number;
  created_at: string;
};

/** A moderation_log row under its SQL column names. */
export type LogRow = StoredLogRow;

export function userRows(db: Db): UserRow[] {
  return db.$client.prepare('SELECT * FROM users ORDER BY id').all() as UserRow[];
}

export function userRow(db: Db, id: number): UserRow | undefined {
  return db.$client.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
}

export function userRowByEmail(db: Db, email: string): UserRow | undefined {
  return db.$client.prepare('SELECT * FROM users WHERE email = ?').get(email) as UserRow | undefined;
}

/** Every moderation_log row, or only those after the row `afterId` (see lastLogId). */
export function logRows(db: Db, afterId = 0): LogRow[] {
  return db.$client.prepare('SELECT * FROM moderation_log WHERE id > ? ORDER BY id').all(afterId) as LogRow[];
}

/** The id of the newest log row (0 when empty): take it before an action, then read logRows(db, id). */
export function lastLogId(db: Db): number {
  const row = db.$client.prepare('SELECT max(id) AS id FROM moderation_log').get() as { id: number | null };
  return row.id ?? 0;
}

/** Every row of the two tables an account action may write, to assert that a refusal wrote nothing. */
export function snapshot(db: Db): { users: UserRow[]; log: LogRow[] } {
  return { users: userRows(db), log: logRows(db) };
}

/** The state a log row records, parsed (null stays null). */
export function stateOf(json: string | null): unknown {
  return json === null ? null : JSON.parse(json);
}
