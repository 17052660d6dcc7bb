// The session signing secret: taken from AUTH_SECRET, or generated once into a private file and reused.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUTH_SECRET_MIN_BYTES, authSecretFile, loadAuthSecret } from '@/lib/auth/auth-secret';

let dir: string;
let file: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'threadkeeper-secret-'));
  file = path.join(dir, 'auth-secret');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const modeOf = (target: string) => fs.statSync(target).mode & 0o777;

describe('loadAuthSecret with a secret file', () => {
  it('generates a private file of at least 32 bytes on first use and returns its secret', () => {
    expect(fs.existsSync(file)).toBe(false);
    const secret = loadAuthSecret({ AUTH_SECRET_FILE: file });
    expect(modeOf(file)).toBe(0o600);
    expect(Buffer.byteLength(secret, 'utf8')).toBeGreaterThanOrEqual(AUTH_SECRET_MIN_BYTES);
    expect(AUTH_SECRET_MIN_BYTES).toBe(32);
    expect(fs.readFileSync(file, 'utf8').trim()).toBe(secret);
    // Nothing but the secret file is left behind (no temporary file).
    expect(fs.readdirSync(dir)).toEqual(['auth-secret']);
  });

  it('creates missing folders for the file', () => {
    const nested = path.join(dir, 'data', 'deeper', 'auth-secret');
    const secret = loadAuthSecret({ AUTH_SECRET_FILE: nested });
    expect(fs.readFileSync(nested, 'utf8').trim()).toBe(secret);
    expect(modeOf(nested)).toBe(0o600);
  });

  it('reuses the same secret on every later call', () => {
    const first = loadAuthSecret({ AUTH_SECRET_FILE: file });
    const contents = fs.readFileSync(file, 'utf8');
    expect(loadAuthSecret({ AUTH_SECRET_FILE: file })).toBe(first);
    expect(loadAuthSecret({ AUTH_SECRET_FILE: file })).toBe(first);
    expect(fs.readFileSync(file, 'utf8')).toBe(contents);
  });

  it('gives a different secret for a different file', () => {
    const other = path.join(dir, 'other-secret');
    expect(loadAuthSecret({ AUTH_SECRET_FILE: file })).not.toBe(loadAuthSecret({ AUTH_SECRET_FILE: other }));
  });

  it('reads an existing private file, trimming its line break', () => {
    const secret = 'x'.repeat(40);
    fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
    expect(loadAuthSecret({ AUTH_SECRET_FILE: file })).toBe(secret);
  });

  it('refuses a file that other users can read, and leaves it as it was', () => {
    fs.writeFileSync(file, `${'x'.repeat(40)}\n`);
    fs.chmodSync(file, 0o644);
    expect(() => loadAuthSecret({ AUTH_SECRET_FILE: file })).toThrow(`${file} is readable by other users (mode 644): run chmod 600 ${file}`);
    expect(modeOf(file)).toBe(0o644);
    expect(fs.readFileSync(file, 'utf8')).toBe(`${'x'.repeat(40)}\n`);
  });

  it('refuses a file that only its group can read', () => {
    fs.writeFileSync(file, 'x'.repeat(40));
    fs.chmodSync(file, 0o640);
    expect(() => loadAuthSecret({ AUTH_SECRET_FILE: file })).toThrow('readable by other users (mode 640)');
  });

  it('refuses a private file holding a secret shorter than 32 bytes', () => {
    fs.writeFileSync(file, `${'x'.repeat(31)}\n`, { mode: 0o600 });
    expect(() => loadAuthSecret({ AUTH_SECRET_FILE: file })).toThrow(`The auth secret from ${file} is shorter than 32 bytes.`);
    fs.writeFileSync(file, '\n', { mode: 0o600 });
    expect(() => loadAuthSecret({ AUTH_SECRET_FILE: file })).toThrow('shorter than 32 bytes');
  });
});

describe('loadAuthSecret with AUTH_SECRET', () => {
  it('refuses a secret shorter than 32 bytes, naming the limit and the fix', () => {
    expect(() => loadAuthSecret({ AUTH_SECRET: 'x'.repeat(31), AUTH_SECRET_FILE: file })).toThrow(
      'The auth secret from AUTH_SECRET is shorter than 32 bytes. Use a longer one (openssl rand -base64 32), or unset AUTH_SECRET to have one generated.',
    );
    // Bytes, not characters: 16 two-byte characters are 32 bytes.
    expect(() => loadAuthSecret({ AUTH_SECRET: 'é'.repeat(15), AUTH_SECRET_FILE: file })).toThrow('32 bytes');
    expect(loadAuthSecret({ AUTH_SECRET: 'é'.repeat(16), AUTH_SECRET_FILE: file })).toBe('é'.repeat(16));
    expect(fs.existsSync(file)).toBe(false);
  });

  it('returns a secret of 32 bytes or more as it is, without creating a file', () => {
    const secret = 'S'.repeat(32);
    expect(loadAuthSecret({ AUTH_SECRET: secret, AUTH_SECRET_FILE: file })).toBe(secret);
    const long = ' some secret with spaces, long enough to use ';
    expect(loadAuthSecret({ AUTH_SECRET: long, AUTH_SECRET_FILE: file })).toBe(long);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('prefers AUTH_SECRET over an existing file', () => {
    const fromFile = loadAuthSecret({ AUTH_SECRET_FILE: file });
    const fromEnv = 'E'.repeat(48);
    expect(loadAuthSecret({ AUTH_SECRET: fromEnv, AUTH_SECRET_FILE: file })).toBe(fromEnv);
    expect(fs.readFileSync(file, 'utf8').trim()).toBe(fromFile);
  });

  it('treats an empty AUTH_SECRET as unset and uses the file', () => {
    const secret = loadAuthSecret({ AUTH_SECRET: '', AUTH_SECRET_FILE: file });
    expect(fs.readFileSync(file, 'utf8').trim()).toBe(secret);
  });
});

describe('authSecretFile', () => {
  it('is AUTH_SECRET_FILE when given', () => {
    expect(authSecretFile({ AUTH_SECRET_FILE: file })).toBe(file);
  });

  it("otherwise sits next to the database named by the given env's DATABASE_PATH", () => {
    // Pick a folder that differs from whatever the test process's own DATABASE_PATH says.
    const database = path.join(dir, 'elsewhere', 'app.db');
    expect(process.env.DATABASE_PATH).not.toBe(database);
    expect(authSecretFile({ DATABASE_PATH: database })).toBe(path.join(dir, 'elsewhere', 'auth-secret'));
  });
});
