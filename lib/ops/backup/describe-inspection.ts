// What a verified database holds, as the backup and restore commands print it.
import 'server-only';
import { countLabel } from '@/lib/shared/format/count';
import type { Inspection } from './inspect-database';
import { migrationName } from './migrations';

export function describeInspection({ counts, schemaVersion }: Inspection): string[] {
  return [
    'Checks: integrity_check ok, foreign_key_check clean, moderation log chain verified, ' +
      `schema at ${migrationName(schemaVersion)}.`,
    `Rows: ${[
      countLabel(counts.articles, 'article', 'articles'),
      countLabel(counts.comments, 'comment', 'comments'),
      countLabel(counts.users, 'user', 'users'),
      countLabel(counts.reports, 'report', 'reports'),
      countLabel(counts.logRows, 'moderation log row', 'moderation log rows'),
    ].join(', ')}.`,
    `Log head hash: ${counts.head}`,
  ];
}
