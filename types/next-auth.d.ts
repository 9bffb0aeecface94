import 'next-auth';
import 'next-auth/jwt';

declare module 'next-auth' {
  interface Session {
    user: { id: string; email: string; name?: string | null };
    /** When the person signed in (ms since the epoch): the absolute lifetime and revocation count from it. */
    authTime?: number;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    uid?: string;
    authTime?: number;
  }
}
