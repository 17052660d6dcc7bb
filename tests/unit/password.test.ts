// Password hashing: the stored format, verification, and refusal of anything tampered or malformed.
// Each scrypt hash or check costs about 0.2 s, so the two hashes are made once and reused.
import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, SCRYPT_PARAMS, verifyAgainstDummyHash, verifyPassword } from '@/lib/auth/password';

const PASSWORD = 'correct horse battery staple';
const FORMAT = /^scrypt\$ln=15,r=8,p=3\$([A-Za-z0-9+/]+=*)\$([A-Za-z0-9+/]+=*)$/;

let first: string;
let second: string;

beforeAll(async () => {
  [first, second] = await Promise.all([hashPassword(PASSWORD), hashPassword(PASSWORD)]);
});

/** Replaces one base64 character of the given part (2: salt, 3: key) with a different one. */
function tamper(stored: string, part: 2 | 3): string {
  const parts = stored.split('$');
  const text = parts[part]!;
  parts[part] = `${text[0] === 'A' ? 'B' : 'A'}${text.slice(1)}`;
  return parts.join('$');
}

describe('hashPassword', () => {
  it('stores scrypt with its parameters, a 16-byte salt and a 32-byte key', () => {
    expect(SCRYPT_PARAMS).toEqual({ logN: 15, r: 8, p: 3 });
    const match = FORMAT.exec(first);
    expect(match).not.toBeNull();
    expect(Buffer.from(match![1]!, 'base64')).toHaveLength(16);
    expect(Buffer.from(match![2]!, 'base64')).toHaveLength(32);
    expect(first).not.toContain(PASSWORD);
  });

  it('salts every hash: the same password hashes differently twice', () => {
    expect(FORMAT.test(second)).toBe(true);
    expect(second).not.toBe(first);
    expect(second.split('$')[2]).not.toBe(first.split('$')[2]);
    expect(second.split('$')[3]).not.toBe(first.split('$')[3]);
  });
});

describe('verifyPassword', () => {
  it('accepts the password against either of its hashes', async () => {
    expect(await verifyPassword(PASSWORD, first)).toBe(true);
    expect(await verifyPassword(PASSWORD, second)).toBe(true);
  });

  it('refuses a wrong password, including one that differs only in case or by a space', async () => {
    const [wrong, cased, spaced] = await Promise.all([
      verifyPassword('correct horse battery stapler', first),
      verifyPassword('Correct horse battery staple', first),
      verifyPassword(`${PASSWORD} `, first),
    ]);
    expect([wrong, cased, spaced]).toEqual([false, false, false]);
  });

  it('compares passwords in NFKC form, as they were hashed', async () => {
    // Fullwidth letters and the ideographic space are NFKC-equivalent to the ASCII password.
    expect(await verifyPassword('ｃｏｒｒｅｃｔ\u3000horse battery staple', first)).toBe(true);
  });

  it('refuses a hash whose key or salt was altered', async () => {
    const [key, salt] = await Promise.all([verifyPassword(PASSWORD, tamper(first, 3)), verifyPassword(PASSWORD, tamper(first, 2))]);
    expect([key, salt]).toEqual([false, false]);
  });

  it('refuses a hash whose stored parameters were altered', async () => {
    expect(await verifyPassword(PASSWORD, first.replace('ln=15', 'ln=14'))).toBe(false);
  });

  it.each([
    '',
    'not a hash',
    'bcrypt$ln=15,r=8,p=3$c2FsdA==$a2V5',
    'scrypt$ln=15,r=8$c2FsdA==$a2V5',
    'scrypt$ln=15,r=8,p=3$$a2V5',
    'scrypt$ln=15,r=8,p=3$c2FsdA==$',
    'scrypt$ln=15,r=8,p=3$c2Fs dA==$a2V5',
    'scrypt$ln=150,r=8,p=3$c2FsdA==$a2V5',
  ])('answers false for the malformed stored value %j', async (stored) => {
    expect(await verifyPassword(PASSWORD, stored)).toBe(false);
  });

  it('answers false for a key of the wrong length without throwing', async () => {
    const parts = first.split('$');
    parts[3] = Buffer.alloc(16, 1).toString('base64');
    expect(await verifyPassword(PASSWORD, parts.join('$'))).toBe(false);
  });
});

describe('verifyAgainstDummyHash', () => {
  it('always answers false, even for the password just hashed', async () => {
    expect(await verifyAgainstDummyHash(PASSWORD)).toBe(false);
    expect(await verifyAgainstDummyHash('')).toBe(false);
  });
});
