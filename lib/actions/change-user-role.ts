'use server';
// The /admin/users "Change role" button → changeUserRole.
import 'server-only';
import { changeUserRole } from '@/lib/users/change-user-role';
import { changeUserRoleSchema } from '@/lib/shared/validation/account-fields';
import { fieldOf, type FormState } from '../shared/forms/form-state';
import { runUserAdminAction } from './run-user-admin-action';

export async function changeUserRoleAction(_previous: FormState, form: FormData): Promise<FormState> {
  const raw = { userId: fieldOf(form, 'userId'), role: fieldOf(form, 'role') };
  return runUserAdminAction(changeUserRoleSchema, raw, changeUserRole, `Role changed to ${String(raw.role)}.`);
}
