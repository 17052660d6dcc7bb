'use server';
// The /admin/users "Ban" button → banUser.
import 'server-only';
import { banUser } from '@/lib/users/ban-user';
import { banUserSchema } from '@/lib/shared/validation/account-fields';
import { fieldOf, type FormState } from '../shared/forms/form-state';
import { runUserAdminAction } from './run-user-admin-action';

export async function banUserAction(_previous: FormState, form: FormData): Promise<FormState> {
  const raw = { userId: fieldOf(form, 'userId'), reason: fieldOf(form, 'reason') };
  return runUserAdminAction(banUserSchema, raw, banUser, 'Banned.');
}
