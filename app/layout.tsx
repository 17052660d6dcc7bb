import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { Providers } from '@/components/layout/providers';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Threadkeeper', template: '%s · Threadkeeper' },
  description: 'Articles and their reader discussions, moderated in the open.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">Skip to content</a>
        <header className="site-header">
          <Link href="/" className="site-name">Threadkeeper</Link>
        </header>
        <Providers>
          <main id="main" className="page">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
