import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { AccountBar } from '@/components/layout/account-bar';
import { BanNotice } from '@/components/layout/ban-notice';
import { Providers } from '@/components/layout/providers';
import { getViewer } from '@/lib/auth/get-viewer';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Threadkeeper', template: '%s · Threadkeeper' },
  description: 'Articles and their reader discussions, moderated in the open.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const viewer = await getViewer();
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">Skip to content</a>
        <header className="site-header">
          <Link href="/" className="site-name">Threadkeeper</Link>
          <AccountBar viewer={viewer} />
        </header>
        <BanNotice viewer={viewer} />
        <Providers>
          <main id="main" className="page">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
