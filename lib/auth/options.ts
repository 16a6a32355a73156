// next-auth configuration: e-mail and password, JWT sessions. The token carries only
// the user id; name and role are read from the database on every request (getActor),
// so a role change takes effect at once.
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDb } from '@/db';
import { authenticate } from '@/lib/accounts/authenticate';
import { signInSchema } from '@/lib/accounts/schemas';
import { isAppError } from '@/lib/errors';
import { logError } from '@/lib/log';
import { clientAddressFrom } from './client-address';


export const authOptions: NextAuthOptions = {
  // server/index.ts resolves the secret and puts it here before Next.js starts.
  secret: process.env.NEXTAUTH_SECRET || undefined,
  session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
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
          const user = await authenticate(await getDb(), { ...parsed.data, address: clientAddressFrom(request.headers ?? {}) });
          return user ? { id: user.id, name: user.name } : null;
        } catch (error) {
          if (isAppError(error) && error.code === 'rate_limited') throw new Error('TooManyAttempts');
          // next-auth puts a thrown message into the redirect URL: log the detail, send a code.
          logError('sign-in failed', error);
          throw new Error('SignInFailed');
        }
      },
    }),
  ],
  callbacks: {
    session({ session, token }) {
      return { ...session, user: { id: token.sub ?? '', name: token.name ?? null } };
    },
  },
};
