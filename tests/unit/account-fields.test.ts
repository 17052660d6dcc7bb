// What people may type into account forms, and the helpers for text, return paths and client addresses.
import { describe, expect, it } from 'vitest';
import { resolveClientAddress, trustProxyFrom, UNKNOWN_CLIENT_ADDRESS } from '@/lib/shared/http/client-address';
import { safeReturnPath } from '@/lib/shared/http/safe-return-path';
import {
  banReasonSchema,
  banUserSchema,
  changeUserRoleSchema,
  displayNameSchema,
  emailSchema,
  normalizeEmail,
  passwordSchema,
  signUpSchema,
} from '@/lib/shared/validation/account-fields';
import { parseInput } from '@/lib/shared/validation/parse-input';
import { codePointLength, hasLoneSurrogate } from '@/lib/shared/validation/unicode';

const EMOJI = '\u{1F600}'; // 😀: two UTF-16 code units, one code point
const LONE_HIGH = '\uD83D';
const LONE_LOW = '\uDE00';

/** The messages a schema gives for a value, or [] when it accepts it. */
function messagesOf(schema: { safeParse: (value: unknown) => { success: boolean; error?: { issues: { message: string }[] } } }, value: unknown) {
  const parsed = schema.safeParse(value);
  return parsed.success ? [] : parsed.error!.issues.map((issue) => issue.message);
}

describe('unicode helpers', () => {
  it('codePointLength counts an emoji as one character and a combining mark as its own', () => {
    expect(codePointLength('')).toBe(0);
    expect(codePointLength('abc')).toBe(3);
    expect(EMOJI.length).toBe(2);
    expect(codePointLength(EMOJI)).toBe(1);
    expect(codePointLength(`a${EMOJI}b`)).toBe(3);
    expect(codePointLength('e\u0301')).toBe(2);
  });

  it('hasLoneSurrogate finds an unpaired half anywhere, but not a proper pair', () => {
    expect(hasLoneSurrogate(EMOJI)).toBe(false);
    expect(hasLoneSurrogate('plain text')).toBe(false);
    expect(hasLoneSurrogate(LONE_HIGH)).toBe(true);
    expect(hasLoneSurrogate(`abc${LONE_LOW}`)).toBe(true);
    expect(hasLoneSurrogate(`${LONE_HIGH}x`)).toBe(true);
    // Low half before high half is two lone surrogates, not a pair.
    expect(hasLoneSurrogate(`${LONE_LOW}${LONE_HIGH}`)).toBe(true);
  });
});

describe('normalizeEmail', () => {
  it('trims, applies NFKC and lowercases', () => {
    expect(normalizeEmail('  Reader@Example.COM \n')).toBe('reader@example.com');
    expect(normalizeEmail('ＡＢＣ@example.com')).toBe('abc@example.com');
    expect(normalizeEmail('ｕｓｅｒ＠ＥＸＡＭＰＬＥ．ｃｏｍ')).toBe('user@example.com');
  });

  it('is idempotent', () => {
    const once = normalizeEmail(' ＡＢＣ@Example.com ');
    expect(normalizeEmail(once)).toBe(once);
  });
});

describe('emailSchema', () => {
  it('accepts an address and gives it in normal form', () => {
    expect(emailSchema.parse(' Reader@Example.COM ')).toBe('reader@example.com');
    expect(emailSchema.parse('ＡＢＣ@example.com')).toBe('abc@example.com');
  });

  it.each(['', 'plain', 'no-domain@', '@no-local.com', 'two@@example.com', 'spa ce@example.com', 'a@b', 'a@example..com'])(
    'refuses %j with the valid-address message',
    (value) => {
      expect(messagesOf(emailSchema, value)).toEqual(['Enter a valid email address.']);
    },
  );

  it('accepts 254 characters and refuses 255', () => {
    const address = (lastLabel: number) => `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(lastLabel)}.com`;
    expect(address(57)).toHaveLength(254);
    expect(emailSchema.parse(address(57))).toBe(address(57));
    expect(address(58)).toHaveLength(255);
    expect(messagesOf(emailSchema, address(58))).toEqual(['That email address is too long.']);
  });

  it('refuses a missing value', () => {
    expect(messagesOf(emailSchema, undefined)).toEqual(['Enter your email address.']);
    expect(messagesOf(emailSchema, 42)).toEqual(['Enter your email address.']);
  });
});

