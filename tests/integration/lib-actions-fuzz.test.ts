// Fuzzes the lib functions behind the server actions on a real SQLite file: arbitrary raw input (near-valid objects
// and wild values) from random callers. None throws; a refusal is a typed failure with words and leaves every table
// as it was; whatever is accepted keeps the log's chain whole. Account actions are fed as their admin-page action
// feeds them: through their schema first, since lib/users takes validated input. FC_SEED replays another seed.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { setCommentsOpen } from '@/lib/articles/set-comments-open';
import type { Actor } from '@/lib/shared/auth/actor';
import { deleteComment } from '@/lib/comments/delete-comment';
import { editComment } from '@/lib/comments/edit-comment';
import { postComment } from '@/lib/comments/post-comment';
import { verifyLogChain } from '@/lib/ops/log-verify/verify-log-chain';
import { annotateComment } from '@/lib/moderation/annotate-comment';
import { bulkModerate } from '@/lib/moderation/bulk-moderate';
import { dismissReports } from '@/lib/moderation/dismiss-reports';
import { flagComment } from '@/lib/moderation/flag-comment';
import { hideComment } from '@/lib/moderation/hide-comment';
import { moderateComment } from '@/lib/moderation/moderate-comment';
import { removeAnnotation } from '@/lib/moderation/remove-annotation';
import { unflagComment } from '@/lib/moderation/unflag-comment';
import { unhideComment } from '@/lib/moderation/unhide-comment';
import { reportComment } from '@/lib/reports/report-comment';
import type { Result } from '@/lib/shared/result';
import { banUser } from '@/lib/users/ban-user';
import { changeUserRole } from '@/lib/users/change-user-role';
import { revokeUserSessions } from '@/lib/users/revoke-user-sessions';
import { unbanUser } from '@/lib/users/unban-user';
import { banUserSchema, changeUserRoleSchema, userRefSchema } from '@/lib/shared/validation/account-fields';
import { parseInput } from '@/lib/shared/validation/parse-input';
import { anonymousActor, systemActor, userActor, userRows } from '@/tests/support/accounts';
import { commentTables, NOW } from '@/tests/support/comments';
import { sensibleFields } from '@/tests/support/fuzz/sensible-fields';
import { nearlyValid, wildValue } from '@/tests/support/fuzz/wild-values';
import { insertModerationScene, type ModerationScene } from '@/tests/support/moderation';
import { createTempDb, type TempDb } from '@/tests/support/temp-db';

const SEED = Number(process.env.FC_SEED ?? 20261122);
const RUNS = 150;

const ERROR_CODES = [
  'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'INVALID_INPUT', 'NO_CHANGE', 'CONFLICT', 'LAST_OWNER', 'RATE_LIMITED',
  'COMMENTS_CLOSED', 'DUPLICATE', 'ALREADY_REPORTED', 'EDIT_WINDOW_PASSED',
];

type Perform = (db: Db, actor: Actor, raw: never, options: { now: number }) => Result;

/** An account action as /admin/users runs it: the schema, then lib. */
function throughSchema<T>(schema: Parameters<typeof parseInput>[0], perform: (db: Db, actor: Actor, input: T) => Result): Perform {
  return (db, actor, raw) => {
    const input = parseInput(schema, raw);
    return input.ok ? perform(db, actor, input.data as T) : input;
  };
}

const ACTIONS: { name: string; perform: Perform; fields: string[] }[] = [
  { name: 'postComment', perform: postComment, fields: ['articleId', 'parentId', 'body'] },
  { name: 'editComment', perform: editComment, fields: ['commentId', 'version', 'body'] },
  { name: 'deleteComment', perform: deleteComment, fields: ['commentId'] },
  { name: 'reportComment', perform: reportComment, fields: ['commentId', 'reason', 'note'] },
  { name: 'flagComment', perform: flagComment, fields: ['commentId', 'version', 'reason', 'note'] },
  { name: 'unflagComment', perform: unflagComment, fields: ['commentId', 'version', 'note'] },
  { name: 'hideComment', perform: hideComment, fields: ['commentId', 'version', 'reason', 'explanation', 'note'] },
  { name: 'unhideComment', perform: unhideComment, fields: ['commentId', 'version', 'note'] },
  { name: 'annotateComment', perform: annotateComment, fields: ['commentId', 'version', 'visibility', 'body'] },
  { name: 'removeAnnotation', perform: removeAnnotation, fields: ['commentId', 'version', 'annotationId'] },
  { name: 'dismissReports', perform: dismissReports, fields: ['commentId', 'version', 'note'] },
  {
    name: 'moderateComment', perform: moderateComment,
    fields: ['kind', 'commentId', 'version', 'reason', 'explanation', 'note', 'visibility', 'body', 'annotationId'],
  },
  { name: 'bulkModerate', perform: bulkModerate, fields: ['action', 'items', 'reason', 'explanation', 'note'] },
  { name: 'setCommentsOpen', perform: setCommentsOpen, fields: ['articleId', 'open'] },
  { name: 'changeUserRole', perform: throughSchema(changeUserRoleSchema, changeUserRole), fields: ['userId', 'role'] },
  { name: 'banUser', perform: throughSchema(banUserSchema, banUser), fields: ['userId', 'reason'] },
  { name: 'unbanUser', perform: throughSchema(userRefSchema, unbanUser), fields: ['userId'] },
  { name: 'revokeUserSessions', perform: throughSchema(userRefSchema, revokeUserSessions), fields: ['userId'] },
];

let temp: TempDb;
let scene: ModerationScene;
let actors: Actor[];

beforeAll(() => {
  temp = createTempDb();
  scene = insertModerationScene(temp.db);
  const { owner, moderator, rita, banned } = scene.ids;
  actors = [userActor(temp.db, owner), userActor(temp.db, moderator), userActor(temp.db, rita), userActor(temp.db, banned), anonymousActor(), systemActor()];
});
afterAll(() => temp.cleanup());

const everything = (db: Db) => ({ ...commentTables(db), users: userRows(db) });

describe('lib actions given arbitrary raw input', () => {
  it.each(ACTIONS)('$name never throws, and a refusal is typed and writes nothing', ({ perform, fields }) => {
    const raw = fc.oneof({ arbitrary: nearlyValid(sensibleFields(fields)), weight: 4 }, { arbitrary: wildValue, weight: 1 });
    fc.assert(fc.property(fc.nat({ max: actors.length - 1 }), raw, (actorIndex, input) => {
      const before = everything(temp.db);
      const result = perform(temp.db, actors[actorIndex]!, input as never, { now: NOW });
      expect(typeof result.ok).toBe('boolean');
      if (result.ok) return;
      expect(ERROR_CODES).toContain(result.code);
      expect(typeof result.message === 'string' && result.message.length > 0).toBe(true);
      expect(everything(temp.db), `${result.code}: ${result.message}`).toEqual(before);
    }), { seed: SEED, numRuns: RUNS });
    expect(verifyLogChain(temp.db).ok).toBe(true);
  });
});
