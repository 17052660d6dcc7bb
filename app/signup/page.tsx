import type { Metadata } from 'next';
import Link from 'next/link';
import { SignUpForm } from '@/components/forms/sign-up-form';
import { safeReturnPath } from '@/lib/shared/http/safe-return-path';

export const metadata: Metadata = { title: 'Create an account' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignUpPage({ searchParams }: { searchParams: SearchParams }) {
  const callbackUrl = safeReturnPath((await searchParams).callbackUrl);
  return (
    <section className="account-page">
      <h1>Create an account</h1>
      <p>Readers with an account can reply to articles and report replies that break the rules.</p>
      <SignUpForm callbackUrl={callbackUrl} />
      <p>
        Already have an account? <Link href={`/signin?${new URLSearchParams({ callbackUrl })}`}>Sign in</Link>
      </p>
    </section>
  );
}
