'use server';
// The owner's buttons on /admin/users: change role, ban, unban, sign out everywhere. Each is a useActionState form.
import 'server-only';
import { revalidatePath } from 'next/cache';
import type { z } from 'zod';
import { getDb, type Db } from '@/db/client';
import { getViewer } from '@/lib/auth/get-viewer';
import type { Viewer } from '@/lib/shared/auth/actor';
import { fieldOf, type FormState } from '@/lib/shared/forms/form-state';
import type { Result } from '@/lib/shared/result';
import { banUserSchema, changeUserRoleSchema, userRefSchema } from '@/lib/shared/validation/account-fields';
import { parseInput } from '@/lib/shared/validation/parse-input';
import { banUser } from '@/lib/users/ban-user';
import { changeUserRole } from '@/lib/users/change-user-role';
import { revokeUserSessions } from '@/lib/users/revoke-user-sessions';
import { unbanUser } from '@/lib/users/unban-user';

export async function changeUserRoleAction(_previous: FormState, form: FormData): Promise<FormState> {
  const raw = { userId: fieldOf(form, 'userId'), role: fieldOf(form, 'role') };
  return runUserAdminAction(changeUserRoleSchema, raw, changeUserRole, `Role changed to ${String(raw.role)}.`);
}

export async function banUserAction(_previous: FormState, form: FormData): Promise<FormState> {
  const raw = { userId: fieldOf(form, 'userId'), reason: fieldOf(form, 'reason') };
  return runUserAdminAction(banUserSchema, raw, banUser, 'Banned.');
}

export async function unbanUserAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runUserAdminAction(userRefSchema, { userId: fieldOf(form, 'userId') }, unbanUser, 'Ban lifted.');
}

export async function revokeUserSessionsAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runUserAdminAction(userRefSchema, { userId: fieldOf(form, 'userId') }, revokeUserSessions, 'Signed out everywhere.');
}

/** The body every one of them shares: who is calling, validated input, one lib call, a refreshed list. Not exported, so not an action. */
async function runUserAdminAction<S extends z.ZodType>(
  schema: S,
  raw: unknown,
  perform: (db: Db, viewer: Viewer, input: z.output<S>) => Result | Promise<Result>,
  success: string,
): Promise<FormState> {
  const viewer = await getViewer();
  const input = parseInput(schema, raw);
  if (!input.ok) return input;
  const result = await perform(getDb(), viewer, input.data);
  if (!result.ok) return result;
  revalidatePath('/admin/users');
  return { ok: true, message: success };
}
