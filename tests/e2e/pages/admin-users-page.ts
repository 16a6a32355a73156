import { expect, type Locator, type Page } from '@playwright/test';
import type { Account } from '../support/accounts';
import { expectHydrated } from '../support/hydration';

export type RoleName = 'Resident' | 'Organization member' | 'Moderator (municipality staff)' | 'Administrator';

/** /admin/users: every account, with a role form per row. */
export class AdminUsersPage {
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('main').getByRole('heading', { level: 1, name: 'Users' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/admin/users');
    await expect(this.heading).toBeVisible();
  }

  row(account: Pick<Account, 'email'>): Locator {
    return this.page.getByTestId(`user-row-${account.email}`);
  }

  /** The role as shown in the table's Role column (cells: e-mail, role, created, form). */
  roleCell(account: Pick<Account, 'email'>): Locator {
    return this.row(account).getByRole('cell').nth(1);
  }

  /** Erases an account at its holder's request; the box must be ticked first. */
  async deleteAccount(account: Account, { tick = true }: { tick?: boolean } = {}): Promise<void> {
    const row = this.row(account);
    const button = row.getByRole('button', { name: 'Delete account' });
    await expectHydrated(button);
    if (tick) await row.getByRole('checkbox', { name: `Erase ${account.name}’s account, as they asked` }).check();
    await button.click();
  }

  async changeRole(account: Account, role: RoleName): Promise<void> {
    const row = this.row(account);
    const select = row.getByLabel(`New role for ${account.name}`);
    await expectHydrated(select);
    await select.selectOption({ label: role });
    await row.getByRole('button', { name: 'Save role' }).click();
    await expect(row.getByRole('status')).toHaveText('The role was changed. They were signed out everywhere and get the new role when they sign in again.');
  }
}