describe('passwordSchema', () => {
  it('counts code points: 9 refused, 10 accepted, 256 accepted, 257 refused', () => {
    expect(messagesOf(passwordSchema, 'a'.repeat(9))).toEqual(['Use at least 10 characters.']);
    expect(passwordSchema.parse('a'.repeat(10))).toBe('a'.repeat(10));
    expect(passwordSchema.parse('a'.repeat(256))).toBe('a'.repeat(256));
    expect(messagesOf(passwordSchema, 'a'.repeat(257))).toEqual(['Use at most 256 characters.']);
  });

  it('counts an emoji as one character', () => {
    // 9 emoji are 18 UTF-16 code units but only 9 characters.
    expect(messagesOf(passwordSchema, EMOJI.repeat(9))).toEqual(['Use at least 10 characters.']);
    expect(passwordSchema.safeParse(EMOJI.repeat(10)).success).toBe(true);
    // 256 emoji are 512 code units: still 256 characters.
    expect(passwordSchema.safeParse(EMOJI.repeat(256)).success).toBe(true);
    expect(messagesOf(passwordSchema, EMOJI.repeat(257))).toEqual(['Use at most 256 characters.']);
  });

  it('refuses a lone surrogate however long the password is', () => {
    expect(messagesOf(passwordSchema, `correct horse ${LONE_HIGH} battery`)).toContain('The password contains an invalid character.');
    expect(passwordSchema.safeParse(`${'a'.repeat(20)}${LONE_LOW}`).success).toBe(false);
  });

  it('does not trim or otherwise change the password', () => {
    expect(passwordSchema.parse('  spaced password  ')).toBe('  spaced password  ');
  });

  it('refuses a missing value', () => {
    expect(messagesOf(passwordSchema, undefined)).toEqual(['Enter a password.']);
  });
});

describe('displayNameSchema', () => {
  it('applies NFKC and trims', () => {
    expect(displayNameSchema.parse('  Ada Lovelace  ')).toBe('Ada Lovelace');
    expect(displayNameSchema.parse('ＡＤＡ')).toBe('ADA');
    // U+3000 IDEOGRAPHIC SPACE becomes a plain space under NFKC, then is trimmed.
    expect(displayNameSchema.parse('\u3000Ada\u3000')).toBe('Ada');
    expect(displayNameSchema.parse('ﬁle')).toBe('file');
  });

  it('accepts 1 to 50 characters, counted in code points after normalising', () => {
    expect(displayNameSchema.parse('A')).toBe('A');
    expect(displayNameSchema.parse('a'.repeat(50))).toBe('a'.repeat(50));
    expect(messagesOf(displayNameSchema, 'a'.repeat(51))).toEqual(['Use at most 50 characters.']);
    expect(displayNameSchema.parse(EMOJI.repeat(50))).toBe(EMOJI.repeat(50));
    expect(messagesOf(displayNameSchema, EMOJI.repeat(51))).toEqual(['Use at most 50 characters.']);
    // 50 characters once the surrounding spaces are trimmed.
    expect(displayNameSchema.parse(`  ${'a'.repeat(50)}  `)).toBe('a'.repeat(50));
  });

  it.each(['', '   ', '\u3000\u3000', ' \u00a0 '])('refuses the blank name %j', (value) => {
    expect(messagesOf(displayNameSchema, value)).toEqual(['Enter a display name.']);
  });

  it.each([
    ['a newline', 'Ada\nLovelace'],
    ['a tab', 'Ada\tLovelace'],
    ['a NUL', 'Ada\u0000'],
    ['DEL', 'Ada\u007f'],
    ['a C1 control', 'Ada\u0085x'],
    ['a right-to-left override', 'Ada\u202Eecalevol'],
    ['a left-to-right embedding', '\u202AAda'],
    ['a left-to-right isolate', 'Ada\u2066x'],
    ['a right-to-left isolate', 'Ada\u2067x'],
    ['a first-strong isolate', 'Ada\u2068x'],
    ['a pop directional isolate', 'Ada\u2069x'],
  ])('refuses %s', (_label, value) => {
    expect(messagesOf(displayNameSchema, value)).toContain('The name cannot contain control characters or text-direction overrides.');
  });

  it('refuses a lone surrogate', () => {
    expect(messagesOf(displayNameSchema, `Ada${LONE_HIGH}`)).toContain('The name contains an invalid character.');
    expect(messagesOf(displayNameSchema, `${LONE_LOW}Ada`)).toContain('The name contains an invalid character.');
  });

  it('accepts letters from other scripts and emoji', () => {
    expect(displayNameSchema.parse('Émile Zola')).toBe('Émile Zola');
    expect(displayNameSchema.parse('山田 太郎')).toBe('山田 太郎');
    expect(displayNameSchema.parse(`Ada ${EMOJI}`)).toBe(`Ada ${EMOJI}`);
  });
});

