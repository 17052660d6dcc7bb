// npm run db:backup -- <file> [--force]: a verified online copy of the database, taken while the server runs.
import './lib/allow-server-only';
import { databasePath } from '@/db/client';
import { backupDatabase } from '@/lib/ops/backup/backup-database';
import { describeInspection } from '@/lib/ops/backup/describe-inspection';
import { EXIT_STATUS_HELP, runCommand } from '@/lib/ops/backup/run-command';

const USAGE = `Usage: npm run db:backup -- <file> [--force]

Copies DATABASE_PATH (default data/threadkeeper.db) to <file> with SQLite's online backup API,
from one consistent snapshot, while the server keeps serving. The copy is written next to <file>
first and takes its name only once it verifies: integrity_check, foreign_key_check, the schema at
this app's latest migration and the moderation log's hash chain. It is one self-contained file
(no -wal beside it). Prints its row counts and the log's head hash.

  --force  replace <file> if it exists
  --help   show this text

${EXIT_STATUS_HELP}
`;

void runCommand(process.argv.slice(2), USAGE, true, async ({ file, force }) => {
  const source = databasePath();
  const inspection = await backupDatabase(source, file, {
    force,
    onStart: (pages) => console.log(`Copying ${source} (${pages.toLocaleString('en-US')} pages) to ${file} …`),
  });
  console.log([`Backup written to ${file} and verified.`, ...describeInspection(inspection)].join('\n'));
}).then((code) => {
  process.exitCode = code;
});
