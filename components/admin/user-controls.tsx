'use client';
// Role, ban and sign-out-everywhere controls for one user; the server decides, and each form shows what it said.
import { ActionForm } from '@/components/forms/action-form';
import { ROLES } from '@/db/roles';
import { banUserAction, changeUserRoleAction, revokeUserSessionsAction, unbanUserAction } from '@/lib/actions/users';
import type { UserListItem } from '@/lib/queries/users';
import { BAN_REASON_MAX } from '@/lib/shared/validation/account-limits';

export function UserControls({ user }: { user: UserListItem }) {
  const userId = <input type="hidden" name="userId" value={user.id} />;
  return (
    <div className="user-controls">
      <ActionForm action={changeUserRoleAction} submitLabel="Change role" pendingLabel="Changing…">
        {userId}
        <label>
          <span className="visually-hidden">Role for {user.email}</span>
          <select name="role" defaultValue={user.role}>
            {ROLES.map((role) => <option key={role} value={role}>{role}</option>)}
          </select>
        </label>
      </ActionForm>
      {/* One position for both forms, so the outcome of a ban stays on screen as the form turns into Unban. */}
      {user.banned ? (
        <ActionForm action={unbanUserAction} submitLabel="Unban" pendingLabel="Unbanning…">{userId}</ActionForm>
      ) : (
        <ActionForm action={banUserAction} submitLabel="Ban" pendingLabel="Banning…">
          {userId}
          <label>
            <span className="visually-hidden">Ban reason for {user.email}</span>
            <input name="reason" placeholder="Reason for the ban" maxLength={BAN_REASON_MAX} required />
          </label>
        </ActionForm>
      )}
      <ActionForm action={revokeUserSessionsAction} submitLabel="Sign out everywhere" pendingLabel="Signing out…">
        {userId}
      </ActionForm>
    </div>
  );
}
