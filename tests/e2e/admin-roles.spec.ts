// An administrator changes a user's role: the user's sessions end, and once they sign
// in again they have the new rights.
import { expect, test } from './fixtures';
import { AdminUsersPage } from './pages/admin-users-page';
import { DEMO } from './support/accounts';

test('an administrator promotes a resident to moderator, who can then create initiatives', async ({ page, header, signIn, openPageAs, newAccount }) => {
  test.slow(); // two browsers, and the person signs in twice (the role change signs them out)
  // The resident, signed in in their own browser, is not allowed to create initiatives.
  await signIn(page, newAccount);
  await page.goto('/');
  await expect(header.role).toHaveText('Role: Resident');
  await expect(page.getByRole('link', { name: 'New initiative' })).toHaveCount(0);
  const refused = await page.goto('/initiatives/new');
  expect(refused?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1, name: 'Not allowed' })).toBeVisible();

  // The administrator, in another browser, promotes them.
  const adminUsers = new AdminUsersPage(await openPageAs(DEMO.admin));
  await adminUsers.goto();
  await expect(adminUsers.roleCell(newAccount)).toHaveText('Resident');
  await adminUsers.changeRole(newAccount, 'Moderator (municipality staff)');
  await expect(adminUsers.roleCell(newAccount)).toHaveText('Moderator (municipality staff)');

  // The resident's next page finds them signed out; signed in again, they have the new role and rights.
  await page.goto('/');
  await expect(header.signInLink).toBeVisible();
  await signIn(page, newAccount);
  await page.goto('/');
  await expect(header.signedInName).toHaveText(newAccount.name);
  await expect(header.role).toHaveText('Role: Moderator (municipality staff)');
  await page.getByRole('link', { name: 'New initiative' }).click();
  await expect(page).toHaveURL('/initiatives/new');
  await expect(page.getByRole('heading', { level: 1, name: 'New initiative' })).toBeVisible();
  await expect(page.getByLabel('Title', { exact: true })).toBeVisible();
  // Moderators are staff, not administrators.
  await expect(header.administrationLink).toBeHidden();
});

test('an administrator makes a resident an administrator, who then sees Administration', async ({ page, header, signIn, openPageAs, newAccount }) => {
  test.slow(); // two browsers, and the person signs in twice (the role change signs them out)
  await signIn(page, newAccount);
  await page.goto('/');
  await expect(header.role).toHaveText('Role: Resident');
  await expect(header.administrationLink).toBeHidden();

  const adminUsers = new AdminUsersPage(await openPageAs(DEMO.admin));
  await adminUsers.goto();
  await adminUsers.changeRole(newAccount, 'Administrator');

  await page.reload();
  await expect(header.signInLink).toBeVisible();
  await signIn(page, newAccount);
  await page.reload();
  await expect(header.role).toHaveText('Role: Administrator');
  await header.administrationLink.click();
  const ownUsersPage = new AdminUsersPage(page);
  await expect(ownUsersPage.heading).toBeVisible();
  // Their own row cannot be changed by themselves.
  const ownRow = ownUsersPage.row(newAccount);
  await expect(ownRow.getByRole('rowheader')).toContainText('(you)');
  await expect(ownRow).toContainText('Your own role can be changed by another administrator.');
  await expect(ownRow.getByRole('button', { name: 'Save role' })).toHaveCount(0);
});

test('user administration is closed to anonymous visitors and to non-administrators', async ({ page, header, signIn, newAccount }) => {
  const anonymous = await page.goto('/admin/users');
  expect(anonymous?.status()).toBe(401);
  await expect(page.getByRole('heading', { level: 1, name: 'Please sign in' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: 'Sign in' })).toBeVisible();

  await signIn(page, newAccount);
  const resident = await page.goto('/admin/users');
  expect(resident?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1, name: 'Not allowed' })).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await expect(header.administrationLink).toBeHidden();
});

test('an administrator erases an account at its holder’s request, after ticking the box, and it leaves the list and the audit log says so', async ({ page, signIn, newAccount, adminUsersPage }) => {
  await signIn(page, DEMO.admin);
  await adminUsersPage.goto();
  await adminUsersPage.deleteAccount(newAccount, { tick: false });
  await expect(adminUsersPage.row(newAccount).getByRole('alert')).toHaveText('Tick the box to confirm that the person asked for their account to be erased.');
  await adminUsersPage.deleteAccount(newAccount);
  await expect(adminUsersPage.row(newAccount)).toHaveCount(0);

  await page.goto('/admin/audit?action=account_deleted');
  const newest = page.getByRole('main').getByRole('row').nth(1);
  await expect(newest).toContainText('Account deleted');
  await expect(newest).toContainText('Ada Admin (Administrator)');
  await expect(newest).toContainText('byAdministrator: true');
  await expect(page.getByRole('main')).not.toContainText(newAccount.email);
});
