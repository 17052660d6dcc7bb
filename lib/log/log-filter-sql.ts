// Turns log filters into one SQL condition on `moderation_log l`, shared by the viewer, the exports and the summary.
import 'server-only';
import { likeContaining } from '@/db/like-containing';
import { dayRangeInstants } from './day-range';
import { OWNER_ONLY_LOG_ACTIONS } from '../shared/log/owner-only-log-actions';
import type { LogFilters } from '@/lib/shared/log/log-filters';
import type { LogAudience } from '@/lib/shared/log/log-page-types';

export type SqlCondition = { where: string; params: (string | number)[] };

/** The trigram index needs three characters to narrow anything. The query parser asks for that many; a shorter search is still answered right, by the LIKE alone. */
const TRIGRAM = 3;

const OWNER_ONLY_LIST = OWNER_ONLY_LOG_ACTIONS.map((action) => `'${action}'`).join(', ');

/** An FTS5 phrase: the text between double quotes, its own quotes doubled. */
function ftsPhrase(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

export function logFilterCondition(filters: LogFilters, audience: LogAudience): SqlCondition {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  const add = (clause: string, ...values: (string | number)[]) => {
    clauses.push(clause);
    params.push(...values);
  };
  // Times never go back (migration 0007), so the first and last row in the range bound the id as
  // well: every index ends in the id, and one search then takes the filter and the range together.
  const { start, end } = dayRangeInstants(filters);
  if (start) {
    add('l.created_at >= ?', start);
    add('l.id >= coalesce((SELECT id FROM moderation_log WHERE created_at >= ? ORDER BY created_at, id LIMIT 1), 9223372036854775807)', start);
  }
  if (end) {
    add('l.created_at < ?', end);
    add('l.id <= coalesce((SELECT id FROM moderation_log WHERE created_at < ? ORDER BY created_at DESC, id DESC LIMIT 1), 0)', end);
  }
  if (filters.article !== null) add('l.article_id = ?', filters.article);
  if (filters.actor === 'system') add('l.actor_id IS NULL');
  else if (filters.actor !== null) add('l.actor_id = ?', filters.actor);
  if (filters.action) add('l.action = ?', filters.action);
  if (filters.reason) add('l.reason_code = ?', filters.reason);
  if (filters.comment !== null) add("l.target_type = 'comment' AND l.target_id = ?", filters.comment);
  if (filters.q) {
    const pattern = likeContaining(filters.q);
    if ([...filters.q].length >= TRIGRAM) {
      add('l.id IN (SELECT rowid FROM moderation_log_notes WHERE moderation_log_notes MATCH ?)', ftsPhrase(filters.q));
    }
    add(
      audience === 'owner'
        ? "(l.public_note LIKE ? ESCAPE '\\' OR l.internal_note LIKE ? ESCAPE '\\')"
        : `(l.public_note LIKE ? ESCAPE '\\' OR (l.internal_note LIKE ? ESCAPE '\\' AND l.action NOT IN (${OWNER_ONLY_LIST})))`,
      pattern,
      pattern,
    );
  }
  return { where: clauses.length > 0 ? clauses.join(' AND ') : '1', params };
}
