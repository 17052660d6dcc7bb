// What our sessions carry: the session version every request is checked against, and the account as read on this request.
import 'next-auth';
import '@auth/core/jwt';
import type { ViewerRow } from './session-user';

declare module 'next-auth' {
  interface User {
    sessionVersion?: number;
  }
  interface Session {
    viewer?: ViewerRow;
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    sessionVersion?: number;
    viewer?: ViewerRow;
  }
}
