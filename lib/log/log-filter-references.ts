// Checks that the article, actor and comment a log filter names exist, so a mistyped id is an error and not an empty view.
import 'server-only';
import type { Db, Tx } from '@/db/client';
import { prepared } from '@/db/prepared';
import type { LogFilters } from '@/lib/shared/log/log-filters';

const EXISTS = {
  article: 'SELECT 1 FROM articles WHERE id = ?',
  actor: 'SELECT 1 FROM users WHERE id = ?',
  comment: 'SELECT 1 FROM comments WHERE id = ?',
} as const;

/** The first filter that names something missing, in words ("There is no article 12."), or null. */
export function findUnknownLogReference(db: Db | Tx, filters: LogFilters): string | null {
  if (filters.article !== null && !prepared(db, EXISTS.article).get(filters.article)) return `There is no article ${filters.article}.`;
  if (typeof filters.actor === 'number' && !prepared(db, EXISTS.actor).get(filters.actor)) return `There is no user ${filters.actor}.`;
  if (filters.comment !== null && !prepared(db, EXISTS.comment).get(filters.comment)) return `There is no comment ${filters.comment}.`;
  return null;
}
