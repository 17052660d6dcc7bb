// The owner's list of accounts, one row per user with the controls that change it.
import { formatPublishedOn } from '@/lib/shared/format/date';
import type { UserListItem } from '@/lib/queries/users';
import { UserControls } from './user-controls';

export function UserTable({ users, viewerId }: { users: UserListItem[]; viewerId: number }) {
  return (
    <table className="user-table">
      <thead>
        <tr>
          <th scope="col">User</th>
          <th scope="col">Role</th>
          <th scope="col">Status</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {users.map((user) => (
          <tr key={user.id} data-email={user.email}>
            <th scope="row">
              <bdi className="user-name">{user.displayName}</bdi>
              {user.id === viewerId && <span className="badge">you</span>}
              <span className="user-email">{user.email}</span>
              <span className="meta">joined {formatPublishedOn(user.createdAt.slice(0, 10))}</span>
            </th>
            <td><span className="role-badge" data-role={user.role}>{user.role}</span></td>
            <td>{user.banned ? <>Banned: <q>{user.banReason}</q></> : 'Active'}</td>
            <td><UserControls user={user} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
