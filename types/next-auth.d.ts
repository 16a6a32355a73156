import 'next-auth';

declare module 'next-auth' {
  interface Session {
    user: { id: string; name?: string | null };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    /** The user_sessions row this cookie belongs to (lib/auth/sessions.ts). */
    sid?: string;
  }
}
