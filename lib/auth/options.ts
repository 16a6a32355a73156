// next-auth configuration: e-mail and password, JWT sessions backed by a server-side
// row. The token carries the user id and the id of its user_sessions row (`sid`); name
// and role are read from the database on every request (getActor). A cookie whose row
// is revoked, expired or missing (cookies from before sessions existed have no `sid`)
// answers as nobody, and /api/auth/session clears it.
import type { NextAuthOptions } from 'next-auth';
import type { JWT } from 'next-auth/jwt';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDb } from '@/db';
import { authenticate } from '@/lib/accounts/authenticate';
import { signInSchema } from '@/lib/accounts/schemas';
import { isAppError } from '@/lib/errors';
import { logError } from '@/lib/log';
import { rateLimitStoreFor } from '@/lib/rate-limit/store';
import { clientAddressFrom } from './client-address';
import { tooManyAttemptsCode } from './sign-in-problem';
import { createSession, isSessionActive, revokeSession, SESSION_MAX_AGE_SECONDS } from './sessions';

/**
 * Thrown by the jwt callback for a cookie whose session has ended. next-auth then answers
 * "no session" and clears the cookie (core/routes/session.js catches it); the logger
 * below keeps this expected case out of the error log.
 */
class SessionEndedError extends Error {
  override name = 'SessionEndedError';
}


export const authOptions: NextAuthOptions = {
  // server/index.ts resolves the secret and puts it here before Next.js starts.
  secret: process.env.NEXTAUTH_SECRET || undefined,
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/signin', error: '/signin' },
  providers: [
    CredentialsProvider({
      id: 'credentials',
      name: 'E-mail',
      credentials: { email: { type: 'email' }, password: { type: 'password' } },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials ?? {});
        if (!parsed.success) return null;
        try {
          const db = await getDb();
          const user = await authenticate(db, { ...parsed.data, address: clientAddressFrom(request.headers ?? {}), limits: rateLimitStoreFor(db) });
          return user ? { id: user.id, name: user.name } : null;
        } catch (error) {
          if (isAppError(error) && error.code === 'rate_limited') throw new Error(tooManyAttemptsCode(error.retryAfterSeconds));
          // next-auth puts a thrown message into the redirect URL: log the detail, send a code.
          logError('sign-in failed', error);
          throw new Error('SignInFailed');
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      // `user` is present only at sign-in: open the server-side session the cookie will name.
      if (user) return { ...token, sid: (await createSession(await getDb(), { userId: user.id })).id };
      if (!(await isSessionActive(await getDb(), { sessionId: token.sid, userId: token.sub }))) throw new SessionEndedError();
      return token;
    },
    session({ session, token }) {
      return { ...session, user: { id: token.sub ?? '', name: token.name ?? null } };
    },
  },
  events: {
    // In JWT mode next-auth hands over the decoded cookie; the cookie itself is cleared by next-auth.
    async signOut({ token }) {
      await revokeSession(await getDb(), { sessionId: (token as JWT | null)?.sid });
    },
  },
  logger: {
    error(code, metadata) {
      if (metadata instanceof SessionEndedError) return;
      logError(`next-auth ${code}`, metadata instanceof Error ? metadata : ((metadata as { error?: unknown }).error ?? code));
    },
  },
};
