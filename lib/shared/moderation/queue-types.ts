// The shapes of the moderation queue and the author page as the browser receives them (types only, client-safe).
import type { ReportReason } from '@/db/report-reasons';
import type { CommentStatus } from '@/db/schema';
import type { CommentLogEntry, CommentModeration } from '@/lib/shared/moderation/types';
import type { QueueTab } from '@/lib/shared/validation/queue-query';

export type QueueReport = { id: number; reason: ReportReason; note: string | null; reporterName: string; createdAt: string };

/** One comment as a moderator reviews it: its state, where it stands, what it answers, its open reports and latest log rows. */
export type ModeratedComment = {
  moderation: CommentModeration;
  article: { id: number; slug: string; title: string };
  createdAt: string;
  /** The comment it answers, its first 200 characters whatever its status (moderators may read everything). */
  parent: { id: number; authorName: string; status: CommentStatus; excerpt: string } | null;
  reports: QueueReport[];
  /** Newest first. */
  log: CommentLogEntry[];
};

export type QueueCard = ModeratedComment & {
  /** Where the card stands in its tab (compare as strings; see QUEUE_TAB_ORDER); null once it left the tab. */
  sortKey: string | null;
};

export type QueueCounts = Record<QueueTab, number>;

export type ModerationQueuePage = {
  counts: QueueCounts;
  cards: QueueCard[];
  /** Pass back as `after` for the next page; null on the last page. */
  nextCursor: string | null;
  /** Fresh cards for the requested ids that are not on this page, whether or not they are still in the tab. */
  include: QueueCard[];
  readAt: string;
};

/** Reported shows the oldest open report first; the other tabs the newest first. */
export const QUEUE_TAB_ORDER: Readonly<Record<QueueTab, 'asc' | 'desc'>> = { reported: 'asc', flagged: 'desc', hidden: 'desc', new: 'desc' };
