// The key that signs session cookies: AUTH_SECRET when given, otherwise one generated on first start and kept next to the database.
import 'server-only';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { databasePath } from '@/db/client';

/** Environment variables as given; a plain object in tests. */
type Environment = Readonly<Record<string, string | undefined>>;

export const AUTH_SECRET_MIN_BYTES = 32;

/** The data folder's `auth-secret`, unless AUTH_SECRET_FILE names another file. */
export function authSecretFile(env: Environment = process.env): string {
  return env.AUTH_SECRET_FILE || path.join(path.dirname(path.resolve(/* turbopackIgnore: true */ databasePath(env))), 'auth-secret');
}

/**
 * Returns the secret, creating the file (mode 0600) when neither it nor AUTH_SECRET exists. Throws
 * with the fix when the secret is shorter than 32 bytes or the file is readable by others.
 */
export function loadAuthSecret(env: Environment = process.env): string {
  if (env.AUTH_SECRET !== undefined && env.AUTH_SECRET !== '') {
    return checkedSecret(env.AUTH_SECRET, 'AUTH_SECRET');
  }
  const file = authSecretFile(env);
  if (!fs.existsSync(file)) createSecretFile(file);
  const mode = fs.statSync(file).mode & 0o777;
  if (mode & 0o077) {
    throw new Error(`${file} is readable by other users (mode ${mode.toString(8)}): run chmod 600 ${file}`);
  }
  return checkedSecret(fs.readFileSync(file, 'utf8').trim(), file);
}

function checkedSecret(secret: string, source: string): string {
  if (Buffer.byteLength(secret, 'utf8') < AUTH_SECRET_MIN_BYTES) {
    throw new Error(
      `The auth secret from ${source} is shorter than ${AUTH_SECRET_MIN_BYTES} bytes. ` +
        'Use a longer one (openssl rand -base64 32), or unset AUTH_SECRET to have one generated.',
    );
  }
  return secret;
}

/**
 * Written to a temporary file and linked into place, so that two processes starting together
 * agree on one secret and neither ever reads a half-written file.
 */
function createSecretFile(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(temporary, `${randomBytes(AUTH_SECRET_MIN_BYTES).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    fs.linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    fs.unlinkSync(temporary);
  }
}
