// Staff sign in with the city's identity provider (a real OpenID Connect provider the
// tests start, tests/support/oidc-provider.ts) and get the role its groups map to.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { SiteHeader } from './pages/site-header';
import { uniqueSuffix } from './support/accounts';
import { expectHydrated } from './support/hydration';

async function chooseProvider(page: Page): Promise<void> {
  await page.goto('/signin');
  const button = page.getByRole('main').getByRole('button', { name: 'Sign in with City staff account' });
  await expect(button).toBeVisible();
  await expectHydrated(button);
  await button.click();
}

/** Through the provider's own sign-in form, which takes any login and password. */
async function signInThroughProvider(page: Page, login: string): Promise<void> {
  await chooseProvider(page);
  // The provider's page, on its own address.
  await expect(page.locator('input[name="login"]')).toBeVisible();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.locator('button[type="submit"]').click();
}

test('a staff member in the administrators group signs in through the provider and is an administrator', async ({ page }) => {
  const login = `admin-lena-${uniqueSuffix()}`;
  await signInThroughProvider(page, login);
  const header = new SiteHeader(page);
  await expect(header.signedInName).toHaveText('Lena', { timeout: 20_000 });
  await expect(header.role).toHaveText('Role: Administrator');
  await expect(header.administrationLink).toBeVisible();

  // Signing in again (the provider remembers the person) goes to the same account.
  await header.signOut();
  await expect(header.signInLink).toBeVisible();
  await chooseProvider(page);
  await expect(header.signedInName).toHaveText('Lena', { timeout: 20_000 });
  await page.goto('/account');
  await expect(page.getByRole('main')).toContainText("You sign in with the city's staff account");
});

test('someone in no mapped group gets the default role', async ({ page }) => {
  await signInThroughProvider(page, `pablo-${uniqueSuffix()}`);
  const header = new SiteHeader(page);
  await expect(header.signedInName).toHaveText('Pablo', { timeout: 20_000 });
  await expect(header.role).toHaveText('Role: Resident');
  await expect(header.administrationLink).toBeHidden();
});
