// The shared frame of db:backup and db:restore: parses the command line and turns each kind of failure into words and an exit status.
import 'server-only';
import { parseArgs } from 'node:util';
import { Refusal } from './refusal';

export const EXIT_STATUS_HELP = `Exit status: 0 done; 1 the file did not verify or could not be read (nothing was replaced);
2 usage error; 3 refused (the destination exists, a server is running, the database is in use).`;

export type CommandLine = { file: string; force: boolean };

/** Runs `work` with the one file the command takes; `--force` only where `allowForce`. */
export async function runCommand(
  argv: string[],
  usage: string,
  allowForce: boolean,
  work: (commandLine: CommandLine) => Promise<void> | void,
): Promise<number> {
  let commandLine: CommandLine;
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { help: { type: 'boolean', short: 'h' }, ...(allowForce ? { force: { type: 'boolean' } } : {}) },
    });
    if (values.help) {
      process.stdout.write(usage);
      return 0;
    }
    if (positionals.length !== 1) throw new Error(positionals.length === 0 ? 'Give the file.' : `Give one file, not ${positionals.length}.`);
    commandLine = { file: positionals[0]!, force: values.force === true };
  } catch (error) {
    console.error(`error: ${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  try {
    await work(commandLine);
    return 0;
  } catch (error) {
    // Every failure is answered in words, never with a stack trace.
    console.error(`${error instanceof Refusal ? 'Refused' : 'Failed'}: ${(error as Error).message}`);
    if (error instanceof Refusal) return 3;
    return 1;
  }
}
