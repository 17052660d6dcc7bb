// What our sign-in puts on the Auth.js user and token: the session version every request is checked against.
import 'next-auth';
import '@auth/core/jwt';

declare module 'next-auth' {
  interface User {
    sessionVersion?: number;
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    sessionVersion?: number;
  }
}
