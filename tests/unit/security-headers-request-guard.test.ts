// What scripts/serve.ts refuses before Next.js reads a request, and which forwarded headers it believes.
import type { IncomingHttpHeaders } from 'node:http';
import { describe, expect, it } from 'vitest';
import { AUTH_BODY_LIMIT, bodyLimitFor, SERVER_ACTION_BODY_LIMIT } from '@/lib/shared/http/body-limits';
import { dropUntrustedForwarding, ownOrigin } from '@/lib/http/forwarded-headers';
import { refusalFor } from '@/lib/http/request-guard';

const HOST = '127.0.0.1:3000';

function post(headers: IncomingHttpHeaders, url = '/articles/a'): Parameters<typeof refusalFor>[0] {
  return { method: 'POST', url, headers: { host: HOST, ...headers } };
}

describe('refusalFor: Origin', () => {
  it('lets through our own origin, and a request without one (not from a browser)', () => {
    expect(refusalFor(post({ origin: `http://${HOST}` }), false)).toBeNull();
    expect(refusalFor({ method: 'POST', url: '/', headers: { host: 'LocalHost:3000', origin: 'http://localhost:3000' } }, false)).toBeNull();
    expect(refusalFor(post({}), false)).toBeNull();
  });

  it('refuses another origin, a null origin, another port or scheme, and a cross-site fetch', () => {
    for (const headers of [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { origin: 'http://127.0.0.1:3001' },
      { origin: `https://${HOST}` },
      { 'sec-fetch-site': 'cross-site' },
      { origin: `http://${HOST}`, 'sec-fetch-site': 'cross-site' },
    ]) {
      expect(refusalFor(post(headers), false), JSON.stringify(headers)).toMatchObject({ status: 403, code: 'forbidden_origin' });
    }
  });

  it('never refuses a GET or HEAD, whatever its origin', () => {
    for (const method of ['GET', 'HEAD']) {
      expect(refusalFor({ method, url: '/', headers: { host: HOST, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } }, false)).toBeNull();
    }
  });

  it('believes X-Forwarded-Host and -Proto only with a trusted proxy', () => {
    const forwarded = { origin: 'https://news.example', 'x-forwarded-host': 'news.example', 'x-forwarded-proto': 'https' };
    expect(refusalFor(post(forwarded), true)).toBeNull();
    expect(refusalFor(post(forwarded), false)).toMatchObject({ status: 403 });
  });
});

describe('refusalFor: body size', () => {
  it('refuses a declared length over the path’s limit with 413', () => {
    expect(refusalFor(post({ 'content-length': String(SERVER_ACTION_BODY_LIMIT) }), false)).toBeNull();
    expect(refusalFor(post({ 'content-length': String(SERVER_ACTION_BODY_LIMIT + 1) }), false)).toMatchObject({ status: 413, code: 'body_too_large' });
    const auth = '/api/auth/callback/credentials';
    expect(refusalFor(post({ 'content-length': String(AUTH_BODY_LIMIT) }, auth), false)).toBeNull();
    expect(refusalFor(post({ 'content-length': String(AUTH_BODY_LIMIT + 1) }, auth), false)).toMatchObject({ status: 413 });
  });

  it('refuses a chunked body, which states no length, with 411', () => {
    expect(refusalFor(post({ 'transfer-encoding': 'chunked' }), false)).toMatchObject({ status: 411, code: 'length_required' });
  });

  it('checks the origin before the size', () => {
    expect(refusalFor(post({ origin: 'https://evil.example', 'content-length': '99999999' }), false)).toMatchObject({ status: 403 });
  });
});

describe('refusalFor: the path', () => {
  it('refuses a broken %-escape in the path with 400, whatever the method, and lets a sound one through', () => {
    for (const method of ['GET', 'POST']) {
      for (const url of ['/api/articles/%E0%A4%A/comments', '/articles/%zz', '/%']) {
        expect(refusalFor({ method, url, headers: { host: HOST } }, false), `${method} ${url}`).toMatchObject({ status: 400, code: 'bad_path' });
      }
      for (const url of ['/articles/%E0%A4%A4', '/signin?x=%E0%A4%A', '/articles/caf%C3%A9']) {
        expect(refusalFor({ method, url, headers: { host: HOST } }, false), `${method} ${url}`).toBeNull();
      }
    }
  });
});

describe('bodyLimitFor', () => {
  it('gives Auth.js’s endpoints their own limit however the path is spelled', () => {
    for (const path of ['/api/auth', '/api/auth/callback/credentials', '//api//auth/signout', '/api/%61uth/csrf', '/API/Auth/x', '/api\\auth/x']) {
      expect(bodyLimitFor(path), path).toBe(AUTH_BODY_LIMIT);
    }
    for (const path of ['/', '/articles/x', '/api/authors', '/moderation', '/api/%zz']) {
      expect(bodyLimitFor(path), path).toBe(SERVER_ACTION_BODY_LIMIT);
    }
  });

  it('lets a server action carry the longest comment allowed, at 4 bytes a character', () => {
    expect(SERVER_ACTION_BODY_LIMIT).toBeGreaterThan(100_000 * 4);
    expect(SERVER_ACTION_BODY_LIMIT).toBeLessThan(1024 * 1024);
  });
});

describe('forwarded headers', () => {
  it('deletes what a client claims about scheme and host unless a proxy is trusted', () => {
    const claims = (): IncomingHttpHeaders => ({
      host: HOST, 'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.example', 'x-forwarded-port': '443', forwarded: 'proto=https',
    });
    const untrusted = claims();
    dropUntrustedForwarding(untrusted, false);
    expect(untrusted).toEqual({ host: HOST });
    const trusted = claims();
    dropUntrustedForwarding(trusted, true);
    expect(trusted).toEqual(claims());
  });

  it('reads our origin from Host, or from the proxy’s first X-Forwarded-* entry when trusted', () => {
    const headers = { host: HOST, 'x-forwarded-host': 'news.example, other.example', 'x-forwarded-proto': 'https,http' };
    expect(ownOrigin(headers, false)).toBe(`http://${HOST}`);
    expect(ownOrigin(headers, true)).toBe('https://news.example');
    expect(ownOrigin({ host: HOST, 'x-forwarded-proto': 'http' }, true)).toBe(`http://${HOST}`);
    expect(ownOrigin({}, false)).toBeNull();
  });
});
