// A new resident signs up, signs out, signs in again and sees their name.
import { expect, test } from './fixtures';
import { freshAccountDetails } from './support/accounts';

test('a new resident signs up, signs out, signs in and sees their name', async ({ page, header, signUpPage, signInPage }) => {
  const account = freshAccountDetails();

  await page.goto('/');
  await expect(header.signedInUser).toBeHidden();
  await header.createAccountLink.click();
  await expect(page).toHaveURL('/signup');
  await signUpPage.expectLoaded();
  await signUpPage.submit(account);

  // Signed in straight away and taken to the home page.
  await expect(header.signedInUser).toContainText(`Signed in as ${account.name}`);
  await expect(header.signedInName).toHaveText(account.name);
  await expect(header.role).toHaveText('Role: Resident');
  await expect(page).toHaveURL('/');
  await expect(header.administrationLink).toBeHidden();

  await header.signOut();
  await expect(header.signInLink).toBeVisible();
  await expect(header.signedInUser).toBeHidden();
  await expect(page).toHaveURL('/');

  await header.signInLink.click();
  await signInPage.expectLoaded();
  await signInPage.signIn(account.email, account.password);
  await expect(page).toHaveURL('/');
  await expect(header.signedInUser).toContainText(`Signed in as ${account.name}`);
  await expect(header.role).toHaveText('Role: Resident');

  // The session outlives a reload.
  await page.reload();
  await expect(header.signedInName).toHaveText(account.name);
});

test('signing in takes a person back to the page that asked them to', async ({ page, header, signInPage, newAccount }) => {
  await page.goto('/signin?callbackUrl=%2Forganizations');
  await signInPage.expectLoaded();
  await signInPage.signIn(newAccount.email, newAccount.password);
  await expect(page).toHaveURL('/organizations');
  await expect(header.signedInName).toHaveText(newAccount.name);
});
