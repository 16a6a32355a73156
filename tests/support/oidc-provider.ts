// A real OpenID Connect provider for tests (the oidc-provider package), standing in for
// the city's identity provider. Its development sign-in form takes any login and password;
// the login decides the account:
//   "<name>-…"           <login>@city.example, called <Name>, e-mail verified, no groups
//   "admin-<name>"       … in the group participa-admins
//   "moderator-<name>"   … in the group participa-moderators
//   "unverified-<name>"  … e-mail not verified by the provider
//   a login with "@"     that e-mail address itself (verified)
// Run this file as a process (Playwright's webServer): OIDC_TEST_PORT, OIDC_TEST_REDIRECT_URI.
import Provider from 'oidc-provider';

export const OIDC_TEST_CLIENT = { clientId: 'participa', clientSecret: 'participa-test-secret-that-is-long-enough' } as const;

export function testClaimsFor(login: string): { sub: string; email: string; email_verified: boolean; name: string; groups: string[] } {
  const email = login.includes('@') ? login.toLowerCase() : `${login.toLowerCase()}@city.example`;
  const groups = login.startsWith('admin-') ? ['participa-admins'] : login.startsWith('moderator-') ? ['participa-moderators'] : [];
  const local = email.split('@')[0]!;
  // The name is the first word of the login that is not a role word: "admin-lena-123" is Lena.
  const first = local.split(/[-_.]/).find((part) => !['admin', 'moderator', 'unverified'].includes(part)) ?? 'staff';
  const name = first.charAt(0).toUpperCase() + first.slice(1);
  return { sub: `city-${local}`, email, email_verified: !login.startsWith('unverified-'), name, groups };
}

export function createTestIdentityProvider({ issuer, redirectUris }: { issuer: string; redirectUris: string[] }): Provider {
  return new Provider(issuer, {
    clients: [
      {
        client_id: OIDC_TEST_CLIENT.clientId,
        client_secret: OIDC_TEST_CLIENT.clientSecret,
        redirect_uris: redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    async findAccount(_context, id) {
      const login = id.replace(/^city-/, '');
      return { accountId: id, claims: async () => testClaimsFor(login) };
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
    // next-auth reads the ID token only: put the requested claims in it.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['participa-test-cookie-key'] },
    async loadExistingGrant(context) {
      // Consent is not what these tests are about: every scope asked for is granted.
      const grant = new context.oidc.provider.Grant({ clientId: context.oidc.client!.clientId, accountId: context.oidc.session!.accountId! });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.OIDC_TEST_PORT ?? 3227);
  const provider = createTestIdentityProvider({ issuer: `http://localhost:${port}`, redirectUris: (process.env.OIDC_TEST_REDIRECT_URI ?? '').split(',').filter(Boolean) });
  const server = provider.listen(port);
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
