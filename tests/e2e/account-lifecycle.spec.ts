// A resident's whole account life, without JavaScript, as on an old phone: sign up,
// confirm the address from the received e-mail, forget the password and reset it, give
// input, download their data (the input is in it), delete the account. The input stays
// public as "Former participant"; the name and the e-mail are then searched for in every
// public page, download and answer, and in the staff pages, and found nowhere.
import { strFromU8, unzipSync } from 'fflate';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ConsultationPage, DEMO_CONSULTATIONS } from './pages/consultation-page';
import { SiteHeader } from './pages/site-header';
import { DEMO, freshAccountDetails } from './support/accounts';
import { linkIn, waitForMail } from './support/mailbox';

test.describe.configure({ mode: 'serial' });

async function clickAndWaitForPost(page: Page, button: ReturnType<Page['getByRole']>): Promise<void> {
  const answered = page.waitForResponse((response) => response.request().method() === 'POST');
  await button.click();
  await answered;
}

/** Every page and download of the public record that could show a contributor, and the staff pages that list people. */
function publicPaths(consultationPath: string): string[] {
  const initiative = `/initiatives/${DEMO_CONSULTATIONS.initiativeSlug}`;
  return [
    '/',
    initiative,
    consultationPath,
    `${consultationPath}/moderation-log`,
    `${consultationPath}/report`,
    `${consultationPath}/report.csv`,
    `${consultationPath}/report.json`,
    `${initiative}/stakeholder-map`,
    `${initiative}/stakeholder-map.csv`,
    `${initiative}/stakeholder-map.json`,
    `${initiative}/stakeholder-map.graphml`,
    '/organizations',
    '/grievances',
    '/api/auth/session',
  ];
}

