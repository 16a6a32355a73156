// Hostile use from one connection slows that connection down and never locks an honest
// person out (lib/rate-limit). Each test browses from its own address (X-Forwarded-For,
// trusted by the e2e server), so one test's counters never reach another's.
import { expect, test } from './fixtures';
import { fileGrievance, GrievanceFilingPage } from './pages/grievance-filing-page';
import { DEMO_CHANNELS, GrievancesHomePage } from './pages/grievance-public-pages';
import { TOO_MANY_ATTEMPTS, WRONG_CREDENTIALS } from './pages/sign-in-page';
import { SiteHeader } from './pages/site-header';
import { DEMO, uniqueClientAddress } from './support/accounts';

test('an attacker’s failures for an account do not keep its owner out: elsewhere at once, from the same address after a short wait', async ({
  page,
  header,
  signInPage,
  newAccount,
  openPageAs,
}) => {
  test.slow(); // a dozen password checks in a row on a two-core machine
  const attackerAddress = uniqueClientAddress();
  await page.context().setExtraHTTPHeaders({ 'X-Forwarded-For': attackerAddress });
  await signInPage.goto();
  for (let attempt = 1; attempt <= 12; attempt += 1) {
    await signInPage.signIn(newAccount.email.toUpperCase(), `wrong-password-${attempt}`);
    // Past the free failures the attacker is told to wait; the wait is never long.
    await expect(signInPage.problem, `attempt ${attempt}`).toHaveText(new RegExp(`^(${WRONG_CREDENTIALS}|${TOO_MANY_ATTEMPTS.source})$`));
  }

  // The owner, on their own connection, gets in at once.
  const owner = await openPageAs(newAccount);
  await owner.goto('/');
  await expect(new SiteHeader(owner).signedInName).toHaveText(newAccount.name);

  // From the attacker's connection, the right password works once the short wait is over.
  await signInPage.signIn(newAccount.email, newAccount.password);
  const problem = await signInPage.problem.textContent({ timeout: 5_000 }).catch(() => null);
  if (problem) {
    const seconds = Number(/wait (\d+) seconds?/.exec(problem)?.[1]);
    expect(seconds, problem).toBeLessThanOrEqual(30);
    await page.waitForTimeout(seconds * 1000 + 500);
    await signInPage.signIn(newAccount.email, newAccount.password);
  }
  await expect(header.signedInName).toHaveText(newAccount.name);
});

test('failures on made-up e-mails from one address do not stop the real accounts used from it', async ({ header, signInPage }) => {
  test.slow();
  await signInPage.goto();
  for (let attempt = 1; attempt <= 11; attempt += 1) {
    await signInPage.signIn(`nobody-${attempt}-${Date.now()}@example.org`, 'a guessed password');
    await expect(signInPage.problem, `attempt ${attempt}`).toHaveText(WRONG_CREDENTIALS);
  }
  await signInPage.signIn(DEMO.resident.email, DEMO.resident.password);
  await expect(header.signedInName).toHaveText(DEMO.resident.name);
});

test('filing grievances in a loop from one address is refused with how long to wait, and the form keeps what was typed', async ({ page }) => {
  test.slow();
  const channelPath = await GrievancesHomePage.channelPath(page, DEMO_CHANNELS.cityWide);
  for (let filing = 1; filing <= 5; filing += 1) {
    await fileGrievance(page, channelPath, { category: 'Something else', description: `Filing number ${filing} from one connection.` });
  }
  const form = new GrievanceFilingPage(page);
  await form.goto(channelPath);
  const description = 'The sixth filing within the hour, which must wait.';
  await form.fill({ category: 'Something else', description });
  await form.submitButton.click();
  await expect(form.formAlert).toHaveText(/Too many attempts from your connection\. Please wait \d+ minutes? and try again; what you typed is kept\./);
  await expect(form.description).toHaveValue(description);

  // Someone else, on another connection, files at once.
  await page.context().setExtraHTTPHeaders({ 'X-Forwarded-For': uniqueClientAddress() });
  await fileGrievance(page, channelPath, { category: 'Something else', description: 'A neighbour on another connection files as usual.' });
});

test('without JavaScript, a filing over the limit is answered 429 with Retry-After, says how long to wait and keeps what was typed', async ({ browser }) => {
  test.slow();
  const address = uniqueClientAddress();
  const withScript = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': address } });
  const withoutScript = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { 'X-Forwarded-For': address } });
  try {
    const page = await withScript.newPage();
    const channelPath = await GrievancesHomePage.channelPath(page, DEMO_CHANNELS.cityWide);
    for (let filing = 1; filing <= 5; filing += 1) {
      await fileGrievance(page, channelPath, { category: 'Something else', description: `Filing number ${filing}, before the one without script.` });
    }
    const form = new GrievanceFilingPage(await withoutScript.newPage());
    await form.goto(channelPath, { hasJavaScript: false });
    const description = 'Sent from a browser without JavaScript, past the hour’s limit.';
    await form.fill({ category: 'Something else', description });
    const [answer] = await Promise.all([form.page.waitForResponse((response) => response.request().method() === 'POST'), form.submitButton.click()]);
    expect(answer.status()).toBe(429);
    expect(Number(answer.headers()['retry-after'])).toBeGreaterThan(0);
    await expect(form.formAlert).toHaveText(/Too many attempts from your connection\. Please wait \d+ minutes? and try again; what you typed is kept\./);
    await expect(form.description).toHaveValue(description);
  } finally {
    await withScript.close();
    await withoutScript.close();
  }
});
