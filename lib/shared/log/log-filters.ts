// The moderation log's filters, read from a query string: the same for the viewer, its exports and the command line.
import { z } from 'zod';
import { MODERATION_REASONS, type ModerationReason } from '@/db/moderation-reasons';
import { LOG_ACTIONS, type LogAction } from '@/db/log-actions';
import { queryCharactersRefusal } from '@/lib/shared/validation/unicode';

export type LogFilters = {
  /** First day included, YYYY-MM-DD (UTC). */
  from: string | null;
  /** Last day included, YYYY-MM-DD (UTC). */
  to: string | null;
  article: number | null;
  /** A user id, or 'system' for the command line. */
  actor: number | 'system' | null;
  action: LogAction | null;
  reason: ModerationReason | null;
  /** The comment a row is about. */
  comment: number | null;
  /** Text searched for in the public and internal notes. */
  q: string | null;
};

export const LOG_FILTER_KEYS = ['from', 'to', 'article', 'actor', 'action', 'reason', 'comment', 'q'] as const satisfies readonly (keyof LogFilters)[];

export const NO_LOG_FILTERS: LogFilters = { from: null, to: null, article: null, actor: null, action: null, reason: null, comment: null, q: null };

/** The trigram index finds three characters or more; a shorter search would read the whole log. */
export const LOG_SEARCH_MIN = 3;
export const LOG_SEARCH_MAX = 200;

// At most 15 digits: every such id is a safe integer, so Number() never rounds it into another row's id.
const ID = /^[1-9]\d{0,14}$/;

/** A real calendar day: 2026-02-30 is refused, not rolled over into March. */
function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const day = (key: string) => z.string().refine(isCalendarDay, { message: `${key} must be a date written YYYY-MM-DD` });
const id = (message: string) => z.string().regex(ID, { message }).transform(Number);

const logFiltersSchema = z
  .object({
    from: day('from').optional(),
    to: day('to').optional(),
    article: id('article must be an article id').optional(),
    actor: z.union([z.literal('system'), id('')], { error: 'actor must be a user id or "system"' }).optional(),
    action: z.enum(LOG_ACTIONS, { error: `action must be one of ${LOG_ACTIONS.join(', ')}` }).optional(),
    reason: z.enum(MODERATION_REASONS, { error: `reason must be one of ${MODERATION_REASONS.join(', ')}` }).optional(),
    comment: id('comment must be a comment id').optional(),
    q: z
      .string()
      .trim()
      .max(LOG_SEARCH_MAX, { message: `the search is at most ${LOG_SEARCH_MAX} characters` })
      .refine((q) => q === '' || [...q].length >= LOG_SEARCH_MIN, { message: `search the notes for at least ${LOG_SEARCH_MIN} characters` })
      .optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: 'from must not be after to', path: ['from'] });

export type ParsedLogQuery = { success: true; filters: LogFilters; rest: Record<string, string> } | { success: false; message: string };

/**
 * Reads the filters and the caller's own `extraKeys` (a cursor, a format). Empty values count as
 * absent. A repeated or unknown parameter is refused rather than ignored: a typo in an audit's
 * filter must not quietly widen it to the whole log.
 */
export function parseLogQuery(params: URLSearchParams, extraKeys: readonly string[] = []): ParsedLogQuery {
  const unprintable = queryCharactersRefusal(params);
  if (unprintable) return { success: false, message: unprintable };
  const known = new Set<string>([...LOG_FILTER_KEYS, ...extraKeys]);
  for (const key of new Set(params.keys())) {
    if (!known.has(key)) return { success: false, message: `unknown parameter "${key}"; the filters are ${LOG_FILTER_KEYS.join(', ')}` };
    if (params.getAll(key).length > 1) return { success: false, message: `${key} may be given only once` };
  }
  const value = (key: string) => params.get(key) || undefined;
  const parsed = logFiltersSchema.safeParse(Object.fromEntries(LOG_FILTER_KEYS.map((key) => [key, value(key)])));
  if (!parsed.success) return { success: false, message: parsed.error.issues.map((issue) => issue.message).join('; ') };
  const f = parsed.data;
  const rest: Record<string, string> = {};
  for (const key of extraKeys) {
    const each = value(key);
    if (each !== undefined) rest[key] = each;
  }
  return {
    success: true,
    filters: {
      from: f.from ?? null,
      to: f.to ?? null,
      article: f.article ?? null,
      actor: f.actor ?? null,
      action: f.action ?? null,
      reason: f.reason ?? null,
      comment: f.comment ?? null,
      q: f.q || null,
    },
    rest,
  };
}

/** The filters as a query string, in a fixed order and without the empty ones: for links, exports and the log_exported row. */
export function logFiltersToParams(filters: LogFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of LOG_FILTER_KEYS) {
    const value = filters[key];
    if (value !== null) params.set(key, String(value));
  }
  return params;
}

/** The filters that are set, as a plain object (what the log_exported row and the export's summary record). */
export function activeLogFilters(filters: LogFilters): Partial<Record<keyof LogFilters, string | number>> {
  return Object.fromEntries(LOG_FILTER_KEYS.filter((key) => filters[key] !== null).map((key) => [key, filters[key]!]));
}
