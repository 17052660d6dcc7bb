// The page policy built around a nonce, and the headers next.config.ts puts on every response.
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, createNonce, STATIC_SECURITY_HEADERS } from '@/lib/shared/http/security-headers';

/** The policy as directive name → its sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((part) => {
    const [name, ...sources] = part.trim().split(/\s+/);
    return [name!, sources];
  }));
}

describe('contentSecurityPolicy', () => {
  it('lets scripts run only with the nonce or when loaded by one that has it, in production', () => {
    const policy = directives(contentSecurityPolicy('abc123=='));
    expect(policy.get('script-src')).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(policy.get('style-src')).toEqual(["'self'", "'nonce-abc123=='"]);
  });

  it('forbids framing, plugins, other bases and form targets, and other origins by default', () => {
    const policy = directives(contentSecurityPolicy('n'));
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:']);
  });

  it('never allows inline scripts, and allows eval and inline styles only in development', () => {
    for (const development of [false, true]) {
      expect(directives(contentSecurityPolicy('n', development)).get('script-src')).not.toContain("'unsafe-inline'");
    }
    expect(contentSecurityPolicy('n')).not.toContain('unsafe');
    const development = directives(contentSecurityPolicy('n', true));
    expect(development.get('script-src')).toContain("'unsafe-eval'");
    // With a nonce beside it, browsers would ignore 'unsafe-inline'.
    expect(development.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });
});

describe('createNonce', () => {
  it('gives 128 random bits in base64, different every time', () => {
    const nonces = Array.from({ length: 100 }, createNonce);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(new Set(nonces).size).toBe(100);
  });
});

describe('STATIC_SECURITY_HEADERS', () => {
  it('forbids sniffing and framing and keeps paths out of other sites’ referrers', () => {
    expect(Object.fromEntries(STATIC_SECURITY_HEADERS.map(({ key, value }) => [key, value]))).toEqual({
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'X-Frame-Options': 'DENY',
    });
  });
});
