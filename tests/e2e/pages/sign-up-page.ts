import { expect, type Locator, type Page } from '@playwright/test';
import type { Account } from '../support/accounts';
import { expectHydrated } from '../support/hydration';

/** /signup: name, e-mail and password; errors are shown next to each field. */
export class SignUpPage {
  readonly heading: Locator;
  readonly form: Locator;
  readonly name: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly pseudonym: Locator;
  readonly acceptTerms: Locator;
  readonly submitButton: Locator;
  /** The form-wide message shown above the fields when something is wrong. */
  readonly formAlert: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { level: 1, name: 'Create an account' });
    this.form = main.locator('form');
    this.name = main.getByLabel('Name', { exact: true });
    this.email = main.getByLabel('E-mail', { exact: true });
    this.password = main.getByLabel('Password', { exact: true });
    this.pseudonym = main.getByLabel('Pseudonym (optional)');
    this.acceptTerms = main.getByRole('checkbox', { name: /I agree to the terms of use/ });
    this.submitButton = main.getByRole('button', { name: 'Create account' });
    this.formAlert = main.getByRole('alert');
  }

  async goto(): Promise<void> {
    await this.page.goto('/signup');
    await this.expectLoaded();
  }

  async expectLoaded(): Promise<void> {
    await expect(this.heading).toBeVisible();
    await expectHydrated(this.form);
  }

  /** Fills in and submits the form, agreeing to the terms unless told not to; returns once the server has answered. */
  async submit(details: Partial<Account> & { pseudonym?: string }, { agree = true }: { agree?: boolean } = {}): Promise<void> {
    if (details.name !== undefined) await this.name.fill(details.name);
    if (details.pseudonym !== undefined) await this.pseudonym.fill(details.pseudonym);
    if (details.email !== undefined) await this.email.fill(details.email);
    if (details.password !== undefined) await this.password.fill(details.password);
    if (agree) await this.acceptTerms.check();
    const answered = this.page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/signup');
    await this.submitButton.click();
    await answered;
  }

  /** The error shown for one field; it is also the field's accessible description. */
  fieldError(field: 'name' | 'email' | 'password'): Locator {
    return this.page.getByRole('main').locator(`[id="${field}-error"]`);
  }
}
