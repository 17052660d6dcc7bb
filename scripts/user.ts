// npm run user -- <command>: creates accounts, changes roles, bans, unbans and resets passwords as the system.
import './lib/allow-server-only';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { databasePath, openDatabase, type Db } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import type { Role } from '@/db/schema';
import type { SystemActor } from '@/lib/shared/auth/actor';
import { findUserIdByEmail } from '@/lib/queries/users';
import { ROLE_IN_A_SENTENCE } from '@/lib/shared/vocabulary';
import type { Failure } from '@/lib/shared/result';
import { banUser } from '@/lib/users/ban-user';
import { changeUserRole } from '@/lib/users/change-user-role';
import { createUser } from '@/lib/users/create-user';
import { resetUserPassword } from '@/lib/users/reset-user-password';
import { unbanUser } from '@/lib/users/unban-user';
import {
  banReasonSchema,
  displayNameSchema,
  emailSchema,
  passwordSchema,
  roleSchema,
} from '@/lib/shared/validation/account-fields';
import { parseInput } from '@/lib/shared/validation/parse-input';
import type { z } from 'zod';

const USAGE = `Usage: npm run user -- <command> [options]

Manages accounts as the system: the moderation log records the actor "command line".
Works on DATABASE_PATH (default data/threadkeeper.db), also while the server is running.

Commands:
  create --email E --name N --role R --password-stdin
                     create an account; R is reader, moderator or owner
  set-role --email E --role R
                     change a user's role
  ban --email E --reason TEXT
                     ban a user; the reason is shown to them and kept in the log
  unban --email E    lift a ban
  reset-password --email E --password-stdin
                     set a new password and sign out every session of the user
  help               show this text (also --help, or no command)

--password-stdin reads the password from standard input: all of it, minus one trailing
newline. It is never taken as an argument and never printed. For example:
  printf %s "$PW" | npm run user -- create --email owner@example.com --name Owner --role owner --password-stdin

Exit status:
  0  done (one line on stdout), or already so: "unchanged: ..." on stdout, e.g. when
     banning a user who is already banned or giving someone the role they have
  1  refused: an invalid value, an unknown email, an email already taken, the last owner...
     ("error: ..." on stderr, nothing written)
  2  usage error: unknown command or option, missing option, password not piped in
`;

type OptionName = 'email' | 'name' | 'role' | 'reason' | 'password-stdin';

const COMMANDS = {
  create: ['email', 'name', 'role', 'password-stdin'],
  'set-role': ['email', 'role'],
  ban: ['email', 'reason'],
  unban: ['email'],
  'reset-password': ['email', 'password-stdin'],
} as const satisfies Record<string, readonly OptionName[]>;

type Command = keyof typeof COMMANDS;

/** A problem with how the command was called: printed with the usage, exit status 2. */
class UsageError extends Error {}

/** A refusal before anything is written: printed as `error: …`, exit status 1. */
class Refusal extends Error {}

type Outcome = { stdout: string } | Failure;

function parseCommandLine(argv: string[]): { command: Command; values: Partial<Record<OptionName, string | boolean>> } | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string' },
        reason: { type: 'string' },
        'password-stdin': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const [name, ...extra] = positionals;
  if (values.help || name === undefined || name === 'help') return 'help';
  if (!Object.hasOwn(COMMANDS, name)) throw new UsageError(`Unknown command '${name}'.`);
  const command = name as Command;
  if (extra.length > 0) throw new UsageError(`Unexpected argument '${extra[0]}'.`);
  const allowed: readonly OptionName[] = COMMANDS[command];
  const given = Object.keys(values) as OptionName[];
  const stray = given.find((option) => !allowed.includes(option));
  if (stray) throw new UsageError(`${command} does not take --${stray}.`);
  const missing = allowed.find((option) => values[option] === undefined);
  if (missing) throw new UsageError(`${command} needs --${missing}.`);
  return { command, values };
}

/** Runs one field through its zod schema; a refusal names the option it came from. */
function field<S extends z.ZodType>(schema: S, raw: unknown, label: string): z.output<S> {
  const parsed = parseInput(schema, raw);
  if (!parsed.ok) throw new Refusal(`${label}: ${parsed.message}`);
  return parsed.data;
}

/** The whole of standard input with one trailing newline (\n or \r\n) removed; refused from a terminal. */
async function readPasswordFromStdin(command: Command): Promise<string> {
  if (process.stdin.isTTY) {
    throw new UsageError(
      `pipe the password on standard input, e.g. printf %s "$PW" | npm run user -- ${command} … --password-stdin`,
    );
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new Refusal('the password on standard input is not valid UTF-8.');
  }
  return text.replace(/\r?\n$/, '');
}

function userIdOf(db: Db, email: string): number {
  const id = findUserIdByEmail(db, email);
  if (id === undefined) throw new Refusal(`No user with the email ${email}.`);
  return id;
}

async function run(command: Command, values: Partial<Record<OptionName, string | boolean>>): Promise<Outcome> {
  // Every value is checked, and the password read, before the database is opened.
  const email = field(emailSchema, values.email, '--email');
  const name = command === 'create' ? field(displayNameSchema, values.name, '--name') : '';
  const role: Role = command === 'create' || command === 'set-role' ? field(roleSchema, values.role, '--role') : 'reader';
  const reason = command === 'ban' ? field(banReasonSchema, values.reason, '--reason') : '';
  const password = values['password-stdin']
    ? field(passwordSchema, await readPasswordFromStdin(command), 'password')
    : '';

  const actor: SystemActor = { kind: 'system', name: 'command line', requestId: `cli-${randomUUID()}` };
  const db = openDatabase();
  try {
    migrateDatabase(db);
    switch (command) {
      case 'create': {
        const result = await createUser(db, actor, { email, displayName: name, role, password });
        return result.ok ? { stdout: `created ${email} (${role}), id ${result.userId}` } : result;
      }
      case 'set-role': {
        const result = changeUserRole(db, actor, { userId: userIdOf(db, email), role });
        return result.ok ? { stdout: `${email} is now ${ROLE_IN_A_SENTENCE[result.role]}` } : result;
      }
      case 'ban': {
        const result = banUser(db, actor, { userId: userIdOf(db, email), reason });
        return result.ok ? { stdout: `banned ${email}` } : result;
      }
      case 'unban': {
        const result = unbanUser(db, actor, { userId: userIdOf(db, email) });
        return result.ok ? { stdout: `unbanned ${email}` } : result;
      }
      case 'reset-password': {
        const result = await resetUserPassword(db, actor, { userId: userIdOf(db, email), password });
        return result.ok ? { stdout: `password reset for ${email}; their sessions are signed out` } : result;
      }
    }
  } finally {
    db.$client.close();
  }
}

async function main(argv: string[]): Promise<number> {
  try {
    const parsed = parseCommandLine(argv);
    if (parsed === 'help') {
      process.stdout.write(USAGE);
      return 0;
    }
    const outcome = await run(parsed.command, parsed.values);
    if ('stdout' in outcome) {
      console.log(outcome.stdout);
      return 0;
    }
    if (outcome.code === 'NO_CHANGE') {
      console.log(`unchanged: ${outcome.message}`);
      return 0;
    }
    console.error(`error: ${outcome.message}`);
    return 1;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`error: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof Refusal) {
      console.error(`error: ${error.message}`);
      return 1;
    }
    console.error(`error: ${error instanceof Error ? error.message : String(error)} (database ${databasePath()})`);
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
