// Gives every rendered page a Content-Security-Policy around a fresh nonce, which Next.js reads from the request to stamp its own scripts.
import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy, createNonce } from '@/lib/shared/http/security-headers';

const DEVELOPMENT = process.env.NODE_ENV === 'development';

export function proxy(request: NextRequest): NextResponse {
  const policy = contentSecurityPolicy(createNonce(), DEVELOPMENT);
  // Next.js takes the nonce for its scripts from the request's policy; the browser enforces the response's.
  const headers = new Headers(request.headers);
  headers.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Static files are never HTML. API paths stay in: an unknown one answers with the not-found page.
      source: '/((?!_next/static|_next/image|favicon.ico|icon.svg).*)',
      // A server action called by the React client (next-action) and a link's prefetch answer with
      // RSC data, not a document, so they need no policy; skipping them keeps the proxy off the hot
      // moderation path. Foreign origins and body sizes are refused in scripts/serve.ts, for every request.
      missing: [
        { type: 'header', key: 'next-action' },
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
