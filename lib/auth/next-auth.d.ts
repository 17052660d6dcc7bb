// What our sessions carry: the session version every request is checked against, and the account as read on this request.
import 'next-auth';
import '@auth/core/jwt';
import type { ViewerRow } from './session-user';

declare module 'next-auth' {
  interface User {
    sessionVersion?: number;
  }
  /**
   * What GET /api/auth/session answers to a signed-in user: Auth.js's `{ user, expires }`, the viewer's fields in
   * `user`, with its id a string and its display name as `name`, as Auth.js's own user has them.
   */
  interface Session {
    user: Omit<ViewerRow, 'id'> & { id: string; name: string };
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    sessionVersion?: number;
    viewer?: ViewerRow;
  }
}
