'use client';
// The moderation queue: one TanStack query per tab and filter, refreshed every 5 s and on focus, with the moderator's
// own actions laid over it, cards kept in place until "Clear handled", and every action on a key.
import { useInfiniteQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { countLabel } from '@/lib/shared/format/count';
import { QUEUE_TAB_ORDER, type ModerationQueuePage, type QueueCard as QueueCardData } from '@/lib/shared/moderation/queue-types';
import { QUEUE_INCLUDE_MAX, QUEUE_TABS, type QueueTab } from '@/lib/shared/validation/queue-query';
import { QUEUE_TAB_WORDS } from '@/lib/shared/vocabulary';
import { BulkBar } from './bulk-bar';
import { fetchQueue, queueQueryKey } from './fetch-queue';
import type { ModerationRequest } from '@/lib/shared/moderation/verbs';
import { QueueCard, type CardForm } from './queue-card';
import { applyOverlay, dropCaughtUp, mergeShownCards, orderCards, type ShownCard } from './queue-overlay';
import { ShortcutsDialog } from './shortcuts-dialog';
import { useQueueActions } from './use-queue-actions';

const REFRESH_EVERY_MS = 5_000;
const noSubscription = () => () => {};

type Props = {
  initial: ModerationQueuePage;
  tab: QueueTab;
  articleId: number | null;
  articles: readonly { id: number; title: string }[];
  viewerEmail: string;
};

const freshCards = (data: InfiniteData<ModerationQueuePage>) => data.pages.flatMap((page) => [...page.cards, ...page.include]);
const idsOf = (cards: Iterable<QueueCardData>) => new Set([...cards].map((card) => card.moderation.commentId));

export function ModerationQueue({ initial, tab, articleId, articles, viewerEmail }: Props) {
  const router = useRouter();
  // The keys work once the page is interactive; the browser tests wait for this mark.
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const queryKey = queueQueryKey(tab, articleId);
  const queryClient = useQueryClient();
  // Coming back by client navigation: the server just rendered fresher data than the cache holds.
  useState(() => {
    const cached = queryClient.getQueryState(queryKey);
    const renderedAt = Date.parse(initial.readAt);
    if (cached && cached.dataUpdatedAt < renderedAt) {
      queryClient.setQueryData(queryKey, { pages: [initial], pageParams: [''] }, { updatedAt: renderedAt });
    }
  });
  // Cards still shown that may have left the tab: the first page's request asks for them by id.
  const include = useRef<number[]>([]);
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam, signal }) => fetchQueue({ tab, articleId, after: pageParam, include: pageParam ? [] : include.current }, signal),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    initialData: { pages: [initial], pageParams: [''] },
    initialDataUpdatedAt: Date.parse(initial.readAt),
    staleTime: 0,
    refetchOnMount: false,
    refetchOnWindowFocus: true,
    refetchInterval: REFRESH_EVERY_MS,
  });
  const { overlays, setOverlays, errors, bulkError, act } = useQueueActions(queryKey, viewerEmail);

  // Every card shown stays, in its first place, until the moderator clears the handled ones.
  const [shown, setShown] = useState(() => mergeShownCards(new Map(), freshCards(query.data)));
  const [mergedData, setMergedData] = useState(query.data);
  if (mergedData !== query.data) {
    const merged = mergeShownCards(shown, freshCards(query.data));
    setMergedData(query.data);
    setShown(merged);
    setOverlays((previous) => dropCaughtUp(previous, merged));
  }
  const inTab = idsOf(query.data.pages.flatMap((page) => page.cards));
  const cards: ShownCard[] = orderCards(
    [...shown.values()].map((card) => applyOverlay(card, overlays.get(card.moderation.commentId))),
    QUEUE_TAB_ORDER[tab],
  );
  const handled = cards.filter((card) => !inTab.has(card.moderation.commentId));
  useEffect(() => {
    include.current = handled.slice(-QUEUE_INCLUDE_MAX).map((card) => card.moderation.commentId);
  });

  const [now, setNow] = useState(() => Date.parse(initial.readAt));
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);

  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [form, setForm] = useState<{ id: number; kind: CardForm } | null>(null);
  const [current, setCurrent] = useState<number | null>(null);
  const cardElements = useRef(new Map<number, HTMLElement>());
  const shortcuts = useRef<HTMLDialogElement>(null);

  const focusCard = (id: number) => {
    const element = cardElements.current.get(id);
    element?.focus();
    element?.scrollIntoView({ block: 'nearest' });
  };
  // Once a form is gone, focus goes back to its card so that j/k carry on from there. It happens in
  // the same task as the form's removal, so a key pressed right after can never land elsewhere.
  const refocus = useRef<number | null>(null);
  const closeForm = (id: number) => {
    refocus.current = id;
    setForm(null);
  };
  useLayoutEffect(() => {
    const id = refocus.current;
    if (form !== null || id === null) return;
    refocus.current = null;
    cardElements.current.get(id)?.focus();
  }, [form]);
  const actOn = (card: ShownCard, action: ModerationRequest) => {
    act(action, [card.moderation]);
    if (form?.id === card.moderation.commentId) closeForm(card.moderation.commentId);
  };
  const toggleSelected = (id: number, on: boolean) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const keys = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.altKey || event.metaKey || event.defaultPrevented) return;
    const target = event.target as HTMLElement | null;
    if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
    const dialog = shortcuts.current;
    if (event.key === '?') {
      event.preventDefault();
      if (dialog?.open) dialog.close();
      else dialog?.showModal();
      return;
    }
    if (dialog?.open) return;
    const index = cards.findIndex((card) => card.moderation.commentId === current);
    const card = index >= 0 ? cards[index] : undefined;
    const move = (to: number) => {
      const next = cards[Math.max(0, Math.min(cards.length - 1, to))];
      if (next) focusCard(next.moderation.commentId);
    };
    const run = (work: () => void) => {
      event.preventDefault();
      work();
    };
    switch (event.key) {
      case 'j': return run(() => move(index + 1));
      case 'k': return run(() => move(index < 0 ? 0 : index - 1));
    }
    if (!card) return;
    const id = card.moderation.commentId;
    const { status, flag, openReports } = card.moderation;
    switch (event.key) {
      case 'h': return status === 'visible' ? run(() => setForm({ id, kind: 'hide' })) : undefined;
      case 'u': return status === 'hidden' ? run(() => actOn(card, { kind: 'unhide' })) : undefined;
      case 'f': return run(() => (flag ? actOn(card, { kind: 'unflag' }) : setForm({ id, kind: 'flag' })));
      case 'd': return openReports > 0 ? run(() => actOn(card, { kind: 'dismiss' })) : undefined;
      case 'a': return run(() => setForm({ id, kind: 'annotate' }));
      case 'x': return run(() => toggleSelected(id, !selected.has(id)));
      case 'o': return run(() => router.push(`/articles/${card.article.slug}/comments/${id}`));
    }
  };
  const latestKeys = useRef(keys);
  useEffect(() => {
    latestKeys.current = keys;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => latestKeys.current(event);
    // The card holding focus is the one the keys act on, however it got focus (j/k, Tab, a click).
    const onFocus = (event: FocusEvent) => {
      const card = (event.target as HTMLElement | null)?.closest?.('[data-comment-id]');
      if (card) setCurrent(Number(card.getAttribute('data-comment-id')));
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('focusin', onFocus);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('focusin', onFocus);
    };
  }, []);

  const counts = query.data.pages[0]!.counts;
  const selectedCards = cards.filter((card) => selected.has(card.moderation.commentId));
  const filterQuery = (nextTab: QueueTab) => `?${new URLSearchParams({ tab: nextTab, ...(articleId !== null && { article: String(articleId) }) })}`;

  return (
    <div className="moderation-queue" data-hydrated={hydrated || undefined}>
      <nav className="queue-tabs" aria-label="Queue tabs">
        <ul>
          {QUEUE_TABS.map((each) => (
            <li key={each}>
              <Link href={filterQuery(each)} aria-current={each === tab ? 'page' : undefined}>
                {QUEUE_TAB_WORDS[each]} <span className="queue-count">({counts[each].toLocaleString('en-US')})</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="queue-toolbar">
        <form className="queue-filter" action="/moderation" method="get">
          <input type="hidden" name="tab" value={tab} />
          <label htmlFor="queue-article">Article</label>
          <select id="queue-article" name="article" defaultValue={articleId ?? ''}>
            <option value="">All articles</option>
            {articles.map((article) => <option key={article.id} value={article.id}>{article.title}</option>)}
          </select>
          <button type="submit">Filter</button>
        </form>
        <button type="button" className="secondary" onClick={() => shortcuts.current?.showModal()}>Keyboard shortcuts <kbd>?</kbd></button>
        {handled.length > 0 && (
          <button
            type="button"
            onClick={() => {
              setShown(new Map([...shown].filter(([id]) => inTab.has(id))));
              setSelected(new Set([...selected].filter((id) => inTab.has(id))));
            }}
          >
            Clear handled ({handled.length})
          </button>
        )}
      </div>
      <p className="queue-status" role="status">
        {query.error ? `Could not refresh the queue: ${query.error.message}` : ''}
      </p>
      {selectedCards.length > 0 && (
        <BulkBar
          count={selectedCards.length}
          error={bulkError}
          onAct={(action) => {
            act(action, selectedCards.map((card) => card.moderation), true);
            setSelected(new Set());
          }}
          onClear={() => setSelected(new Set())}
        />
      )}
      {cards.length === 0 ? (
        <p className="queue-empty">Nothing to review here{articleId !== null && ' for this article'}.</p>
      ) : (
        <ol className="queue-cards" aria-label={`${QUEUE_TAB_WORDS[tab]} replies, ${countLabel(cards.length, 'card', 'cards')}`}>
          {cards.map((card) => {
            const id = card.moderation.commentId;
            return (
              <li key={id}>
                <QueueCard
                  card={card}
                  viewerEmail={viewerEmail}
                  now={now}
                  selected={selected.has(id)}
                  form={form?.id === id ? form.kind : null}
                  error={errors.get(id) ?? null}
                  onSelect={(on) => toggleSelected(id, on)}
                  onOpenForm={(kind) => setForm({ id, kind })}
                  onCloseForm={() => closeForm(id)}
                  onAct={(action) => actOn(card, action)}
                  cardRef={(element) => {
                    if (element) cardElements.current.set(id, element);
                    else cardElements.current.delete(id);
                  }}
                />
              </li>
            );
          })}
        </ol>
      )}
      {query.hasNextPage && (
        <div className="load-more">
          <button type="button" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
            {query.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </button>
        </div>
      )}
      <ShortcutsDialog ref={shortcuts} />
    </div>
  );
}