describe('banReasonSchema', () => {
  it('applies NFKC and trims, and accepts up to 500 characters', () => {
    expect(banReasonSchema.parse('  Spam  ')).toBe('Spam');
    expect(banReasonSchema.parse('ＳＰＡＭ')).toBe('SPAM');
    expect(banReasonSchema.parse('r'.repeat(500))).toBe('r'.repeat(500));
    expect(messagesOf(banReasonSchema, 'r'.repeat(501))).toEqual(['Use at most 500 characters.']);
    expect(banReasonSchema.parse(EMOJI.repeat(500))).toBe(EMOJI.repeat(500));
  });

  it('keeps a line break inside the reason', () => {
    expect(banReasonSchema.parse('Spam links.\nRepeated after a warning.')).toBe('Spam links.\nRepeated after a warning.');
  });

  // Browsers submit a textarea's line breaks as CRLF (HTML form submission normalises them), so a
  // two-line reason reaches the server action as "…\r\n…".
  it('keeps a line break as a browser form submits it (CRLF), stored as a plain newline', () => {
    expect(banReasonSchema.parse('Spam links.\r\nRepeated after a warning.\r\n')).toBe('Spam links.\nRepeated after a warning.');
    expect(banReasonSchema.parse('One\rTwo')).toBe('One\nTwo');
  });

  it.each(['', '   ', '\n\n'])('refuses the blank reason %j', (value) => {
    expect(messagesOf(banReasonSchema, value)).toEqual(['Give a reason for the ban.']);
  });

  it.each([
    ['a tab', 'Spam\there'],
    ['a NUL', 'Spam\u0000'],
    ['DEL', 'Spam\u007f'],
    ['a lone surrogate', `Spam${LONE_HIGH}`],
  ])('refuses %s', (_label, value) => {
    expect(messagesOf(banReasonSchema, value)).toContain('The reason contains an invalid character.');
  });

  it('refuses a missing value', () => {
    expect(messagesOf(banReasonSchema, undefined)).toEqual(['Give a reason for the ban.']);
  });
});

describe('parseInput', () => {
  it('returns the normalised data when every field is valid', () => {
    expect(parseInput(signUpSchema, { email: ' New@Example.com ', displayName: ' Ada ', password: 'long enough password' })).toEqual({
      ok: true,
      data: { email: 'new@example.com', displayName: 'Ada', password: 'long enough password' },
    });
  });

  it('returns INVALID_INPUT with the messages for each refused field', () => {
    const result = parseInput(signUpSchema, { email: 'not-an-email', displayName: 'Ada\u202E', password: 'short' });
    expect(result).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      message: 'Enter a valid email address.',
      fieldErrors: {
        email: ['Enter a valid email address.'],
        displayName: ['The name cannot contain control characters or text-direction overrides.'],
        password: ['Use at least 10 characters.'],
      },
    });
  });

  it('names only the refused fields and uses the first one for the message', () => {
    const result = parseInput(signUpSchema, { email: 'ok@example.com', displayName: '', password: 'long enough password' });
    expect(result).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      message: 'Enter a display name.',
      fieldErrors: { displayName: ['Enter a display name.'] },
    });
  });

  it('reports missing fields, and coerces a form user id', () => {
    expect(parseInput(banUserSchema, { userId: '12', reason: ' Spam ' })).toEqual({ ok: true, data: { userId: 12, reason: 'Spam' } });
    const missing = parseInput(banUserSchema, { userId: 'abc' });
    expect(missing).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(missing.ok ? undefined : missing.fieldErrors).toEqual({ userId: ['Unknown user.'], reason: ['Give a reason for the ban.'] });
    const badRole = parseInput(changeUserRoleSchema, { userId: 3, role: 'admin' });
    expect(badRole.ok ? undefined : badRole.fieldErrors).toEqual({ role: ['Choose reader, moderator or owner.'] });
    expect(parseInput(changeUserRoleSchema, { userId: 0, role: 'owner' })).toMatchObject({
      ok: false,
      fieldErrors: { userId: ['Unknown user.'] },
    });
  });
});

