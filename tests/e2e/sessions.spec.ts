// Sessions end on the server: after signing out, after "sign out everywhere" and after
// an administrator changes someone's role, the old session cookie answers as nobody,
// even when someone kept a copy of it.
import { randomUUID } from 'node:crypto';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { AdminUsersPage } from './pages/admin-users-page';
import { SiteHeader } from './pages/site-header';
import { DEMO } from './support/accounts';

/** Who /api/auth/session says the cookies of this browser belong to (null: nobody). */
async function sessionUserName(request: APIRequestContext): Promise<string | null> {
  const response = await request.get('/api/auth/session');
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as { user?: { name?: string | null } };
  return body.user?.name ?? null;
}

async function expectSignedOut(page: Page): Promise<void> {
  const header = new SiteHeader(page);
  await expect(header.signInLink).toBeVisible();
  await expect(header.signedInUser).toBeHidden();
}

test('after signing out, a saved copy of the session cookie lets nobody in', async ({ page, header, signIn, openVisitorPage }) => {
  test.slow(); // three browsers: the person's, and two holding a copy of their cookie
  await signIn(page, DEMO.moderator);
  await page.goto('/moderation');
  await expect(header.signedInName).toHaveText(DEMO.moderator.name);
  const savedCookies = await page.context().cookies();

  // Someone copies the cookie into another browser: while the session lasts, it works there.
  const copy = await openVisitorPage();
  await copy.context().addCookies(savedCookies);
  expect(await sessionUserName(copy.context().request)).toBe(DEMO.moderator.name);

  await header.signOut();
  await expectSignedOut(page);

  // Now the copy is worth nothing: no user, and the staff-only page refuses it.
  const stale = await openVisitorPage();
  await stale.context().addCookies(savedCookies);
  expect(await sessionUserName(stale.context().request)).toBeNull();
  const moderation = await stale.goto('/moderation');
  expect(moderation?.status()).toBe(401);
  await expect(stale.getByRole('heading', { level: 1, name: 'Please sign in' })).toBeVisible();
  await expectSignedOut(stale);
  // Nor does it get a token for live editing.
  const collabToken = await stale.context().request.get(`/api/collab/token?doc=${encodeURIComponent(`initiative/${randomUUID()}/stakeholder-map`)}`);
  expect(collabToken.status()).toBe(401);
});

test('"Sign out everywhere", even without JavaScript, ends the session in the person’s other browser', async ({
  page,
  header,
  signIn,
  openVisitorPage,
  newAccount,
}) => {
  test.slow(); // the same person in two browsers, after a sign-up through the UI
  // The same person in two browsers: this page, and one without JavaScript.
  await signIn(page, newAccount);
  await page.goto('/');
  await expect(header.signedInName).toHaveText(newAccount.name);
  const withoutScript = await openVisitorPage({ javaScriptEnabled: false });
  await signIn(withoutScript, newAccount);
  await withoutScript.goto('/');
  const otherHeader = new SiteHeader(withoutScript);
  await expect(otherHeader.signedInName).toHaveText(newAccount.name);

  await otherHeader.signOutEverywhere();
  await expect(withoutScript.getByRole('main').getByRole('status')).toHaveText(
    'Every session of your account has ended: on this device and on every other browser or device where you were signed in.',
  );
  await expectSignedOut(withoutScript);
  expect(await sessionUserName(withoutScript.context().request)).toBeNull();

  // The first browser is signed out too, on its next page.
  await page.reload();
  await expectSignedOut(page);
  expect(await sessionUserName(page.context().request)).toBeNull();
  const participation = await page.goto('/participation');
  expect(participation?.status()).toBe(401);

  // Signing in again works as before.
  await signIn(page, newAccount);
  await page.goto('/');
  await expect(header.signedInName).toHaveText(newAccount.name);
});

test('"Sign out everywhere" with JavaScript signs this browser out and shows the confirmation', async ({ page, header, signIn, newAccount }) => {
  await signIn(page, newAccount);
  await page.goto('/');
  await expect(header.signedInName).toHaveText(newAccount.name);
  await header.signOutEverywhere();
  await expect(page).toHaveURL('/signed-out');
  await expectSignedOut(page);
  await page.getByRole('main').getByRole('link', { name: 'Sign in again' }).click();
  await expect(page).toHaveURL('/signin');
});

test('after an administrator changes a person’s role, that person’s open session is signed out', async ({
  page,
  header,
  signIn,
  signInPage,
  openPageAs,
  newAccount,
}) => {
  test.slow(); // the person and an administrator, each in their own browser
  await signIn(page, newAccount);
  await page.goto('/');
  await expect(header.role).toHaveText('Role: Resident');

  const adminUsers = new AdminUsersPage(await openPageAs(DEMO.admin));
  await adminUsers.goto();
  await adminUsers.changeRole(newAccount, 'Moderator (municipality staff)');

  await page.reload();
  await expectSignedOut(page);
  expect(await sessionUserName(page.context().request)).toBeNull();
  // The administrator who made the change stays signed in.
  await adminUsers.page.reload();
  await expect(new SiteHeader(adminUsers.page).signedInName).toHaveText(DEMO.admin.name);

  // Signing in again gives the new role.
  await signInPage.goto();
  await signInPage.signIn(newAccount.email, newAccount.password);
  await expect(header.role).toHaveText('Role: Moderator (municipality staff)');
});
