// Auth.js (next-auth v5): email + password sign-in, JWT sessions that are re-checked against the database on every request.
import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { clientAddressOf } from '@/lib/shared/http/client-address';
import { readSessionUser, type ViewerRow } from './session-user';
import type { Failure } from '@/lib/shared/result';
import { authenticate, WRONG_CREDENTIALS } from './authenticate';
import { loadAuthSecret } from './auth-secret';

/** A refused sign-in; the sign-in action shows its failure's message. */
export class SignInRefused extends CredentialsSignin {
  constructor(readonly failure: Failure) {
    super(failure.message);
    this.code = failure.code === 'RATE_LIMITED' ? 'rate_limited' : 'credentials';
  }
}

// Longer input is never a real password: refuse it before spending a scrypt on it.
const credentialsSchema = z.object({ email: z.string().max(320), password: z.string().max(1024) });

let secret: string | undefined;

/** The key every session cookie is sealed with, read once. */
export function sessionSecret(): string {
  return (secret ??= loadAuthSecret());
}

/**
 * The account behind a session, read again from the database: null for a deleted user or when a
 * password reset or "sign out everywhere" bumped the session version since the cookie was issued.
 */
export function currentSessionUser(userId: number, sessionVersion: unknown): ViewerRow | null {
  const current = readSessionUser(getDb(), userId);
  if (!current || current.sessionVersion !== sessionVersion) return null;
  const { sessionVersion: _, ...viewer } = current;
  return viewer;
}

export const { handlers, signIn, signOut } = NextAuth(() => ({
  secret: sessionSecret(),
  // Auth.js then takes its URL, and so Secure cookies, from Host and X-Forwarded-Proto/-Host:
  // scripts/serve.ts deletes those a client sends unless TRUST_PROXY=1 says our proxy wrote them.
  trustHost: true,
  session: { strategy: 'jwt' },
  pages: { signIn: '/signin', error: '/signin' },
  providers: [
    Credentials({
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(raw, request) {
        const credentials = credentialsSchema.safeParse(raw);
        if (!credentials.success) throw new SignInRefused({ ok: false, code: 'UNAUTHENTICATED', message: WRONG_CREDENTIALS });
        const result = await authenticate(getDb(), { ...credentials.data, clientAddress: clientAddressOf(request.headers) });
        if (!result.ok) throw new SignInRefused(result);
        return { id: String(result.userId), sessionVersion: result.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      // Every request re-reads the account: a demotion or a ban shows at once, and a deleted user
      // or a session version bumped by a password reset or "sign out everywhere" ends the session.
      const sessionVersion = user ? user.sessionVersion : token.sessionVersion;
      const viewer = currentSessionUser(Number(user ? user.id : token.sub), sessionVersion);
      if (!viewer) return null;
      return { sub: String(viewer.id), sessionVersion, viewer };
    },
    session({ session, token }) {
      // GET /api/auth/session in Auth.js's own shape, so that its client and other tools read it as usual. The jwt
      // callback ends a session without an account, so a viewer is always there.
      const viewer = token.viewer!;
      return { user: { ...viewer, id: String(viewer.id), name: viewer.displayName }, expires: session.expires };
    },
  },
  logger: {
    error(error) {
      // Wrong passwords and stale or forged cookies are expected traffic, not server faults.
      const name = (error as { type?: string }).type ?? error.name;
      if (name === 'CredentialsSignin' || name === 'JWTSessionError') return;
      console.error(`[auth] ${name}: ${error.message}`);
    },
  },
}));
