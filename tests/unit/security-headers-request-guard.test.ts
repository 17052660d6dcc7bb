// What scripts/serve.ts refuses before Next.js reads a request, and which forwarded headers it believes.
import type { IncomingHttpHeaders } from 'node:http';
import { describe, expect, it } from 'vitest';
import { AUTH_BODY_LIMIT, bodyLimitFor, SERVER_ACTION_BODY_LIMIT } from '@/lib/shared/http/body-limits';
import { dropUntrustedForwarding, ownOrigin } from '@/lib/http/forwarded-headers';
import { originFormOf, refusalFor } from '@/lib/http/request-guard';

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

describe('refusalFor: the method', () => {
  it('refuses TRACE, PUT, DELETE, PATCH and CONNECT with 405 naming what is served, and lets the four served through', () => {
    for (const method of ['TRACE', 'PUT', 'DELETE', 'PATCH', 'CONNECT', 'PROPFIND']) {
      expect(refusalFor({ method, url: '/', headers: { host: HOST } }, false), method).toEqual({
        status: 405, code: 'method_not_allowed', message: 'This address answers only GET, HEAD, POST, OPTIONS.', headers: { Allow: 'GET, HEAD, POST, OPTIONS' },
      });
    }
    for (const method of ['GET', 'HEAD', 'POST', 'OPTIONS']) {
      expect(refusalFor({ method, url: '/articles/a', headers: { host: HOST } }, false), method).toBeNull();
    }
  });
});

describe('refusalFor: addresses under /api/auth', () => {
  it('lets through the Auth.js actions the app uses, with their methods', () => {
    const known: [string, string][] = [
      ['GET', '/api/auth/session'], ['POST', '/api/auth/session'], ['GET', '/api/auth/csrf'], ['GET', '/api/auth/providers'],
      ['GET', '/api/auth/signin'], ['POST', '/api/auth/signin/credentials'], ['POST', '/api/auth/callback/credentials'],
      ['GET', '/api/auth/signout'], ['POST', '/api/auth/signout'], ['GET', '/api/auth/error?error=CredentialsSignin'],
      ['OPTIONS', '/api/auth/session'], ['GET', '/api/auth/session/'],
    ];
    for (const [method, url] of known) expect(refusalFor({ method, url, headers: { host: HOST } }, false), `${method} ${url}`).toBeNull();
  });

  it('answers any other address under /api/auth with 404, however it is spelled, so Auth.js never logs it', () => {
    for (const method of ['GET', 'POST', 'HEAD']) {
      for (const url of ['/api/auth', '/api/auth/', '/api/auth/nope', '/api/auth/callback/github', '/api/auth/verify-request',
        '/api/auth/webauthn-options', '/api/auth/%73ession', '/api/auth/Session', '//api/auth/x', '/api/auth/session/x', '/api/%61uth/csrf']) {
        expect(refusalFor({ method, url, headers: { host: HOST } }, false), `${method} ${url}`).toMatchObject({ status: 404, code: 'not_found' });
      }
    }
  });

  it('checks a POST’s origin and size first: an oversized body is 413 however the address is spelled', () => {
    const big = { 'content-length': String(AUTH_BODY_LIMIT + 1) };
    for (const url of ['/api/auth/callback/credentials', '/api/%61uth/callback/credentials', '/api/auth/nope']) {
      expect(refusalFor(post(big, url), false), url).toMatchObject({ status: 413 });
    }
    expect(refusalFor(post({ origin: 'https://evil.example' }, '/api/auth/nope'), false)).toMatchObject({ status: 403 });
  });

  it('answers a method an action does not take (a HEAD too, which Auth.js logs) with 405 and its Allow', () => {
    expect(refusalFor({ method: 'HEAD', url: '/api/auth/session', headers: { host: HOST } }, false))
      .toMatchObject({ status: 405, code: 'method_not_allowed', headers: { Allow: 'GET, POST' } });
    expect(refusalFor({ method: 'GET', url: '/api/auth/callback/credentials', headers: { host: HOST } }, false))
      .toMatchObject({ status: 405, headers: { Allow: 'POST' } });
    expect(refusalFor({ method: 'POST', url: '/api/auth/csrf', headers: { host: HOST } }, false)).toMatchObject({ status: 405, headers: { Allow: 'GET' } });
  });
});

describe('the request target', () => {
  it('makes an absolute-form target naming our host a path, keeping its raw path and query', () => {
    const headers = { host: HOST };
    expect(originFormOf('/articles/a?x=1', headers, false)).toBe('/articles/a?x=1');
    expect(originFormOf(`http://${HOST}/articles/a?x=%E0%A4%A`, headers, false)).toBe('/articles/a?x=%E0%A4%A');
    expect(originFormOf(`http://${HOST}`, headers, false)).toBe('/');
    expect(originFormOf(`http://${HOST}?q`, headers, false)).toBe('/?q');
    expect(originFormOf('https://news.example/a', { host: HOST, 'x-forwarded-host': 'news.example' }, true)).toBe('/a');
  });

  it('refuses another host’s address, or a target with no path, with 400 whatever the method', () => {
    for (const target of ['http://evil.example/', `http://evil.example/?h=${HOST}`, 'http://127.0.0.1:3001/', 'ftp://127.0.0.1:3000/', '*', HOST, 'https://news.example/a']) {
      for (const method of ['GET', 'POST', 'OPTIONS']) {
        const url = originFormOf(target, { host: HOST }, false);
        expect(refusalFor({ method, url, headers: { host: HOST } }, false), `${method} ${target}`).toMatchObject({ status: 400, code: 'bad_request_target' });
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