describe('safeReturnPath', () => {
  it.each(['/', '/x', '/articles/some-slug?page=2#c12', '/a/b\\c', '/search?q=%2F%2Fevil.com'])('keeps the local path %j', (value) => {
    expect(safeReturnPath(value)).toBe(value);
  });

  it.each([
    '//evil.com',
    '//evil.com/path',
    '/\\evil.com',
    '\\\\evil.com',
    'https://evil.com',
    'javascript:alert(1)',
    'evil.com',
    '',
    '/x\ny',
    '/x\r\n//evil.com',
    '/\t/evil.com',
    '/x\u0000',
    '/x\u007f',
  ])('replaces %j with the fallback', (value) => {
    expect(safeReturnPath(value)).toBe('/');
    expect(safeReturnPath(value, '/home')).toBe('/home');
  });

  it('replaces a non-string or an overlong path with the fallback', () => {
    expect(safeReturnPath(undefined)).toBe('/');
    expect(safeReturnPath(null, '/home')).toBe('/home');
    expect(safeReturnPath(['/x'])).toBe('/');
    expect(safeReturnPath(`/${'a'.repeat(1999)}`)).toBe(`/${'a'.repeat(1999)}`);
    expect(safeReturnPath(`/${'a'.repeat(2000)}`)).toBe('/');
  });
});

describe('resolveClientAddress', () => {
  it('uses the socket address when the proxy is not trusted, whatever the client sends', () => {
    expect(resolveClientAddress('203.0.113.9', undefined, false)).toBe('203.0.113.9');
    expect(resolveClientAddress('203.0.113.9', '198.51.100.1', false)).toBe('203.0.113.9');
    expect(resolveClientAddress('203.0.113.9', ['198.51.100.1', '198.51.100.2'], false)).toBe('203.0.113.9');
    // A header alone, with no socket address, still does not choose the address.
    expect(resolveClientAddress(undefined, '198.51.100.1', false)).toBe(UNKNOWN_CLIENT_ADDRESS);
  });

  it('with a trusted proxy uses the last X-Forwarded-For entry, the one the proxy appended', () => {
    expect(resolveClientAddress('10.0.0.1', '198.51.100.7', true)).toBe('198.51.100.7');
    expect(resolveClientAddress('10.0.0.1', '1.1.1.1, 2.2.2.2 , 198.51.100.7', true)).toBe('198.51.100.7');
    expect(resolveClientAddress('10.0.0.1', ['1.1.1.1, 2.2.2.2', '198.51.100.7'], true)).toBe('198.51.100.7');
    // Trailing empty entries are skipped.
    expect(resolveClientAddress('10.0.0.1', '1.1.1.1, 198.51.100.7, ', true)).toBe('198.51.100.7');
  });

  it('with a trusted proxy but no usable header falls back to the socket address', () => {
    expect(resolveClientAddress('10.0.0.1', undefined, true)).toBe('10.0.0.1');
    expect(resolveClientAddress('10.0.0.1', '', true)).toBe('10.0.0.1');
    expect(resolveClientAddress('10.0.0.1', ' , ', true)).toBe('10.0.0.1');
  });

  it('gives an IPv4 client on a dual-stack socket as plain IPv4, and lowercases IPv6', () => {
    expect(resolveClientAddress('::ffff:1.2.3.4', undefined, false)).toBe('1.2.3.4');
    expect(resolveClientAddress('::FFFF:1.2.3.4', undefined, false)).toBe('1.2.3.4');
    expect(resolveClientAddress('10.0.0.1', '::ffff:1.2.3.4', true)).toBe('1.2.3.4');
    expect(resolveClientAddress('2001:DB8::1', undefined, false)).toBe('2001:db8::1');
    expect(resolveClientAddress('::ffff:7f00:1', undefined, false)).toBe('::ffff:7f00:1');
  });

  it("gives 'unknown' when there is no address", () => {
    expect(resolveClientAddress(undefined, undefined, false)).toBe('unknown');
    expect(resolveClientAddress('', undefined, false)).toBe('unknown');
    expect(resolveClientAddress(undefined, undefined, true)).toBe('unknown');
  });

  it('trusts the proxy only when TRUST_PROXY is exactly 1', () => {
    expect(trustProxyFrom({ TRUST_PROXY: '1' })).toBe(true);
    expect(trustProxyFrom({})).toBe(false);
    expect(trustProxyFrom({ TRUST_PROXY: '0' })).toBe(false);
    expect(trustProxyFrom({ TRUST_PROXY: 'true' })).toBe(false);
  });
});
