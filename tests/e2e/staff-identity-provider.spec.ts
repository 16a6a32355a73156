// Staff sign in with the city's identity provider (a real OpenID Connect provider the
// tests start, tests/support/oidc-provider.ts) and get the role its groups map to.
import { expect, test } from './fixtures';
import { chooseIdentityProvider, signInThroughIdentityProvider } from './pages/identity-provider';
import { SiteHeader } from './pages/site-header';
import { uniqueSuffix } from './support/accounts';

test('a staff member in the administrators group signs in through the provider and is an administrator', async ({ page }) => {
  const login = `admin-lena-${uniqueSuffix()}`;
  await signInThroughIdentityProvider(page, login);
  const header = new SiteHeader(page);
  await expect(header.signedInName).toHaveText('Lena', { timeout: 20_000 });
  await expect(header.role).toHaveText('Role: Administrator');
  await expect(header.administrationLink).toBeVisible();

  // Signing in again (the provider remembers the person) goes to the same account.
  await header.signOut();
  await expect(header.signInLink).toBeVisible();
  await chooseIdentityProvider(page);
  await expect(header.signedInName).toHaveText('Lena', { timeout: 20_000 });
  await page.goto('/account');
  await expect(page.getByRole('main')).toContainText("You sign in with the city's staff account");
});

test('someone in no mapped group gets the default role', async ({ page }) => {
  await signInThroughIdentityProvider(page, `pablo-${uniqueSuffix()}`);
  const header = new SiteHeader(page);
  await expect(header.signedInName).toHaveText('Pablo', { timeout: 20_000 });
  await expect(header.role).toHaveText('Role: Resident');
  await expect(header.administrationLink).toBeHidden();
});
