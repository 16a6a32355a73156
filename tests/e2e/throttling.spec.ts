// More than 10 failed sign-ins for one e-mail within 10 minutes are refused with a
// clear "try again later", even with the right password.
//
// Throttling also counts failures per client address. Each test browses from its own
// address (X-Forwarded-For, trusted by the e2e server), so this test cannot lock the
// others out; the file is also named to be scheduled last.
import { expect, test } from './fixtures';
import { TOO_MANY_ATTEMPTS, WRONG_CREDENTIALS } from './pages/sign-in-page';
import { DEMO, uniqueClientAddress } from './support/accounts';

const MAX_FAILURES = 10;

test('more than 10 failed sign-ins for one e-mail are refused, even from elsewhere and with the right password', async ({
  page,
  header,
  signInPage,
  newAccount,
}) => {
  test.slow(); // ten password checks in a row on a two-core machine

  await signInPage.goto();
  for (let attempt = 1; attempt <= MAX_FAILURES; attempt += 1) {
    // A different address every time: what is counted here is the e-mail.
    await page.context().setExtraHTTPHeaders({ 'X-Forwarded-For': uniqueClientAddress() });
    await signInPage.signIn(newAccount.email, `wrong-password-${attempt}`);
    await expect(signInPage.problem, `attempt ${attempt}`).toHaveText(WRONG_CREDENTIALS);
  }

  await page.context().setExtraHTTPHeaders({ 'X-Forwarded-For': uniqueClientAddress() });
  await signInPage.signIn(newAccount.email, newAccount.password);
  await expect(signInPage.problem).toHaveText(TOO_MANY_ATTEMPTS);
  await expect(header.signedInUser).toBeHidden();

  // A wrong guess is refused the same way (it does not learn whether it was right).
  await signInPage.signIn(newAccount.email, 'wrong-password-again');
  await expect(signInPage.problem).toHaveText(TOO_MANY_ATTEMPTS);

  // Only that e-mail is locked: someone else signs in from the same address.
  await signInPage.signIn(DEMO.resident.email, DEMO.resident.password);
  await expect(header.signedInName).toHaveText(DEMO.resident.name);
});
