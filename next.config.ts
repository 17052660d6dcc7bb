import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // A native module: loaded by Node at run time, never bundled.
  serverExternalPackages: ['better-sqlite3'],
  // forbidden(): /admin/users answers 403 with app/forbidden.tsx to signed-in users who are not owners.
  experimental: { authInterrupts: true },
};

export default nextConfig;
