'use server';
// The /admin/users "Sign out everywhere" button → revokeUserSessions.
import 'server-only';
import { revokeUserSessions } from '@/lib/users/revoke-user-sessions';
import { userRefSchema } from '@/lib/shared/validation/account-fields';
import { fieldOf, type FormState } from '../shared/forms/form-state';
import { runUserAdminAction } from './run-user-admin-action';

export async function revokeUserSessionsAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runUserAdminAction(userRefSchema, { userId: fieldOf(form, 'userId') }, revokeUserSessions, 'Signed out everywhere.');
}
