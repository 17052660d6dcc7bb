// npm run log:verify [-- <export file> [--db [DATABASE]]]: verifies the database's moderation log, or an exported file.
import './lib/allow-server-only';
import { databasePath } from '@/db/client';
import { countLabel } from '@/lib/shared/format/count';
import { describeExportVerdict } from '@/lib/ops/log-verify/describe-export-verdict';
import { verifyDatabaseFile } from '@/lib/ops/log-verify/verify-database-file';
import { verifyExportFile } from '@/lib/ops/log-verify/verify-export-file';

const USAGE = `Usage: npm run log:verify [-- <export file> [--db [DATABASE]]]

With no file: checks the whole moderation log of DATABASE_PATH (default data/threadkeeper.db),
read-only, and prints "OK <n> rows, head <hash>" or the first broken row and why.

With a file: checks an exported CSV, NDJSON or JSON file on its own (the format comes from the
extension .csv, .ndjson, .jsonl or .json, else from how the file starts): every row's hash
recomputes, ids rise, rows with consecutive ids link, and the summary of an NDJSON or JSON file
matches its rows. It prints what the file proves and what it cannot.

  --db [DATABASE]  also hold the file up to the database (DATABASE_PATH when no name is given):
                   its chain verifies, every row is the database's row, and a log_exported row
                   recorded exactly this file
  --help           show this text

Exit status: 0 verified; 1 broken, or a file or database that cannot be read; 2 usage error.
`;

/** A problem with how the command was called: printed with the usage, exit status 2. */
class UsageError extends Error {}

type Request = { file: string | null; database: string | null };

/**
 * The export file and the database in either order. A bare --db takes the name right after it
 * only when another name is the export file: `<file> --db` checks against DATABASE_PATH.
 */
function parseCommandLine(argv: string[]): Request | 'help' {
  const names: string[] = [];
  let dbGiven = false;
  let dbName: string | null = null;
  let nameAfterDb: number | null = null;
  for (const arg of argv) {
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--db') {
      if (dbGiven) throw new UsageError('--db may be given only once.');
      dbGiven = true;
      nameAfterDb = names.length;
    } else if (arg.startsWith('--db=')) {
      if (dbGiven) throw new UsageError('--db may be given only once.');
      dbGiven = true;
      dbName = arg.slice('--db='.length);
      if (dbName === '') throw new UsageError('--db= needs a database file name.');
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`Unknown option '${arg}'.`);
    } else {
      names.push(arg);
    }
  }
  if (dbName === null && nameAfterDb !== null && names.length === 2 && nameAfterDb < names.length) {
    dbName = names.splice(nameAfterDb, 1)[0]!;
  }
  if (names.length > 1) throw new UsageError(`Give one export file, not ${names.length}.`);
  const file = names[0] ?? null;
  if (dbGiven && file === null) throw new UsageError('--db checks an export file against the database: give the file too.');
  return { file, database: dbGiven ? (dbName ?? databasePath()) : null };
}

async function run(request: Request): Promise<number> {
  if (request.file === null) {
    const file = databasePath();
    const verdict = verifyDatabaseFile(file);
    if (verdict.ok) {
      console.log(`OK ${countLabel(verdict.rows, 'row', 'rows')}, head ${verdict.head}`);
      return 0;
    }
    console.log(`BROKEN at row ${verdict.brokenId}: ${verdict.reason}`);
    return 1;
  }
  const verdict = await verifyExportFile(request.file, { database: request.database ?? undefined });
  console.log(describeExportVerdict(verdict).join('\n'));
  return verdict.ok ? 0 : 1;
}

async function main(argv: string[]): Promise<number> {
  try {
    const request = parseCommandLine(argv);
    if (request === 'help') {
      process.stdout.write(USAGE);
      return 0;
    }
    return await run(request);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`error: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    // A file that cannot be read is answered in words, never with a stack trace.
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
