// Signs many accounts in over HTTP, a few at a time: each sign-in costs the server a scrypt hash (about 0.2 s).
import { signInOverHttp } from '@/lib/ops/http-client/sign-in-over-http';

const CONCURRENT_SIGN_INS = 4;

/** The session cookies, in the order of `accounts`. */
export async function signInAll(baseUrl: string, accounts: readonly { email: string; password: string }[]): Promise<string[]> {
  const cookies: string[] = [];
  for (let start = 0; start < accounts.length; start += CONCURRENT_SIGN_INS) {
    const batch = accounts.slice(start, start + CONCURRENT_SIGN_INS);
    cookies.push(...(await Promise.all(batch.map((account) => signInOverHttp(baseUrl, account.email, account.password)))));
  }
  return cookies;
}
