// Runs a resolved step against the real data layer, as the server action for it would: the same lib function, the
// caller's viewer, the clock of the model; account steps go through their admin-page schema first, as the action does.
import type { z } from 'zod';
import type { Db } from '@/db/client';
import { deleteComment } from '@/lib/comments/delete-comment';
import { editComment } from '@/lib/comments/edit-comment';
import { postComment } from '@/lib/comments/post-comment';
import { annotateComment } from '@/lib/moderation/annotate-comment';
import { dismissReports } from '@/lib/moderation/dismiss-reports';
import { flagComment } from '@/lib/moderation/flag-comment';
import { hideComment } from '@/lib/moderation/hide-comment';
import { removeAnnotation } from '@/lib/moderation/remove-annotation';
import { unflagComment } from '@/lib/moderation/unflag-comment';
import { unhideComment } from '@/lib/moderation/unhide-comment';
import { reportComment } from '@/lib/reports/report-comment';
import type { Result } from '@/lib/shared/result';
import { banUser } from '@/lib/users/ban-user';
import { changeUserRole } from '@/lib/users/change-user-role';
import { unbanUser } from '@/lib/users/unban-user';
import { banUserSchema, changeUserRoleSchema, userRefSchema } from '@/lib/shared/validation/account-fields';
import { parseInput } from '@/lib/shared/validation/parse-input';
import type { Actor } from '@/lib/shared/auth/actor';
import type { ModelScene } from './model-scene';
import type { Call } from './resolve-step';

type Perform = (db: Db, actor: Actor, raw: never, options: { now: number }) => Result;

const COMMENT_STEPS: Record<string, Perform> = {
  post: postComment,
  edit: editComment,
  delete: deleteComment,
  report: reportComment,
  flag: flagComment,
  unflag: unflagComment,
  hide: hideComment,
  unhide: unhideComment,
  annotate: annotateComment,
  removeAnnotation: removeAnnotation,
  dismiss: dismissReports,
};

function adminStep<S extends z.ZodType>(schema: S, perform: (db: Db, actor: Actor, input: z.output<S>) => Result) {
  return (db: Db, actor: Actor, raw: unknown): Result => {
    const input = parseInput(schema, raw);
    return input.ok ? perform(db, actor, input.data) : input;
  };
}

const ACCOUNT_STEPS: Record<string, (db: Db, actor: Actor, raw: unknown) => Result> = {
  changeRole: adminStep(changeUserRoleSchema, changeUserRole),
  ban: adminStep(banUserSchema, banUser),
  unban: adminStep(userRefSchema, unbanUser),
};

export function runStep(db: Db, scene: ModelScene, { step, now, input }: Call): Result {
  const actor = scene.actors[step.actor];
  const account = ACCOUNT_STEPS[step.kind];
  if (account) return account(db, actor, input);
  return COMMENT_STEPS[step.kind]!(db, actor, input as never, { now });
}
