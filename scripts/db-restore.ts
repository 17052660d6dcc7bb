// npm run db:restore -- <file>: swaps a verified backup in for the database while no server runs on it.
import './lib/allow-server-only';
import { databasePath } from '@/db/client';
import { describeInspection } from '@/lib/ops/backup/describe-inspection';
import { restoreDatabase } from '@/lib/ops/backup/restore-database';
import { EXIT_STATUS_HELP, runCommand } from '@/lib/ops/backup/run-command';

const USAGE = `Usage: npm run db:restore -- <file>

Replaces DATABASE_PATH (default data/threadkeeper.db) with <file>, a backup from npm run db:backup.
Refuses while a Threadkeeper server runs on the database (stop it first) or another process has it
open. Checks a copy of <file> first: a Threadkeeper database, integrity_check, foreign_key_check,
the moderation log's hash chain, and a schema no newer than this app's (an older one is migrated
when the server starts). The current database, with the transactions still in its -wal folded in,
is kept as <database>.before-restore-<time>; the restored file then takes its name in one rename.

  --help   show this text

${EXIT_STATUS_HELP}
`;

void runCommand(process.argv.slice(2), USAGE, false, ({ file }) => {
  const database = databasePath();
  const result = restoreDatabase(file, database);
  console.log(
    [
      `Restored ${database} from ${file}.`,
      result.keptAs ? `The database it replaced is kept as ${result.keptAs}.` : `There was no database at ${database} to keep.`,
      ...describeInspection(result),
      'Start the server again (npm start); it applies any newer migrations first.',
    ].join('\n'),
  );
}).then((code) => {
  process.exitCode = code;
});
