// A wrong password says so without revealing whether the e-mail has an account.
// (Failed sign-ins are kept to a minimum here: they count towards the throttle.)
import { expect, test } from './fixtures';
import { WRONG_CREDENTIALS } from './pages/sign-in-page';
import { uniqueSuffix } from './support/accounts';

test('a wrong password and an unknown e-mail get the same message', async ({ page, header, signInPage, newAccount }) => {
  await signInPage.goto();
  await signInPage.signIn(newAccount.email, `${newAccount.password}-wrong`);
  await expect(signInPage.problem).toHaveText(WRONG_CREDENTIALS);
  const wrongPasswordMessage = await signInPage.problem.textContent();
  await expect(header.signedInUser).toBeHidden();
  await expect(page).toHaveURL(/\/signin/);

  await signInPage.goto();
  await signInPage.signIn(`nobody-${uniqueSuffix()}@example.org`, newAccount.password);
  await expect(signInPage.problem).toHaveText(WRONG_CREDENTIALS);
  expect(await signInPage.problem.textContent()).toBe(wrongPasswordMessage);
  await expect(header.signedInUser).toBeHidden();

  // The right password still works afterwards.
  await signInPage.signIn(newAccount.email, newAccount.password);
  await expect(header.signedInName).toHaveText(newAccount.name);
});
