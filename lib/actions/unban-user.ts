'use server';
// The /admin/users "Unban" button → unbanUser.
import 'server-only';
import { unbanUser } from '@/lib/users/unban-user';
import { userRefSchema } from '@/lib/shared/validation/account-fields';
import { fieldOf, type FormState } from '../shared/forms/form-state';
import { runUserAdminAction } from './run-user-admin-action';

export async function unbanUserAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runUserAdminAction(userRefSchema, { userId: fieldOf(form, 'userId') }, unbanUser, 'Ban lifted.');
}
