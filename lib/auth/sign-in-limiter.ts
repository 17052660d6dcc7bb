// The sign-in rate limiter: 10 failures in 10 minutes for one account, or from one client address (an IPv6 /64), and further attempts wait.
import 'server-only';
import type { Db, Tx } from '@/db/client';
import { prepared } from '@/db/prepared';
import { clientAddressKey } from '@/lib/rate-limit/client-address-key';
import { minutesUntil } from '@/lib/shared/format/minutes';

export const SIGN_IN_MAX_FAILURES = 10;
export const SIGN_IN_WINDOW_MS = 10 * 60 * 1000;

export type AttemptKey = { email: string; clientAddress: string };

/**
 * Opens an attempt: refused with the minutes to wait when either key has used up its failures,
 * otherwise recorded at once as a failure, so that attempts racing in parallel count before their
 * passwords are checked. `succeed` takes it back and forgives the account's earlier failures. The
 * address counts, and is stored, as its `clientAddressKey` (an IPv6 address as its /64).
 */
export function beginSignInAttempt(db: Db, key: AttemptKey, now: number): { retryAfterMinutes: number } | { attemptId: number } {
  const addressKey = clientAddressKey(key.clientAddress);
  return db.transaction((tx) => {
    const since = now - SIGN_IN_WINDOW_MS;
    prepared(tx, 'DELETE FROM sign_in_failures WHERE failed_at <= ?').run(since);
    const blockedUntil = Math.max(
      unblocksAt(tx, 'email', key.email, since),
      unblocksAt(tx, 'client_address', addressKey, since),
    );
    if (blockedUntil > now) return { retryAfterMinutes: minutesUntil(blockedUntil, now) };
    const inserted = prepared(tx, 'INSERT INTO sign_in_failures (email, client_address, failed_at) VALUES (?, ?, ?)')
      .run(key.email, addressKey, now);
    return { attemptId: Number(inserted.lastInsertRowid) };
  }, { behavior: 'immediate' });
}

/** A correct password: the attempt was not a failure, and the account starts afresh. */
export function succeedSignInAttempt(db: Db, attemptId: number, email: string): void {
  db.transaction((tx) => {
    prepared(tx, 'DELETE FROM sign_in_failures WHERE id = ?').run(attemptId);
    prepared(tx, 'DELETE FROM sign_in_failures WHERE email = ?').run(email);
  }, { behavior: 'immediate' });
}

/**
 * When the key drops below the limit again: the moment its 10th most recent failure leaves the
 * window (0 when it has fewer than 10).
 */
function unblocksAt(tx: Tx, column: 'email' | 'client_address', value: string, since: number): number {
  const row = prepared(tx, `SELECT failed_at FROM sign_in_failures WHERE ${column} = ? AND failed_at > ?
    ORDER BY failed_at DESC LIMIT 1 OFFSET ${SIGN_IN_MAX_FAILURES - 1}`).get(value, since) as { failed_at: number } | undefined;
  return row ? row.failed_at + SIGN_IN_WINDOW_MS : 0;
}
