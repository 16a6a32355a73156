import { expect, type Page } from '@playwright/test';
import { expectHydrated } from '../support/hydration';

/** On the sign-in page, chooses the city's identity provider (tests/support/oidc-provider.ts). */
export async function chooseIdentityProvider(page: Page): Promise<void> {
  await page.goto('/signin');
  const button = page.getByRole('main').getByRole('button', { name: 'Sign in with City staff account' });
  await expect(button).toBeVisible();
  await expectHydrated(button);
  await button.click();
}

/** Signs in through the provider's own form, which takes any login and password (the login decides the account). */
export async function signInThroughIdentityProvider(page: Page, login: string): Promise<void> {
  await chooseIdentityProvider(page);
  await expect(page.locator('input[name="login"]')).toBeVisible();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.locator('button[type="submit"]').click();
}
