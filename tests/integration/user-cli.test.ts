// npm run user: the account commands run as separate processes on a temporary database, checked through what they print and write.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '@/db/schema';
import type { SystemActor } from '@/lib/shared/auth/actor';
import { verifyPassword } from '@/lib/auth/password';
import { createUser } from '@/lib/users/create-user';
import { createTempDb, type TempDb } from '@/tests/support/temp-db';
import type { LogRow, UserRow } from '@/tests/support/accounts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCRIPT = path.join(ROOT, 'scripts', 'user.ts');

type CliResult = { code: number | null; stdout: string; stderr: string };

/** Runs `scripts/user.ts args` on the database `file`, with `stdin` piped in (empty when not given). */
function runCli(file: string, args: string[], stdin = ''): Promise<CliResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_PATH: file },
  });
  const result: CliResult = { code: null, stdout: '', stderr: '' };
  child.stdout.on('data', (chunk) => (result.stdout += chunk));
  child.stderr.on('data', (chunk) => (result.stderr += chunk));
  child.stdin.end(stdin);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ ...result, code }));
  });
}

const seedActor: SystemActor = { kind: 'system', name: 'test seed', requestId: 'test-seed' };

let temp: TempDb;
beforeEach(() => {
  temp = createTempDb();
});
afterEach(() => {
  temp.cleanup();
});

const userByEmail = (email: string) =>
  temp.db.$client.prepare('SELECT * FROM users WHERE email = ?').get(email) as UserRow | undefined;
const userCount = () => temp.db.$client.prepare('SELECT count(*) FROM users').pluck().get() as number;
const logRows = () => temp.db.$client.prepare('SELECT * FROM moderation_log ORDER BY id').all() as LogRow[];
const lastLogRow = () => logRows().at(-1);

async function seedUser(email: string, role: Role, password = 'old password 123'): Promise<number> {
  const result = await createUser(temp.db, seedActor, { email, displayName: email.split('@')[0]!, role, password });
  if (!result.ok) throw new Error(result.message);
  return result.userId;
}

/** What every row the command line writes has in common. */
const byTheCommandLine = {
  actor_id: null,
  actor_name: 'command line',
  actor_role: 'system',
  request_id: expect.stringMatching(/^cli-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
};

describe('npm run user -- create', () => {
  it('creates the account with the piped password, minus one trailing CRLF, and logs the role it starts with', async () => {
    const password = 'correct horse battery';
    const result = await runCli(
      temp.file,
      ['create', '--email', ' Owner@Example.COM ', '--name', ' Olga Owner ', '--role', 'owner', '--password-stdin'],
      `${password}\r\n`,
    );
    expect(result).toEqual({ code: 0, stdout: 'created owner@example.com (owner), id 1\n', stderr: '' });

    const row = userByEmail('owner@example.com')!;
    expect(row).toMatchObject({ id: 1, display_name: 'Olga Owner', role: 'owner', banned_at: null, session_version: 1 });
    expect(await verifyPassword(password, row.password_hash)).toBe(true);
    expect(await verifyPassword(`${password}\r`, row.password_hash)).toBe(false);
    expect(logRows()).toEqual([
      expect.objectContaining({
        ...byTheCommandLine,
        action: 'role_changed',
        target_type: 'user',
        target_id: 1,
        previous_state: null,
        new_state: '{"role":"owner"}',
      }),
    ]);
  });

  it('refuses an email that is already taken, whatever its case, and writes nothing', async () => {
    await seedUser('owner@example.com', 'owner');
    const result = await runCli(
      temp.file,
      ['create', '--email', 'OWNER@example.com', '--name', 'Impostor', '--role', 'reader', '--password-stdin'],
      'another password\n',
    );
    expect(result).toEqual({ code: 1, stdout: '', stderr: 'error: A user with the email owner@example.com already exists.\n' });
    expect(userCount()).toBe(1);
    expect(userByEmail('owner@example.com')!.display_name).toBe('owner');
  });

  it('refuses an invalid email and a short password before it opens the database', async () => {
    const untouched = path.join(path.dirname(temp.file), 'never', 'opened.db');
    const [badEmail, shortPassword] = await Promise.all([
      runCli(untouched, ['create', '--email', 'not-an-email', '--name', 'N', '--role', 'reader', '--password-stdin'], 'long enough password\n'),
      runCli(untouched, ['create', '--email', 'ok@example.com', '--name', 'N', '--role', 'reader', '--password-stdin'], 'too short\n'),
    ]);
    expect(badEmail).toEqual({ code: 1, stdout: '', stderr: 'error: --email: Enter a valid email address.\n' });
    expect(shortPassword).toEqual({ code: 1, stdout: '', stderr: 'error: password: Use at least 10 characters.\n' });
    expect(shortPassword.stderr).not.toContain('too short');
    expect(fs.existsSync(path.dirname(untouched))).toBe(false);
  });
});

describe('npm run user -- set-role', () => {
  it('changes the role and logs it; asking again for the same role changes nothing and exits 0', async () => {
    await seedUser('owner@example.com', 'owner');
    const readerId = await seedUser('reader@example.com', 'reader');
    const logged = logRows().length;

    const changed = await runCli(temp.file, ['set-role', '--email', 'Reader@Example.com', '--role', 'moderator']);
    expect(changed).toEqual({ code: 0, stdout: 'reader@example.com is now a moderator\n', stderr: '' });
    expect(userByEmail('reader@example.com')!.role).toBe('moderator');
    expect(logRows()).toHaveLength(logged + 1);
    expect(lastLogRow()).toMatchObject({
      ...byTheCommandLine,
      action: 'role_changed',
      target_type: 'user',
      target_id: readerId,
      previous_state: '{"role":"reader"}',
      new_state: '{"role":"moderator"}',
    });

    const again = await runCli(temp.file, ['set-role', '--email', 'reader@example.com', '--role', 'moderator']);
    expect(again).toEqual({ code: 0, stdout: 'unchanged: reader@example.com is already a moderator.\n', stderr: '' });
    expect(logRows()).toHaveLength(logged + 1);
  });

  it('refuses to make the last owner a reader (LAST_OWNER) and writes nothing', async () => {
    await seedUser('owner@example.com', 'owner');
    const before = { user: userByEmail('owner@example.com'), log: logRows() };
    const result = await runCli(temp.file, ['set-role', '--email', 'owner@example.com', '--role', 'reader']);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: 'error: owner@example.com is the last owner. Make someone else an owner first.\n',
    });
    expect({ user: userByEmail('owner@example.com'), log: logRows() }).toEqual(before);
  });

  it('names an unknown email, on a fresh file it creates and migrates', async () => {
    const fresh = path.join(path.dirname(temp.file), 'fresh', 'app.db');
    const result = await runCli(fresh, ['set-role', '--email', 'Nobody@Example.com', '--role', 'moderator']);
    expect(result).toEqual({ code: 1, stdout: '', stderr: 'error: No user with the email nobody@example.com.\n' });
    expect(fs.existsSync(fresh)).toBe(true);
  });
});

