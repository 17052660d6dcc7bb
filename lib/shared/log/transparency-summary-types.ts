// The shape of a transparency summary, as lib returns it and the API sends it; free of runtime imports.
import type { ModerationReason } from '@/db/moderation-reasons';
import type { LogAction } from '@/db/log-actions';

/** The UTC days a summary covers, both included; null is open (the log's start, or up to now). */
export type SummaryPeriod = { from: string | null; to: string | null };

/** Log rows of one action; `share` is the fraction of all the period's log rows (null when there are none). */
export type ActionCount = { action: LogAction; label: string; count: number; share: number | null };

/** Hides and flags given for one reason code. */
export type ReasonCount = { reason: ModerationReason; label: string; hidden: number; flagged: number };

/** Log rows about one article's comments (every action, authors' edits included) and how many of them were hides. */
export type ArticleCount = { articleId: number; title: string; slug: string; actions: number; hidden: number };

/** The roles whose actions count as moderation; the system is the command line. */
export type ModeratorRole = 'moderator' | 'owner' | 'system';

/**
 * One person who acted as a moderator or owner (or the system) in the period. `name` and `role` are
 * as the log recorded them at their latest such action in the period; `actions` holds every action,
 * zero included, and adds up to `total`.
 */
export type ModeratorCount = {
  actorId: number | null;
  name: string;
  role: ModeratorRole;
  total: number;
  actions: Record<LogAction, number>;
};

/**
 * Reports resolved in the period: dismissed (the reply stayed) or acted on (the reply was hidden).
 * Both shares are fractions of `resolved`, null when nothing was resolved.
 */
export type ReportOutcomes = {
  resolved: number;
  dismissed: number;
  actedOn: number;
  dismissedShare: number | null;
  actedOnShare: number | null;
};

/**
 * Decisions made in the period (the reports of one reply resolved together) and the time from the
 * reply's first report among them to the decision: nearest-rank median and 90th percentile in
 * seconds, null when there was no decision.
 */
export type DecisionTime = { decisions: number; medianSeconds: number | null; p90Seconds: number | null };

export type TransparencySummary = {
  period: SummaryPeriod;
  /** Every log row in the period, whoever wrote it. */
  rows: number;
  byAction: ActionCount[];
  byReason: ReasonCount[];
  byArticle: ArticleCount[];
  moderators: ModeratorCount[];
  reports: ReportOutcomes;
  decisionTime: DecisionTime;
};
