import type { NextConfig } from 'next';
import { SERVER_ACTION_BODY_LIMIT } from './lib/shared/http/body-limits';
import { STATIC_SECURITY_HEADERS } from './lib/shared/http/security-headers';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // A native module: loaded by Node at run time, never bundled.
  serverExternalPackages: ['better-sqlite3'],
  experimental: {
    // forbidden(): /admin/users answers 403 with app/forbidden.tsx to signed-in users who are not owners.
    authInterrupts: true,
    // scripts/serve.ts refuses a longer declared body first with a 413; this holds under `next dev` too.
    serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT },
  },
  // Here rather than in proxy.ts, so that static files, which the proxy skips, carry them too.
  headers: async () => [{ source: '/:path*', headers: [...STATIC_SECURITY_HEADERS] }],
};

export default nextConfig;