test('sign up, confirm, reset the password, take part, download, delete: without JavaScript, and the name is gone', async ({ openVisitorPage, openPageAs }) => {
  test.slow(); // a whole account life, plus a search through the site
  const account = freshAccountDetails();
  const page = await openVisitorPage({ javaScriptEnabled: false });
  const main = page.getByRole('main');
  const header = new SiteHeader(page);

  // Sign up.
  await page.goto('/signup');
  await expect(main.getByText('Your e-mail address, the inputs you support, your reports to moderators and your grievances are never public')).toBeVisible();
  await main.getByLabel('Name', { exact: true }).fill(account.name);
  await main.getByLabel('E-mail', { exact: true }).fill(account.email);
  await main.getByLabel('Password', { exact: true }).fill(account.password);
  // Without agreeing, nothing is created and what was typed stays.
  await clickAndWaitForPost(page, main.getByRole('button', { name: 'Create account' }));
  await expect(main.locator('[id="acceptTerms-error"]')).toHaveText(/Please tick this box to agree to the terms of use/);
  await expect(main.getByLabel('E-mail', { exact: true })).toHaveValue(account.email);
  await main.getByLabel('Password', { exact: true }).fill(account.password);
  await main.getByRole('checkbox', { name: /I agree to the terms of use/ }).check();
  await clickAndWaitForPost(page, main.getByRole('button', { name: 'Create account' }));
  await expect(page).toHaveURL('/');
  await expect(header.signedInName).toHaveText(account.name);

  // Confirm the address from the e-mail.
  const confirmation = await waitForMail(account.email, 'Confirm your e-mail address for Participa');
  await page.goto(linkIn(confirmation, '/verify-email'));
  await clickAndWaitForPost(page, main.getByRole('button', { name: 'Confirm my address' }));
  await expect(main.getByRole('status')).toHaveText(/your e-mail address is confirmed/);

  // Forget the password: sign out, ask for a link, choose a new password.
  await clickAndWaitForPost(page, header.signOutButton);
  await expect(header.signInLink).toBeVisible();
  await page.goto('/signin');
  await main.getByRole('link', { name: 'Forgot your password?' }).click();
  await main.getByLabel('E-mail', { exact: true }).fill(account.email);
  await clickAndWaitForPost(page, main.getByRole('button', { name: 'Send the link' }));
  await expect(main.getByRole('status')).toContainText(`If an account uses ${account.email}, a link to reset its password is on its way`);
  const reset = await waitForMail(account.email, 'Reset your Participa password');
  await page.goto(linkIn(reset, '/reset-password'));
  const newPassword = `${account.password}-renewed`;
  await main.getByLabel('New password').fill(newPassword);
  await clickAndWaitForPost(page, main.getByRole('button', { name: 'Save the new password' }));
  await expect(page).toHaveURL(/\/account\?passwordReset=1$/);
  await expect(main.getByRole('status')).toHaveText(/Your new password is saved/);
  await expect(header.signedInName).toHaveText(account.name);
  // The link worked once.
  await page.goto(linkIn(reset, '/reset-password'));
  await expect(main.getByRole('alert')).toHaveText(/This link has expired or has already been used/);

  // The old password no longer signs in; the new one does.
  await clickAndWaitForPost(page, header.signOutButton);
  await page.goto('/signin');
  await main.getByLabel('E-mail', { exact: true }).fill(account.email);
  await main.getByLabel('Password', { exact: true }).fill(account.password);
  await clickAndWaitForPost(page, main.getByRole('button', { name: 'Sign in', exact: true }));
  await expect(main.getByRole('alert')).toHaveText('The e-mail or password is wrong.');
  await main.getByLabel('Password', { exact: true }).fill(newPassword);
  await clickAndWaitForPost(page, main.getByRole('button', { name: 'Sign in', exact: true }));
  await expect(header.signedInName).toHaveText(account.name);

  // Give input.
  const consultationPath = await ConsultationPage.demoConsultationPath(page, DEMO_CONSULTATIONS.open);
  const consultation = new ConsultationPage(page);
  await consultation.goto(consultationPath);
  const title = `Drinking fountains ${account.email.slice(9, 22)}`;
  await consultation.submitInput({ title, body: 'Two drinking fountains near the playground, please.' });
  const number = await consultation.confirmedNumber();
  await expect(consultation.input(title)).toContainText(account.name);

  // Download the data: the input is in both files.
  await page.goto('/account');
  const download = await page.context().request.get('/account/export');
  expect(download.headers()['content-type']).toBe('application/zip');
  const files = unzipSync(new Uint8Array(await download.body()));
  const data = JSON.parse(strFromU8(files['participa-personal-data.json']!)) as { account: { email: string }; inputs: Array<{ title: string; number: number }> };
  expect(data.account.email).toBe(account.email);
  expect(data.inputs).toContainEqual(expect.objectContaining({ title, number }));
  expect(strFromU8(files['participa-personal-data.html']!)).toContain(title);

  // Delete the account.
  await main.getByRole('link', { name: 'Delete my account…' }).click();
  await main.getByRole('checkbox', { name: 'I understand that my account will be deleted for good.' }).check();
  await main.getByLabel('Your password').fill(newPassword);
  await clickAndWaitForPost(page, main.getByRole('button', { name: 'Delete my account' }));
  await expect(page).toHaveURL('/account/deleted');
  await expect(header.signInLink).toBeVisible();

  // The input is still public, as a former participant's.
  const visitor = await openVisitorPage({ javaScriptEnabled: false });
  const publicView = new ConsultationPage(visitor);
  await publicView.goto(consultationPath);
  await expect(publicView.input(title)).toContainText('Former participant');

  // Signing in with the old details does not work.
  await visitor.goto('/signin');
  await visitor.getByRole('main').getByLabel('E-mail', { exact: true }).fill(account.email);
  await visitor.getByRole('main').getByLabel('Password', { exact: true }).fill(newPassword);
  await clickAndWaitForPost(visitor, visitor.getByRole('main').getByRole('button', { name: 'Sign in', exact: true }));
  await expect(visitor.getByRole('main').getByRole('alert')).toHaveText('The e-mail or password is wrong.');

  // The name and the e-mail are nowhere: public pages and downloads, and what staff see.
  const admin = await openPageAs(DEMO.admin);
  const moderator = await openPageAs(DEMO.moderator);
  const searched: Array<[string, APIRequestContext, string]> = [];
  for (const path of publicPaths(consultationPath)) searched.push(['visitor', visitor.context().request, path]);
  for (const path of ['/admin/users', '/admin/audit', '/moderation', `${consultationPath}/responses`, `/initiatives/${DEMO_CONSULTATIONS.initiativeSlug}/stakeholder-map`]) {
    searched.push(['staff', (path.startsWith('/admin') ? admin : moderator).context().request, path]);
  }
  for (const [who, request, path] of searched) {
    const response = await request.get(path);
    expect(response.status(), `${who} ${path}`).toBeLessThan(500);
    const body = await response.text();
    expect(body, `${who} ${path} names the deleted person`).not.toContain(account.name);
    expect(body.toLowerCase(), `${who} ${path} shows the deleted person's e-mail`).not.toContain(account.email.toLowerCase());
  }
});
