// Helpers for moderating in the thread: a reply's card by id, its moderation-log rows, a session's
// cookie header, a moderator acting behind the page's back, and a moderator's server-action
// request caught on its way out.
import type { Locator, Page, Request } from '@playwright/test';
import type { Db } from '@/db/client';
import type { ModerationReason } from '@/db/moderation-reasons';
import { hideComment } from '@/lib/moderation/hide-comment';
import { userActor } from '@/tests/support/accounts';
import { e2eDb, type Account, type LogRow } from './e2e-db';

/** A reply's card however it is labelled (a moderator's card for a hidden reply is not "Comment by …" to readers). */
export function cardById(page: Page, commentId: number): Locator {
  return page.locator(`article#comment-${commentId}`);
}

/** The buttons and panels moderators get on a card. */
export function moderatorControls(card: Locator): Locator {
  return card.getByRole('group', { name: 'Moderation', exact: true });
}

export function logRowsAbout(db: Db, commentId: number): LogRow[] {
  return db.$client.prepare("SELECT * FROM moderation_log WHERE target_type = 'comment' AND target_id = ? ORDER BY id").all(commentId) as LogRow[];
}

/** Another moderator hides a reply through lib/, as the server would, while the page still shows it visible. */
export function hideAs(moderator: Account, commentId: number, version: number, reason: ModerationReason): void {
  const db = e2eDb();
  const result = hideComment(db, userActor(db, moderator.id), { commentId, version, reason });
  if (!result.ok) throw new Error(`${moderator.email} could not hide ${commentId}: ${result.message}`);
}

/** The Cookie header a page's browser context would send: the session of whoever signed in there. */
export async function cookieHeaderOf(page: Page): Promise<string> {
  const cookies = await page.context().cookies();
  return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
}

/** A request as sent, to send again from outside the browser. */
export type CapturedRequest = { url: string; headers: Record<string, string>; body: Buffer };

/**
 * Catches the next server action the page sends (a POST with a Next-Action header) and aborts it,
 * so it never reaches the server: the test holds the exact bytes of a request the server has not
 * seen. `caught` resolves once it is sent (wrapped, since an async function cannot resolve to a
 * promise without waiting for it).
 */
export async function catchNextServerAction(page: Page): Promise<{ caught: Promise<CapturedRequest> }> {
  let caught!: (request: CapturedRequest) => void;
  const captured = new Promise<CapturedRequest>((resolve) => (caught = resolve));
  let done = false;
  await page.route('**/*', async (route) => {
    const request = route.request();
    if (done || request.method() !== 'POST' || !request.headers()['next-action']) return route.fallback();
    done = true;
    const captured = await toCaptured(request);
    await route.abort();
    caught(captured);
  });
  return { caught: captured };
}

async function toCaptured(request: Request): Promise<CapturedRequest> {
  const headers = await request.allHeaders();
  // The replay brings its own session (or none); the rest is the browser's request as it was.
  const kept = Object.fromEntries(Object.entries(headers).filter(([name]) => !name.startsWith(':') && !['cookie', 'host', 'content-length'].includes(name.toLowerCase())));
  return { url: request.url(), headers: kept, body: request.postDataBuffer() ?? Buffer.alloc(0) };
}
