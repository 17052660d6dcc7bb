// Reads the owners' transparency summary of one period: the log counted by action, reason, article and moderator, and how reports ended and how long they waited.
import 'server-only';
import type { Db, Tx } from '@/db/client';
import { MODERATION_REASONS, type ModerationReason } from '@/db/moderation-reasons';
import { prepared } from '@/db/prepared';
import type { Actor } from '@/lib/shared/auth/actor';
import { authorizeActor } from '@/lib/auth/authorize-actor';
import { isFailure, type Failure, type Result } from '@/lib/shared/result';
import { LOG_ACTIONS, type LogAction } from '@/db/log-actions';
import { LOG_ACTION_WORDS, MODERATION_REASON_WORDS } from '../shared/vocabulary';
import { dayRangeInstants } from './day-range';
import { logFilterCondition, type SqlCondition } from './log-filter-sql';
import { NO_LOG_FILTERS } from '@/lib/shared/log/log-filters';
import { nearestRankPercentile } from '@/lib/shared/percentile';
import type {
  ActionCount, ArticleCount, DecisionTime, ModeratorCount, ModeratorRole, ReasonCount, ReportOutcomes, SummaryPeriod, TransparencySummary,
} from '@/lib/shared/log/transparency-summary-types';

type Counted = { n: number };

const share = (count: number, of: number) => (of === 0 ? null : count / of);

/** Every action with its count, and the period's log rows, which the shares are fractions of. */
function byAction(db: Db | Tx, range: SqlCondition): { rows: number; byAction: ActionCount[] } {
  const rows = prepared(db, `SELECT l.action, count(*) AS n FROM moderation_log l WHERE ${range.where} GROUP BY l.action`)
    .all(...range.params) as (Counted & { action: string })[];
  const counts = new Map(rows.map((row) => [row.action, row.n]));
  const total = rows.reduce((sum, row) => sum + row.n, 0);
  return {
    rows: total,
    byAction: LOG_ACTIONS.map((action) => {
      const count = counts.get(action) ?? 0;
      return { action, label: LOG_ACTION_WORDS[action], count, share: share(count, total) };
    }),
  };
}

function byReason(db: Db | Tx, range: SqlCondition): ReasonCount[] {
  const rows = prepared(db, `SELECT l.reason_code AS reason, l.action, count(*) AS n FROM moderation_log l
    WHERE ${range.where} AND l.action IN ('comment_hidden', 'comment_flagged') GROUP BY l.reason_code, l.action`)
    .all(...range.params) as (Counted & { reason: ModerationReason; action: 'comment_hidden' | 'comment_flagged' })[];
  const count = (reason: ModerationReason, action: string) => rows.find((row) => row.reason === reason && row.action === action)?.n ?? 0;
  return MODERATION_REASONS.map((reason) => ({
    reason,
    label: MODERATION_REASON_WORDS[reason],
    hidden: count(reason, 'comment_hidden'),
    flagged: count(reason, 'comment_flagged'),
  }));
}

/** Articles whose comments something happened to, the busiest first. */
function byArticle(db: Db | Tx, range: SqlCondition): ArticleCount[] {
  // The + keeps SQLite off the target index, which would read every comment row of the whole log
  // instead of the period's id range.
  return prepared(db, `
    SELECT a.id AS articleId, a.title, a.slug, t.actions, t.hidden
    FROM (
      SELECT l.article_id, count(*) AS actions, sum(l.action = 'comment_hidden') AS hidden
      FROM moderation_log l WHERE ${range.where} AND +l.target_type = 'comment' GROUP BY l.article_id
    ) AS t JOIN articles AS a ON a.id = t.article_id
    ORDER BY t.actions DESC, a.id`).all(...range.params) as ArticleCount[];
}

type ActorActionRow = Counted & { actorId: number | null; action: string; latestId: number; name: string; role: ModeratorRole };

