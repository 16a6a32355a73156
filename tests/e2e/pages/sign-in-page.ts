import { expect, type Locator, type Page } from '@playwright/test';
import { expectHydrated } from '../support/hydration';

export const WRONG_CREDENTIALS = 'The e-mail or password is wrong.';
/** The wait is said in seconds (or minutes) and is never long. */
export const TOO_MANY_ATTEMPTS = /Too many failed sign-ins from your connection\. Please wait \d+ (seconds?|minutes?) and try again\./;

/** /signin: e-mail and password; problems are announced in an alert above the fields. */
export class SignInPage {
  readonly heading: Locator;
  readonly form: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly submitButton: Locator;
  readonly problem: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { level: 1, name: 'Sign in' });
    this.form = main.locator('form');
    this.email = main.getByLabel('E-mail', { exact: true });
    this.password = main.getByLabel('Password', { exact: true });
    this.submitButton = main.getByRole('button', { name: 'Sign in', exact: true });
    this.problem = main.getByRole('alert');
  }

  async goto(): Promise<void> {
    await this.page.goto('/signin');
    await this.expectLoaded();
  }

  async expectLoaded(): Promise<void> {
    await expect(this.heading).toBeVisible();
    await expectHydrated(this.form);
  }

  /** Submits the form and returns once the server has judged the attempt. */
  async signIn(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    const judged = this.page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/signin');
    await this.submitButton.click();
    await judged;
    // React resets the form when the action's answer is shown: typing before then would be wiped.
    await expect(this.page.getByRole('main').locator('button[type="submit"][aria-disabled="true"]')).toHaveCount(0);
  }
}
