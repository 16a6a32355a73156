// next-auth configuration: e-mail and password, JWT sessions backed by a server-side
// row. The token carries the user id and the id of its user_sessions row (`sid`); name
// and role are read from the database on every request (getActor). A cookie whose row
// is revoked, expired or missing (cookies from before sessions existed have no `sid`)
// answers as nobody, and /api/auth/session clears it.
import type { NextAuthOptions } from 'next-auth';
import type { JWT } from 'next-auth/jwt';
import CredentialsProvider from 'next-auth/providers/credentials';
import type { Provider } from 'next-auth/providers/index';
import { signInWithIdentity, UNVERIFIED_EMAIL, type ProviderIdentity } from '@/lib/accounts/identity-sign-in';
import { env } from '@/lib/env';
import { parseRoleMap, roleFromClaim } from './identity-provider-roles';
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


/** next-auth's id of the city's identity provider, in its callback URL: /api/auth/callback/city. */
export const IDENTITY_PROVIDER_ID = 'city';

/** The city's OpenID Connect provider, when the environment configures one. */
function identityProviders(): Provider[] {
  const environment = env();
  if (!environment.OIDC_ISSUER || !environment.OIDC_CLIENT_ID || !environment.OIDC_CLIENT_SECRET) return [];
  const issuer = environment.OIDC_ISSUER.replace(/\/+$/, '');
  return [
    {
      id: IDENTITY_PROVIDER_ID,
      name: environment.OIDC_DISPLAY_NAME,
      type: 'oauth',
      wellKnown: `${issuer}/.well-known/openid-configuration`,
      clientId: environment.OIDC_CLIENT_ID,
      clientSecret: environment.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: 'openid email profile' } },
      checks: ['pkce', 'state'],
      idToken: true,
      profile: (profile: Record<string, unknown>) => ({ id: String(profile.sub), name: typeof profile.name === 'string' ? profile.name : null, email: typeof profile.email === 'string' ? profile.email : null }),
    },
  ];
}

/** What the provider says about the person, as lib/accounts/identity-sign-in.ts takes it. */
function providerIdentity(profile: Record<string, unknown>): ProviderIdentity {
  const environment = env();
  return {
    issuer: typeof profile.iss === 'string' ? profile.iss : (environment.OIDC_ISSUER ?? ''),
    subject: String(profile.sub),
    email: typeof profile.email === 'string' ? profile.email : null,
    emailVerified: profile.email_verified === true || profile.email_verified === 'true',
    name: typeof profile.name === 'string' ? profile.name : null,
    // Without a map the provider does not manage roles: accounts keep theirs.
    role: environment.OIDC_ROLE_MAP ? roleFromClaim(profile[environment.OIDC_ROLE_CLAIM], parseRoleMap(environment.OIDC_ROLE_MAP) ?? [], environment.OIDC_DEFAULT_ROLE) : null,
  };
}

export const authOptions: NextAuthOptions = {
  // server/index.ts resolves the secret and puts it here before Next.js starts.
  secret: process.env.NEXTAUTH_SECRET || undefined,
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/signin', error: '/signin' },
  providers: [
    ...identityProviders(),
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
    // Through the city's identity provider, the provider's account is linked to a Participa
    // account first; `user` then names the Participa account for the jwt callback below.
    async signIn({ user, account, profile }) {
      if (account?.provider !== IDENTITY_PROVIDER_ID) return true;
      try {
        const signedIn = await signInWithIdentity(await getDb(), providerIdentity((profile ?? {}) as Record<string, unknown>), { defaultRole: env().OIDC_DEFAULT_ROLE });
        user.id = signedIn.userId;
        user.name = signedIn.name;
        return true;
      } catch (error) {
        if (isAppError(error) && error.message === UNVERIFIED_EMAIL) return `/signin?error=${UNVERIFIED_EMAIL}`;
        logError('sign-in through the identity provider failed', error);
        return '/signin?error=SignInFailed';
      }
    },
    async jwt({ token, user }) {
      // `user` is present only at sign-in: open the server-side session the cookie will name.
      if (user) return { ...token, sub: user.id, name: user.name, email: undefined, sid: (await createSession(await getDb(), { userId: user.id })).id };
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
