// Helpers for the moderation queue tests: reported replies set up through lib/ behind the page's back, the queue's cards as a moderator
// finds them, server actions held until the test lets them go, the queue's refreshes, and every state the cards show over time, checked for going back.
import type { APIResponse, Locator, Page, Route } from '@playwright/test';
import { hideComment } from '@/lib/moderation/hide-comment';
import { reportComment } from '@/lib/reports/report-comment';
import { userActor } from '@/tests/support/accounts';
import { expect } from '../fixtures';
import { commentRow } from './comments';
import { e2eDb, type Account } from './e2e-db';

export function reportAs(account: Account, commentId: number, reason: 'spam' | 'harassment' = 'spam'): void {
  const db = e2eDb();
  const result = reportComment(db, userActor(db, account.id), { commentId, reason });
  if (!result.ok) throw new Error(`${account.email} could not report ${commentId}: ${result.message}`);
}

export function hideAs(account: Account, commentId: number): void {
  const db = e2eDb();
  const version = commentRow(db, commentId)!.version;
  const result = hideComment(db, userActor(db, account.id), { commentId, version, reason: 'spam' });
  if (!result.ok) throw new Error(`${account.email} could not hide ${commentId}: ${result.message}`);
}

/** A report that reached a reply while it was hidden (a reader's page from before the hide), which the reply form cannot send any more. */
export function insertOpenReport(reporter: Account, commentId: number): void {
  e2eDb().$client
    .prepare("INSERT INTO reports (comment_id, reporter_id, reason, note, created_at) VALUES (?, ?, 'spam', NULL, ?)")
    .run(commentId, reporter.id, new Date().toISOString());
}

/** Opens one tab of the queue narrowed to one article (other tests' replies stay out) and waits until its keys work. */
export async function openQueue(page: Page, articleId: number, tab = 'reported'): Promise<void> {
  await page.goto(`/moderation?${new URLSearchParams({ tab, article: String(articleId) })}`);
  await expect(page.locator('.moderation-queue[data-hydrated]')).toBeVisible();
}

/** The queue card of the reply whose text is `text`. */
export function queueCard(page: Page, text: string): Locator {
  return page.locator('article.queue-card').filter({ has: page.locator('.queue-text').getByText(text, { exact: true }) });
}

/** The words on a card saying its state and who last acted. */
export function cardState(card: Locator): Locator {
  return card.locator('.queue-state');
}

/** A server action held on its way: `toServer` lets the server act on it and holds its answer, `answer` hands that answer to the page. */
export type HeldAction = { toServer: () => Promise<void>; answer: () => Promise<void> };

/**
 * Holds every server action the queue page sends until the test lets it go, so that the test, not the machine's
 * speed, decides how many are pending and what the page hears first. Next.js sends a page's server actions one
 * after another: while one is held here, the page's later actions wait behind it, pending too.
 */
export async function holdQueueActions(page: Page): Promise<{ next: () => Promise<HeldAction>; releaseAll: () => Promise<void> }> {
  const arrived: Route[] = [];
  const waiting: ((route: Route) => void)[] = [];
  let holding = true;
  await page.route((url) => url.pathname === '/moderation', async (route) => {
    const request = route.request();
    if (!holding || request.method() !== 'POST' || !request.headers()['next-action']) return route.fallback();
    const taker = waiting.shift();
    if (taker) taker(route);
    else arrived.push(route);
  });
  return {
    /** The next action to reach the page's network, once it has. */
    next: async () => {
      const route = await new Promise<Route>((resolve) => {
        const first = arrived.shift();
        if (first) resolve(first);
        else waiting.push(resolve);
      });
      let response: APIResponse | undefined;
      return {
        toServer: async () => {
          response = await route.fetch();
        },
        answer: () => route.fulfill({ response }),
      };
    },
    /** Every action held and every later one goes to the server and back at once. */
    releaseAll: async () => {
      holding = false;
      for (const route of arrived.splice(0)) await route.fallback();
    },
  };
}

/**
 * The queue's refreshes (GET /api/moderation/queue) in the phases a test names: each is counted in the phase it
 * was seen in, once answered.
 */
export function watchQueueRefreshes(page: Page) {
  const refreshes: { phase: string; status: number | null }[] = [];
  let phase = '';
  page.on('request', (request) => {
    if (new URL(request.url()).pathname !== '/api/moderation/queue') return;
    const refresh = { phase, status: null as number | null };
    refreshes.push(refresh);
    void request.response().then((response) => (refresh.status = response?.status() ?? null));
  });
  return {
    /** Refreshes seen from now on count in `name`. */
    startPhase: (name: string) => {
      phase = name;
    },
    /** How many refreshes seen in `name` are answered. */
    answeredIn: (name: string) => refreshes.filter((refresh) => refresh.phase === name && refresh.status !== null).length,
    /** The answered refreshes that failed. */
    failed: () => refreshes.filter(({ status }) => status !== null && status !== 200),
  };
}

