// The moderator's own actions laid over the server's cards until the server shows them: what each card is expected to be, at which version.
import type { CommentModeration } from '@/lib/shared/moderation/types';
import type { QueueCard } from '@/lib/shared/moderation/queue-types';

/** One card as this moderator last changed it; `version` is the comment version that change makes (or made). */
export type Overlay = {
  moderation: CommentModeration;
  /** Dismissing or hiding closes every open report. */
  reportsClosed: boolean;
  /** The log action this moderator took, for "Hidden by you just now". */
  action: string;
  /** When the moderator acted, in ms. */
  at: number;
  version: number;
  /** True until the server answers. */
  pending: boolean;
};

export type Overlays = ReadonlyMap<number, Overlay>;

/** A card as the moderator should see it, with what this moderator did to it if the server has not caught up yet. */
export type ShownCard = QueueCard & { mine: Overlay | null };

/** The overlay wins while the server's version is older than the one the moderator's action makes. */
export function applyOverlay(card: QueueCard, overlay: Overlay | undefined): ShownCard {
  if (!overlay || card.moderation.version >= overlay.version) return { ...card, mine: null };
  return { ...card, moderation: overlay.moderation, reports: overlay.reportsClosed ? [] : card.reports, mine: overlay };
}

/** Overlays the server has caught up with (or passed) are no longer needed. */
export function dropCaughtUp(overlays: Overlays, cards: ReadonlyMap<number, QueueCard>): Overlays {
  let changed = false;
  const next = new Map(overlays);
  for (const [id, overlay] of overlays) {
    const card = cards.get(id);
    if (card && card.moderation.version >= overlay.version) {
      next.delete(id);
      changed = true;
    }
  }
  return changed ? next : overlays;
}

/** Keeps every card already shown, with its first place, and takes the server's fresher state of each. */
export function mergeShownCards(shown: ReadonlyMap<number, QueueCard>, fresh: readonly QueueCard[]): Map<number, QueueCard> {
  const next = new Map(shown);
  for (const card of fresh) {
    const known = shown.get(card.moderation.commentId);
    const sortKey = known?.sortKey ?? card.sortKey;
    // A card that left the tab before this moderator ever saw it has no place to keep.
    if (sortKey !== null) next.set(card.moderation.commentId, { ...card, sortKey });
  }
  return next;
}

/** Cards in their tab's order, ties broken by the key itself, so nothing moves under the moderator's eyes. */
export function orderCards<T extends QueueCard>(cards: Iterable<T>, direction: 'asc' | 'desc'): T[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...cards].sort((a, b) => sign * ((a.sortKey ?? '') < (b.sortKey ?? '') ? -1 : (a.sortKey ?? '') > (b.sortKey ?? '') ? 1 : 0));
}
