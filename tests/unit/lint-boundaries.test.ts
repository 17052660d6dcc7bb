// The folder boundaries of eslint.config.mjs, each shown failing: a snippet placed at a path where its import is
// forbidden must be reported by the boundary rule, and the same snippet made right, or placed where it is allowed,
// must pass. Removing a rule, or a folder from its list, fails a case here.
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

type Fixture = { file: string; code: string };
type Case = { name: string; forbidden: Fixture; rule: string; says: string; allowed: Fixture[] };

const CASES: Case[] = [
  {
    name: 'db/ imports lib/',
    forbidden: { file: 'db/fixture.ts', code: "import { fail } from '@/lib/shared/result';\nexport const refusal = fail;\n" },
    rule: 'boundaries/imports',
    says: 'db/ is the layer under lib/',
    allowed: [{ file: 'db/fixture.ts', code: "import { ROLES } from './roles';\nexport const roles = ROLES;\n" }],
  },
  {
    name: 'a component opens the database',
    forbidden: { file: 'components/fixture.tsx', code: "import { getDb } from '@/db/client';\nexport const db = getDb;\n" },
    rule: 'boundaries/imports',
    says: 'A component gets its data as props',
    allowed: [{ file: 'components/fixture.tsx', code: "import type { Db } from '@/db/client';\nexport type Database = Db;\n" }],
  },
  {
    name: 'a component runs a query',
    forbidden: { file: 'components/admin/fixture.tsx', code: "import { listUsers } from '@/lib/queries/users';\nexport const list = listUsers;\n" },
    rule: 'boundaries/imports',
    says: 'A component gets its data as props',
    allowed: [
      { file: 'components/admin/fixture.tsx', code: "import type { UserListItem } from '@/lib/queries/users';\nexport type Item = UserListItem;\n" },
      { file: 'app/admin/fixture/page.tsx', code: "import { listUsers } from '@/lib/queries/users';\nexport const list = listUsers;\n" },
    ],
  },
  {
    name: "a 'use client' file imports a server writer",
    forbidden: {
      file: 'components/thread/fixture.tsx',
      code: "'use client';\nimport { hideComment } from '@/lib/moderation/hide-comment';\nexport const hide = hideComment;\n",
    },
    rule: 'boundaries/imports',
    says: 'runs in the browser',
    allowed: [
      {
        file: 'components/thread/fixture.tsx',
        code: "'use client';\nimport { moderateCommentAction } from '@/lib/actions/moderation';\nexport const hide = moderateCommentAction;\n",
      },
      {
        file: 'components/thread/fixture.tsx',
        code: "'use client';\nimport type { HideCommentInput } from '@/lib/moderation/hide-comment';\nexport type Input = HideCommentInput;\n",
      },
      // Without the directive it is a server component, and may call lib/ (never the database: see above).
      { file: 'components/thread/fixture.tsx', code: "import { NO_LOG_FILTERS } from '@/lib/shared/log/log-filters';\nexport const none = NO_LOG_FILTERS;\n" },
    ],
  },
  {
    name: "a 'use client' file reaches the log writer by a relative path",
    forbidden: {
      file: 'components/thread/fixture.tsx',
      code: "'use client';\nimport { appendLogEntry } from '../../lib/log/append-log-entry';\nexport const append = appendLogEntry;\n",
    },
    rule: 'boundaries/imports',
    says: 'runs in the browser',
    allowed: [{ file: 'components/thread/fixture.tsx', code: "'use client';\nimport { ROLES } from '../../db/roles';\nexport const roles = ROLES;\n" }],
  },
  {
    name: 'browser code imports a server package',
    forbidden: { file: 'lib/browser/fixture.ts', code: "import Database from 'better-sqlite3';\nexport const open = Database;\n" },
    rule: 'boundaries/imports',
    says: 'may not import better-sqlite3',
    allowed: [{ file: 'lib/browser/fixture.ts', code: "import { z } from 'zod';\nexport const schema = z.string();\n" }],
  },
  {
    name: 'lib/browser imports a server folder',
    forbidden: { file: 'lib/browser/fixture.ts', code: "import { readThread } from '@/lib/queries/thread';\nexport const read = readThread;\n" },
    rule: 'boundaries/imports',
    says: 'runs in the browser',
    allowed: [{ file: 'lib/browser/fixture.ts', code: "import { isFailure } from '@/lib/shared/result';\nexport const failed = isFailure;\n" }],
  },
  {
    name: 'lib/shared imports lib/auth, even a type',
    forbidden: { file: 'lib/shared/fixture.ts', code: "import type { LogActor } from '@/lib/auth/authorize-actor';\nexport type Actor = LogActor;\n" },
    rule: 'boundaries/imports',
    says: 'lib/shared may not import lib/auth',
    allowed: [
      { file: 'lib/shared/fixture.ts', code: "import { can } from '@/lib/shared/auth/permissions';\nexport const allowed = can;\n" },
      { file: 'lib/shared/fixture.ts', code: "import type { CommentStatus } from '@/db/schema';\nexport type Status = CommentStatus;\n" },
    ],
  },
  {
    name: 'lib/shared imports db/schema at runtime',
    forbidden: { file: 'lib/shared/fixture.ts', code: "import { ROLES } from '@/db/schema';\nexport const roles = ROLES;\n" },
    rule: 'boundaries/imports',
    says: 'runs in the browser',
    allowed: [{ file: 'lib/shared/fixture.ts', code: "import { ROLES } from '@/db/roles';\nexport const roles = ROLES;\n" }],
  },
  {
    name: 'lib/log imports lib/moderation, a higher layer',
    forbidden: {
      file: 'lib/log/fixture.ts',
      code: "import 'server-only';\nimport { hideComment } from '@/lib/moderation/hide-comment';\nexport const hide = hideComment;\n",
    },
    rule: 'boundaries/imports',
    says: 'lib/log may not import lib/moderation',
    allowed: [
      {
        file: 'lib/log/fixture.ts',
        code: "import 'server-only';\nimport { authorizeActor } from '@/lib/auth/authorize-actor';\nexport const authorize = authorizeActor;\n",
      },
    ],
  },
  {
    name: 'lib/auth imports lib/queries by a relative path (the circle auth ↔ queries)',
    forbidden: {
      file: 'lib/auth/fixture.ts',
      code: "import 'server-only';\nimport { listUsers } from '../queries/users';\nexport const list = listUsers;\n",
    },
    rule: 'boundaries/imports',
    says: 'lib/auth may not import lib/queries',
    allowed: [
      {
        file: 'lib/queries/fixture.ts',
        code: "import 'server-only';\nimport { authorizeActor } from '../auth/authorize-actor';\nexport const authorize = authorizeActor;\n",
      },
    ],
  },
  {
    name: 'two folders of one layer import each other',
    forbidden: {
      file: 'lib/comments/fixture.ts',
      code: "import 'server-only';\nimport { banUser } from '@/lib/users/ban-user';\nexport const ban = banUser;\n",
    },
    rule: 'boundaries/imports',
    says: 'lib/comments may not import lib/users',
    allowed: [
      {
        file: 'lib/moderation/fixture.ts',
        code: "import 'server-only';\nimport { postComment } from '@/lib/comments/post-comment';\nexport const post = postComment;\n",
      },
    ],
  },
  {
    name: 'a lib folder that is in no layer',
    forbidden: {
      file: 'lib/newfolder/fixture.ts',
      code: "import 'server-only';\nimport { isFailure } from '@/lib/shared/result';\nexport const failed = isFailure;\n",
    },
    rule: 'boundaries/imports',
    says: 'lib/newfolder is in no layer',
    allowed: [{ file: 'lib/newfolder/fixture.ts', code: "import 'server-only';\nimport { LOG_ACTIONS } from '@/db/log-actions';\nexport const actions = LOG_ACTIONS;\n" }],
  },
  {
    name: 'the app imports lib/ops',
    forbidden: {
      file: 'app/fixture/page.tsx',
      code: "import { backupDatabase } from '@/lib/ops/backup/backup-database';\nexport const backup = backupDatabase;\n",
    },
    rule: 'boundaries/imports',
    says: 'lib/ops is command-line and benchmark code',
    allowed: [
      { file: 'scripts/fixture.ts', code: "import { backupDatabase } from '@/lib/ops/backup/backup-database';\nexport const backup = backupDatabase;\n" },
      {
        file: 'lib/ops/fixture.ts',
        code: "import 'server-only';\nimport { hideComment } from '@/lib/moderation/hide-comment';\nexport const hide = hideComment;\n",
      },
    ],
  },
  {
    name: 'a server lib module imports lib/ops',
    forbidden: {
      file: 'lib/moderation/fixture.ts',
      code: "import 'server-only';\nimport { verifyLogChain } from '@/lib/ops/log-verify/verify-log-chain';\nexport const verify = verifyLogChain;\n",
    },
    rule: 'boundaries/imports',
    says: 'lib/ops is command-line and benchmark code',
    allowed: [],
  },
  {
    name: "a server module without 'server-only'",
    forbidden: { file: 'lib/log/fixture.ts', code: 'export const answer = 42;\n' },
    rule: 'boundaries/server-only',
    says: "must import 'server-only'",
    allowed: [
      { file: 'lib/log/fixture.ts', code: "import 'server-only';\nexport const answer = 42;\n" },
      { file: 'lib/shared/fixture.ts', code: 'export const answer = 42;\n' },
      { file: 'lib/auth/fixture.d.ts', code: 'export type Answer = 42;\n' },
    ],
  },
  {
    name: "db/client without 'server-only'",
    forbidden: { file: 'db/client.ts', code: 'export const answer = 42;\n' },
    rule: 'boundaries/server-only',
    says: "must import 'server-only'",
    allowed: [{ file: 'db/roles.ts', code: 'export const answer = 42;\n' }],
  },
];

let eslint: ESLint;

async function lint({ file, code }: Fixture): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  const messages = result!.messages;
  // A snippet that does not parse would prove nothing.
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  return messages.filter((message) => message.ruleId?.startsWith('boundaries/'));
}

describe('lint boundaries', () => {
  beforeAll(() => {
    eslint = new ESLint({ cwd: ROOT });
  });

  it.each(CASES)('reports $name, and passes it made right', async ({ forbidden, rule, says, allowed }) => {
    const reported = await lint(forbidden);
    expect(reported.map((message) => message.ruleId)).toEqual([rule]);
    expect(reported[0]!.message).toContain(says);
    for (const fixture of allowed) expect(await lint(fixture), `${fixture.file}: ${fixture.code}`).toEqual([]);
  });
});