/** One card as the page showed it at one moment. */
export type CardSighting = {
  id: number;
  /** data-status: visible, hidden… */
  status: string;
  /** The state words and the latest action, e.g. "Hidden (Spam) · not flagged · no open reports. Hidden by you just now." */
  state: string;
  /** Whether the card lists open reports. */
  reportsListed: boolean;
  /** The card's refusal or error, '' if none. */
  alert: string;
};

/** Every card and the queue's own status line ("Could not refresh…"), at one moment. */
export type QueueSighting = { cards: CardSighting[]; queueStatus: string };

type Watched = Window & { queueSightings?: QueueSighting[] };

/**
 * Starts writing down what every card shows each time React changes the queue (a MutationObserver, so that a state
 * shown for a single frame is caught too, which sampling every few hundred milliseconds could miss).
 */
export async function watchQueueCards(page: Page): Promise<void> {
  await page.locator('.moderation-queue').evaluate((queue) => {
    const sightings: QueueSighting[] = [];
    (window as Watched).queueSightings = sightings;
    const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    const look = () => {
      const sighting: QueueSighting = {
        queueStatus: text(queue.querySelector('.queue-status')),
        cards: [...queue.querySelectorAll('article.queue-card')].map((card) => ({
          id: Number(card.getAttribute('data-comment-id')),
          status: card.getAttribute('data-status') ?? '',
          state: text(card.querySelector('.queue-state')),
          reportsListed: [...card.querySelectorAll('h3')].some((heading) => heading.textContent === 'Open reports'),
          alert: [...card.querySelectorAll('[role="alert"]')].map(text).join(' '),
        })),
      };
      if (JSON.stringify(sighting) !== JSON.stringify(sightings.at(-1))) sightings.push(sighting);
    };
    look();
    new MutationObserver(look).observe(queue, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

/** What the cards have shown since `watchQueueCards`, oldest first. */
export function queueSightings(page: Page): Promise<QueueSighting[]> {
  return page.evaluate(() => (window as Watched).queueSightings ?? []);
}

/** How a card looks: its status, the state words its text starts with, and whether it lists open reports. */
export type CardLook = { status: string; words: string; reportsListed: boolean };

const looksLike = (card: CardSighting, look: CardLook) =>
  card.status === look.status && card.state.startsWith(look.words) && card.reportsListed === look.reportsListed;

/**
 * What `sightings` show going wrong, once per card and kind of fault: a card looking neither `before` nor `after` its
 * action, a card back to `before` once it showed `after`, a refusal, a failed refresh; and from sighting `answeredFrom`
 * on (every action answered), a card without its `after` look, its `latest` words, or still "saving…".
 */
export function staleSightings(
  sightings: readonly QueueSighting[],
  before: CardLook,
  after: (commentId: number) => CardLook & { latest: string },
  answeredFrom: number,
): string[] {
  const problems = new Map<string, string>();
  const problem = (kind: string, message: string) => {
    if (!problems.has(kind)) problems.set(kind, message);
  };
  const acted = new Set<number>();
  sightings.forEach((sighting, at) => {
    if (sighting.queueStatus) problem('status', `sighting ${at}: "${sighting.queueStatus}"`);
    for (const card of sighting.cards) {
      const expected = after(card.id);
      const seen = `sighting ${at}, comment ${card.id}: ${card.status}, "${card.state}"${card.reportsListed ? ', reports listed' : ''}`;
      if (card.alert) problem(`alert ${card.id}`, `${seen}, alert "${card.alert}"`);
      if (looksLike(card, expected)) acted.add(card.id);
      else if (!looksLike(card, before)) problem(`unexpected ${card.id}`, `${seen}: neither before nor after`);
      else if (acted.has(card.id)) problem(`back ${card.id}`, `${seen}: back to before the action`);
      const settled = looksLike(card, expected) && card.state.includes(`. ${expected.latest} `) && !card.state.includes('saving');
      if (at >= answeredFrom && !settled) problem(`answered ${card.id}`, `${seen}: not as answered`);
    }
  });
  return [...problems.values()];
}

/** The most cards seen "saving…" at once: how many actions were waiting for the server together. */
export function mostPendingAtOnce(sightings: readonly QueueSighting[]): number {
  return Math.max(0, ...sightings.map((sighting) => sighting.cards.filter((card) => card.state.includes('(saving…)')).length));
}
