import type { Metadata } from 'next';
import Link from 'next/link';
import { SignInForm } from '@/components/forms/sign-in-form';
import { getViewer } from '@/lib/auth/get-viewer';
import { safeReturnPath } from '@/lib/shared/http/safe-return-path';

export const metadata: Metadata = { title: 'Sign in' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// Where Auth.js's own endpoints send a browser after a refused sign-in (no JavaScript).
const AUTH_ERRORS: Record<string, string> = {
  rate_limited: 'Too many attempts; try again in a few minutes.',
  credentials: 'Wrong email or password.',
};

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeReturnPath(params.callbackUrl);
  const viewer = await getViewer();
  const authError = params.error ? (AUTH_ERRORS[String(params.code)] ?? 'Sign-in failed. Try again.') : null;
  return (
    <section className="account-page">
      <h1>Sign in</h1>
      {viewer.kind === 'user' && (
        <p role="status">
          You are signed in as <bdi>{viewer.displayName}</bdi>. <Link href={callbackUrl}>Continue</Link>
        </p>
      )}
      {params.created && (
        <p className="notice" role="status">
          Your account is ready if this email was not registered before. Sign in with it below.
        </p>
      )}
      {authError && <p className="error" role="alert">{authError}</p>}
      <SignInForm callbackUrl={callbackUrl} />
      <p>
        New here? <Link href={`/signup?${new URLSearchParams({ callbackUrl })}`}>Create an account</Link>
      </p>
    </section>
  );
}