/** Everyone who acted as a moderator or owner at the time (and the system), the busiest first. */
function byModerator(db: Db | Tx, range: SqlCondition): ModeratorCount[] {
  // With max(), SQLite takes the bare columns from the row holding the maximum: the name and role at the latest action.
  const rows = prepared(db, `
    SELECT l.actor_id AS actorId, l.action, count(*) AS n, max(l.id) AS latestId, l.actor_name AS name, l.actor_role AS role
    FROM moderation_log l WHERE ${range.where} AND l.actor_role IN ('moderator', 'owner', 'system')
    GROUP BY l.actor_id, l.action`).all(...range.params) as ActorActionRow[];
  const moderators = new Map<number | null, ModeratorCount & { latestId: number }>();
  for (const row of rows) {
    let moderator = moderators.get(row.actorId);
    if (!moderator) {
      const none = Object.fromEntries(LOG_ACTIONS.map((action) => [action, 0])) as Record<LogAction, number>;
      moderator = { actorId: row.actorId, name: row.name, role: row.role, total: 0, actions: none, latestId: 0 };
      moderators.set(row.actorId, moderator);
    }
    moderator.total += row.n;
    if (row.action in moderator.actions) moderator.actions[row.action as LogAction] = row.n;
    if (row.latestId > moderator.latestId) Object.assign(moderator, { name: row.name, role: row.role, latestId: row.latestId });
  }
  return [...moderators.values()]
    .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name))
    .map(({ latestId, ...moderator }) => moderator);
}

type DecisionRow = { resolution: 'dismissed' | 'hidden'; reports: number; firstReported: string; resolvedAt: string };

function periodClause(column: string, instants: { start: string | null; end: string | null }): string {
  return [instants.start && `${column} >= :start`, instants.end && `${column} < :end`].filter(Boolean).join(' AND ') || `${column} IS NOT NULL`;
}

/**
 * One row per decision resolved in the period. A decision is the reports of one reply that one
 * action resolved: the same comment, resolution and time (a hide or a dismissal stamps every open
 * report it closes with its own time).
 */
function decisions(db: Db | Tx, period: SummaryPeriod): DecisionRow[] {
  const instants = dayRangeInstants(period);
  const params = { ...(instants.start && { start: instants.start }), ...(instants.end && { end: instants.end }) };
  return prepared(db, `
    SELECT r.resolution, count(*) AS reports, min(r.created_at) AS firstReported, r.resolved_at AS resolvedAt
    FROM reports AS r WHERE ${periodClause('r.resolved_at', instants)}
    GROUP BY r.comment_id, r.resolved_at, r.resolution`).all(params) as DecisionRow[];
}

function reportOutcomes(rows: readonly DecisionRow[]): ReportOutcomes {
  const sum = (resolution: DecisionRow['resolution']) => rows.reduce((total, row) => total + (row.resolution === resolution ? row.reports : 0), 0);
  const dismissed = sum('dismissed');
  const actedOn = sum('hidden');
  const resolved = dismissed + actedOn;
  return { resolved, dismissed, actedOn, dismissedShare: share(dismissed, resolved), actedOnShare: share(actedOn, resolved) };
}

function decisionTime(rows: readonly DecisionRow[]): DecisionTime {
  const seconds = rows.map((row) => (Date.parse(row.resolvedAt) - Date.parse(row.firstReported)) / 1000).sort((a, b) => a - b);
  return { decisions: seconds.length, medianSeconds: nearestRankPercentile(seconds, 50), p90Seconds: nearestRankPercentile(seconds, 90) };
}

/** The summary of a period, read in one snapshot. Call inside a read transaction. */
export function summarizePeriod(db: Db | Tx, period: SummaryPeriod): TransparencySummary {
  // The date range becomes an id range (see logFilterCondition), so each count reads only the period's rows.
  const range = logFilterCondition({ ...NO_LOG_FILTERS, from: period.from, to: period.to }, 'owner');
  const resolved = decisions(db, period);
  return {
    period,
    ...byAction(db, range),
    byReason: byReason(db, range),
    byArticle: byArticle(db, range),
    moderators: byModerator(db, range),
    reports: reportOutcomes(resolved),
    decisionTime: decisionTime(resolved),
  };
}

/**
 * Who: owners (re-read from the database), and the system. Anonymous callers are UNAUTHENTICATED,
 * everyone else FORBIDDEN. `from` and `to` are validated UTC days (YYYY-MM-DD, from ≤ to), either
 * open. Reads only; nothing is logged.
 */
export function readTransparencySummary(db: Db, viewer: Actor, period: SummaryPeriod): Result<{ summary: TransparencySummary }> {
  return db.transaction((tx) => {
    const authorized = authorizeActor(tx, viewer, 'moderation.log.summary');
    if (isFailure(authorized)) return authorized;
    return { ok: true as const, summary: summarizePeriod(tx, period) };
  }, { behavior: 'deferred' });
}

/** Why `viewer` may not read the summary (anonymous, moderator, reader, banned), or null for an owner. */
export function transparencySummaryRefusal(db: Db, viewer: Actor): Failure | null {
  const authorized = db.transaction((tx) => authorizeActor(tx, viewer, 'moderation.log.summary'), { behavior: 'deferred' });
  return isFailure(authorized) ? authorized : null;
}
