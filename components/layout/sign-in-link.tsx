'use client';
// Links to sign-in and sign-up that bring the reader back to the page they were on.
import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';

export function SignInLinks() {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const returnTo = pathname.startsWith('/signin') || pathname.startsWith('/signup') ? '/' : `${pathname}${search ? `?${search}` : ''}`;
  const query = new URLSearchParams({ callbackUrl: returnTo });
  return (
    <>
      <Link href={`/signin?${query}`}>Sign in</Link>
      <Link href={`/signup?${query}`}>Create account</Link>
    </>
  );
}
