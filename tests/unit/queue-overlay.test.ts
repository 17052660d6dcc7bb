// The queue's own actions laid over the server's cards: the overlay wins until the server shows its version, cards keep their first place.
import { describe, expect, it } from 'vitest';
import { predictModeration } from '@/lib/shared/moderation/verbs';
import { applyOverlay, dropCaughtUp, mergeShownCards, orderCards, type Overlay } from '@/components/moderation/queue/queue-overlay';
import type { CommentModeration } from '@/lib/shared/moderation/types';
import type { QueueCard } from '@/lib/shared/moderation/queue-types';

const AT = '2026-01-05T12:00:00.000Z';

function card(commentId: number, version: number, sortKey: string | null = `${AT}_${String(commentId).padStart(12, '0')}`): QueueCard {
  const moderation: CommentModeration = {
    commentId, articleId: 1, version, status: 'visible', body: `Reply ${commentId}`, authorId: 7, authorName: 'Rita',
    flag: null, hidden: null, openReports: 1, annotations: [],
  };
  return {
    sortKey, moderation, article: { id: 1, slug: 'a', title: 'A' }, createdAt: AT, parent: null,
    reports: [{ id: commentId, reason: 'spam', note: null, reporterName: 'Otto', createdAt: AT }], log: [],
  };
}

function hiddenOverlay(from: QueueCard): Overlay {
  const moderation = predictModeration(from.moderation, { kind: 'hide', reason: 'spam', explanation: '', note: '' }, 'me@example.com', AT);
  return { moderation, reportsClosed: true, action: 'comment_hidden', at: 0, version: moderation.version, pending: true };
}

describe('the overlay of the moderator’s own actions', () => {
  it('shows the expected state while the server still sends an older version, and the server’s once it caught up', () => {
    const server = card(1, 3);
    const overlay = hiddenOverlay(server);
    expect(overlay.moderation).toMatchObject({ version: 4, status: 'hidden', openReports: 0, hidden: { reason: 'spam', explanation: null, note: null, by: 'me@example.com' } });
    expect(applyOverlay(server, overlay)).toMatchObject({ moderation: { status: 'hidden' }, reports: [], mine: overlay });
    const caughtUp = card(1, 4);
    expect(applyOverlay(caughtUp, overlay)).toMatchObject({ moderation: { version: 4, status: 'visible' }, mine: null });
    const overlays = new Map([[1, overlay]]);
    expect(dropCaughtUp(overlays, new Map([[1, server]]))).toBe(overlays);
    expect(dropCaughtUp(overlays, new Map([[1, caughtUp]])).size).toBe(0);
  });

  it('keeps a later action on the same reply over a refetch that only has the first', () => {
    const server = card(1, 3);
    const first = hiddenOverlay(server);
    const secondModeration = predictModeration(first.moderation, { kind: 'unhide' }, 'me@example.com', AT);
    const second: Overlay = { ...first, moderation: secondModeration, version: secondModeration.version, action: 'comment_unhidden' };
    expect(applyOverlay(card(1, 4), second)).toMatchObject({ moderation: { version: 5, status: 'visible', hidden: null }, mine: second });
  });
});

describe('the cards shown', () => {
  it('keep their first place and take fresh states, and a card that left the tab stays', () => {
    const shown = mergeShownCards(new Map(), [card(1, 1), card(2, 1)]);
    const left = { ...card(1, 2, null), moderation: { ...card(1, 2).moderation, status: 'hidden' as const } };
    const merged = mergeShownCards(shown, [card(2, 1), left]);
    expect(merged.get(1)).toMatchObject({ sortKey: card(1, 1).sortKey, moderation: { version: 2, status: 'hidden' } });
    expect(mergeShownCards(new Map(), [left]).size).toBe(0);
  });

  it('are ordered by their keys in the tab’s direction', () => {
    const cards = [card(2, 1), card(1, 1), card(3, 1)];
    expect(orderCards(cards, 'asc').map((each) => each.moderation.commentId)).toEqual([1, 2, 3]);
    expect(orderCards(cards, 'desc').map((each) => each.moderation.commentId)).toEqual([3, 2, 1]);
  });
});
