// Thousands of reader accounts for the posting bench: one scrypt hash shared by all, and session cookies minted as Auth.js would issue them.
import { encode } from 'next-auth/jwt';
import type { Db } from '@/db/client';
import { hashPassword } from '@/lib/auth/password';
import { SESSION_COOKIE } from '@/lib/ops/http-client/sign-in-over-http';

export type ReaderAccount = { userId: number; email: string; displayName: string; sessionVersion: number };

/** Auth.js's session lifetime (session.maxAge), which its sign-in gives the cookie. */
const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/**
 * Inserts `count` readers directly: createUser would hash each password (0.2 s of scrypt apiece, 20 minutes for
 * 6,000), and a reader's creation is not logged anyway. They all share one real hash of `password`, so any of them
 * can also sign in through the real endpoint.
 */
export async function insertReaders(db: Db, prefix: string, count: number, password: string): Promise<ReaderAccount[]> {
  const passwordHash = await hashPassword(password);
  const insert = db.$client.prepare(`INSERT INTO users (email, display_name, password_hash, role) VALUES (?, ?, ?, 'reader')
    RETURNING id, session_version AS sessionVersion`);
  return db.$client.transaction(() => Array.from({ length: count }, (_, index) => {
    const email = `${prefix}-${index + 1}@example.test`;
    const displayName = `Bench reader ${index + 1}`;
    const row = insert.get(email, displayName, passwordHash) as { id: number; sessionVersion: number };
    return { userId: row.id, email, displayName, sessionVersion: row.sessionVersion };
  })).immediate();
}

/**
 * The Cookie header a browser would send after signing in as `reader`, without the sign-in's scrypt: the token
 * Auth.js's credentials sign-in issues, sealed with Auth.js's own `encode` under the server's AUTH_SECRET, salted
 * with the cookie's name (`authjs.session-token` over plain HTTP), carrying what lib/auth/auth.ts's jwt callback
 * returns ({ sub, sessionVersion, viewer }). The server trusts only `sub` and `sessionVersion` from it and reads
 * the account again, so a minted cookie gets exactly the rights the account has.
 */
export async function mintSessionCookie(secret: string, reader: ReaderAccount): Promise<string> {
  const viewer = { id: reader.userId, email: reader.email, displayName: reader.displayName, role: 'reader', banned: false, banReason: null };
  const token = await encode({
    token: { sub: String(reader.userId), sessionVersion: reader.sessionVersion, viewer },
    secret,
    salt: SESSION_COOKIE,
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  return `${SESSION_COOKIE}=${token}`;
}
