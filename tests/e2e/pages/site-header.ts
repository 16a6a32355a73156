import { expect, type Locator, type Page } from '@playwright/test';
import { expectHydrated } from '../support/hydration';

/** The header on every page: who is signed in, with which role, and the main navigation. */
export class SiteHeader {
  readonly banner: Locator;
  readonly signedInUser: Locator;
  readonly signedInName: Locator;
  readonly role: Locator;
  readonly signOutButton: Locator;
  readonly signOutEverywhereButton: Locator;
  readonly signInLink: Locator;
  readonly createAccountLink: Locator;
  readonly mainNavigation: Locator;
  readonly administrationLink: Locator;

  constructor(readonly page: Page) {
    this.banner = page.getByRole('banner');
    this.signedInUser = this.banner.getByTestId('signed-in-user');
    this.signedInName = this.signedInUser.locator('strong');
    this.role = this.banner.getByTestId('signed-in-role');
    this.signOutButton = this.banner.getByRole('button', { name: 'Sign out', exact: true });
    this.signOutEverywhereButton = this.banner.getByRole('button', { name: 'Sign out everywhere' });
    this.signInLink = this.banner.getByRole('link', { name: 'Sign in', exact: true });
    this.createAccountLink = this.banner.getByRole('link', { name: 'Create account', exact: true });
    this.mainNavigation = this.banner.getByRole('navigation', { name: 'Main' });
    this.administrationLink = this.mainNavigation.getByRole('link', { name: 'Administration' });
  }

  async signOut(): Promise<void> {
    await expectHydrated(this.signOutButton);
    await this.signOutButton.click();
  }

  /** A plain form: works the same with JavaScript or without, and lands on the confirmation page. */
  async signOutEverywhere(): Promise<void> {
    await this.signOutEverywhereButton.click();
    await expect(this.page.getByRole('main').getByRole('heading', { level: 1, name: 'Signed out everywhere' })).toBeVisible();
  }
}
