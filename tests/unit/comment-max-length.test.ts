// COMMENT_MAX_LENGTH: the default, a valid value, and every value that makes no sense refused.
import { describe, expect, it } from 'vitest';
import { commentMaxLength } from '@/lib/comments/comment-max-length';

const env = (value?: string): NodeJS.ProcessEnv => (value === undefined ? { NODE_ENV: 'test' } : { NODE_ENV: 'test', COMMENT_MAX_LENGTH: value });

describe('commentMaxLength', () => {
  it('is 10,000 when COMMENT_MAX_LENGTH is unset, empty or blank', () => {
    expect(commentMaxLength(env())).toBe(10_000);
    expect(commentMaxLength(env(''))).toBe(10_000);
    expect(commentMaxLength(env('   '))).toBe(10_000);
  });

  it.each([
    ['2000', 2_000],
    [' 500 ', 500],
    ['1', 1],
    ['100000', 100_000],
  ])('takes "%s" as %i', (value, expected) => {
    expect(commentMaxLength(env(value))).toBe(expected);
  });

  it.each(['0', '-1', '1.5', 'abc', '100001', '1e4', '0x10', '+5', '10 000', '99999999999999999999'])('refuses "%s"', (value) => {
    expect(() => commentMaxLength(env(value))).toThrow(`COMMENT_MAX_LENGTH must be a whole number from 1 to 100000, not "${value}".`);
  });

  it('reads process.env by default', () => {
    const saved = process.env.COMMENT_MAX_LENGTH;
    try {
      process.env.COMMENT_MAX_LENGTH = '321';
      expect(commentMaxLength()).toBe(321);
    } finally {
      if (saved === undefined) delete process.env.COMMENT_MAX_LENGTH;
      else process.env.COMMENT_MAX_LENGTH = saved;
    }
  });
});