describe('npm run user -- ban, unban and reset-password', () => {
  it('bans with the trimmed reason, then lifts the ban, logging both', async () => {
    await seedUser('owner@example.com', 'owner');
    const readerId = await seedUser('reader@example.com', 'reader');

    const banned = await runCli(temp.file, ['ban', '--email', 'reader@example.com', '--reason', '  Spam links  ']);
    expect(banned).toEqual({ code: 0, stdout: 'banned reader@example.com\n', stderr: '' });
    expect(userByEmail('reader@example.com')).toMatchObject({ banned_at: expect.any(String), ban_reason: 'Spam links' });
    expect(lastLogRow()).toMatchObject({
      ...byTheCommandLine,
      action: 'user_banned',
      target_id: readerId,
      public_note: 'Spam links',
    });

    const unbanned = await runCli(temp.file, ['unban', '--email', 'reader@example.com']);
    expect(unbanned).toEqual({ code: 0, stdout: 'unbanned reader@example.com\n', stderr: '' });
    expect(userByEmail('reader@example.com')).toMatchObject({ banned_at: null, ban_reason: null });
    expect(lastLogRow()).toMatchObject({ ...byTheCommandLine, action: 'user_unbanned', target_id: readerId });
  });

  it('resets the password, signs out every session and logs it without the password', async () => {
    const readerId = await seedUser('reader@example.com', 'reader', 'old password 123');
    const password = 'a brand new password';
    const result = await runCli(temp.file, ['reset-password', '--email', 'reader@example.com', '--password-stdin'], `${password}\n`);
    expect(result).toEqual({
      code: 0,
      stdout: 'password reset for reader@example.com; their sessions are signed out\n',
      stderr: '',
    });

    const row = userByEmail('reader@example.com')!;
    expect(row.session_version).toBe(2);
    expect(await verifyPassword(password, row.password_hash)).toBe(true);
    expect(await verifyPassword('old password 123', row.password_hash)).toBe(false);
    const entry = lastLogRow()!;
    expect(entry).toMatchObject({
      ...byTheCommandLine,
      action: 'password_reset',
      target_id: readerId,
      previous_state: '{"sessionVersion":1}',
      new_state: '{"sessionVersion":2}',
    });
    expect(JSON.stringify(entry)).not.toContain(password);
  });

  it('waits for a write another connection holds, then does its work', async () => {
    const readerId = await seedUser('reader@example.com', 'reader');
    temp.db.$client.exec('BEGIN IMMEDIATE');
    const released = new Promise<void>((resolve) =>
      setTimeout(() => {
        temp.db.$client.exec('COMMIT');
        resolve();
      }, 2000),
    );
    const result = await runCli(temp.file, ['ban', '--email', 'reader@example.com', '--reason', 'spam']);
    await released;
    expect(result).toEqual({ code: 0, stdout: 'banned reader@example.com\n', stderr: '' });
    expect(userByEmail('reader@example.com')!.ban_reason).toBe('spam');
    expect(lastLogRow()).toMatchObject({ action: 'user_banned', target_id: readerId });
  });
});

describe('npm run user -- usage', () => {
  it('prints the usage for help, and exits 2 with it on stderr for an unknown command or a missing option', async () => {
    const [help, unknown, missing] = await Promise.all([
      runCli(temp.file, ['--help']),
      runCli(temp.file, ['promote', '--email', 'x@example.com']),
      runCli(temp.file, ['ban', '--email', 'x@example.com']),
    ]);
    expect(help).toMatchObject({ code: 0, stderr: '' });
    for (const command of ['create', 'set-role', 'ban', 'unban', 'reset-password', 'help']) {
      expect(help.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    }
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toMatch(/^error: Unknown command 'promote'\.\n\nUsage: npm run user -- <command>/);
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toMatch(/^error: ban needs --reason\.\n\nUsage:/);
    expect(userCount()).toBe(0);
  });
});
