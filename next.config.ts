import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // A native module: loaded by Node at run time, never bundled.
  serverExternalPackages: ['better-sqlite3'],
};

export default nextConfig;
