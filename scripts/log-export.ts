// npm run log:export -- --format F [filters] > file: the moderation log's export as the system, for cron jobs.
import './lib/allow-server-only';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { parseArgs } from 'node:util';
import { databasePath, openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import type { SystemActor } from '@/lib/shared/auth/actor';
import { countLabel } from '@/lib/shared/format/count';
import { parseExportQuery } from '@/lib/log/export/export-query';
import type { LoggedExportSummary } from '@/lib/log/export/export-summary';
import { openLogExport } from '@/lib/log/export/open-log-export';
import { LOG_FILTER_KEYS } from '@/lib/shared/log/log-filters';

const USAGE = `Usage: npm run log:export -- --format csv|ndjson|json [filters] > file

Writes the moderation log, or the rows the filters select, to standard output in id order,
the same file an owner downloads from the log page. Runs as the system: the export is itself
logged, as a log_exported row by "command line". Works on DATABASE_PATH (default
data/threadkeeper.db), also while the server is running; the file holds the log as it was when
the export started.

Options:
  --format F         csv, ndjson or json (required)
  --from DAY         first day included, YYYY-MM-DD (UTC)
  --to DAY           last day included, YYYY-MM-DD (UTC)
  --article N        rows about article N
  --actor N|system   rows by user N, or by the command line
  --action A         one action, e.g. comment_hidden
  --reason R         one reason code, e.g. spam
  --comment N        rows about comment N
  --q TEXT           rows whose public or internal note contains TEXT
  --help             show this text

For example, yesterday's hides for an archive:
  npm run log:export -- --format ndjson --from 2026-03-01 --to 2026-03-01 --action comment_hidden > hides.ndjson

Exit status:
  0  exported; one line on standard error says how many rows and which log row records it
  1  refused: an invalid value, an unknown article, user or comment, or standard output closed
     before the end ("error: ..." on standard error; an export cut short is logged as incomplete)
  2  usage error: unknown option, missing --format, an argument that is not an option
`;

/** A problem with how the command was called: printed with the usage, exit status 2. */
class UsageError extends Error {}

const FORMAT_NAMES = { csv: 'CSV', ndjson: 'NDJSON', json: 'JSON' } as const;

/** The options as the query string the HTTP route reads, so that both check them with the same rules. */
function parseCommandLine(argv: string[]): URLSearchParams | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        format: { type: 'string' },
        ...Object.fromEntries(LOG_FILTER_KEYS.map((key) => [key, { type: 'string' as const }])),
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { help, ...values } = parsed.values;
  if (help) return 'help';
  if (values.format === undefined) throw new UsageError('--format is required: csv, ndjson or json.');
  return new URLSearchParams(values as Record<string, string>);
}

function describe(summary: LoggedExportSummary): string {
  const ids = summary.rows === 0 ? '' : `, ids ${summary.first_id} to ${summary.last_id}`;
  return `Exported ${countLabel(summary.rows, 'row', 'rows')} as ${FORMAT_NAMES[summary.format]}${ids} (log entry #${summary.log_entry.id}).`;
}

async function run(params: URLSearchParams): Promise<number> {
  const query = parseExportQuery(params);
  if (!query.success) {
    console.error(`error: ${query.message}`);
    return 1;
  }
  const actor: SystemActor = { kind: 'system', name: 'command line', requestId: `cli-${randomUUID()}` };
  const db = openDatabase();
  try {
    migrateDatabase(db);
    let logged: LoggedExportSummary | undefined;
    const opened = openLogExport(db, actor, { format: query.format, filters: query.filters }, { onLogged: (summary) => (logged = summary) });
    if (!opened.ok) {
      console.error(`error: ${opened.message}`);
      return 1;
    }
    try {
      // Waits for standard output to take each chunk before reading the next; stdout is left open.
      await pipeline(Readable.fromWeb(opened.body as NodeReadableStream<Uint8Array>), process.stdout, { end: false });
    } catch (error) {
      const entry = logged ? ` after ${countLabel(logged.rows, 'row', 'rows')}; logged as incomplete, entry #${logged.log_entry.id}` : '';
      console.error(`error: the export stopped${entry}: ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    }
    console.error(describe(logged!));
    return 0;
  } finally {
    db.$client.close();
  }
}

async function main(argv: string[]): Promise<number> {
  try {
    const params = parseCommandLine(argv);
    if (params === 'help') {
      process.stdout.write(USAGE);
      return 0;
    }
    return await run(params);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`error: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    console.error(`error: ${error instanceof Error ? error.message : String(error)} (database ${databasePath()})`);
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
