// Accounts and actors for the account tests: users inserted straight into a test database, the
// three kinds of caller, and snapshots of what the users and moderation_log tables hold.
import type { Db } from '@/db/client';
import { users, type Role } from '@/db/schema';
import type { AnonymousViewer, SystemActor, UserViewer } from '@/lib/auth/actor';
import type { StoredLogRow } from '@/lib/log/hash-chain';

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
  const row = db.$client.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
  if (!row) throw new Error(`no user ${id}`);
  return {
    kind: 'user',
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    banned: row.banned_at !== null,
    banReason: row.ban_reason,
    requestId,
  };
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

export function logRows(db: Db): LogRow[] {
  return db.$client.prepare('SELECT * FROM moderation_log ORDER BY id').all() as LogRow[];
}

/** Every row of the two tables an account action may write. */
export function snapshot(db: Db): { users: UserRow[]; log: LogRow[] } {
  return { users: userRows(db), log: logRows(db) };
}
