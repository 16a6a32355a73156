// What a grievance keeps to the people it is for: the access key is shown once, on the
// receipt right after filing, and no cookie carries it; the files of a confidential case
// are for the officer it is assigned to and administrators, and staff see in the case
// history who opened which file and when.
import type { BrowserContext } from '@playwright/test';
import { expect, test } from './fixtures';
import { ComplainantCasePage } from './pages/grievance-complainant-pages';
import { fileGrievance, GrievanceFilingPage, GrievanceReceiptPage } from './pages/grievance-filing-page';
import { CaseQueuePage } from './pages/grievance-officer-pages';
import { DEMO_CHANNELS, GrievancesHomePage } from './pages/grievance-public-pages';
import { pdfFile } from './pages/manage-consultation-page';
import { DEMO, uniqueSuffix, type Account } from './support/accounts';

/** Every text in the browser's cookies: each value as it is, and each dot-separated part base64url-decoded (a JWT's header and payload). */
async function cookieTexts(context: BrowserContext): Promise<string[]> {
  const values = (await context.cookies()).map((cookie) => decodeURIComponent(cookie.value));
  return values.flatMap((value) => [value, ...value.split('.').map((part) => Buffer.from(part, 'base64url').toString('latin1'))]);
}

test('the access key is shown once, right after filing: a reload shows the receipt without it, and no cookie carries it', async ({ page }) => {
  const channelPath = await GrievancesHomePage.channelPath(page, DEMO_CHANNELS.cityWide);
  const codes = await fileGrievance(page, channelPath, {
    category: 'Noise, dust, pollution or other nuisance',
    description: `The concrete mixer on the corner starts before six every morning (${uniqueSuffix()}).`,
  });
  const receipt = new GrievanceReceiptPage(page);
  const keySymbols = codes.accessKey.replace(/-/g, '');
  const cookiesAfterFiling = await cookieTexts(page.context());
  expect(cookiesAfterFiling.length).toBeGreaterThan(0);
  for (const text of cookiesAfterFiling) {
    expect(text).not.toContain(codes.accessKey);
    expect(text).not.toContain(keySymbols);
  }

  await page.reload();
  await expect(receipt.heading).toBeVisible();
  await expect(receipt.reference).toHaveText(codes.reference);
  await expect(receipt.accessKey).toHaveCount(0);
  await expect(receipt.main).not.toContainText(codes.accessKey);
  await expect(receipt.keyShownOnce).toHaveText('The access key was shown once, right after you filed, and cannot be shown again: we keep only a fingerprint of it.');
  await expect(receipt.main).toContainText('enter the reference with the access key you wrote down');
  await expect(receipt.main.getByRole('heading', { name: 'Lost the access key?' })).toBeVisible();
  for (const text of await cookieTexts(page.context())) expect(text).not.toContain(keySymbols);

  // The browser that filed still opens the case without typing the codes.
  await receipt.openCaseLink.click();
  await expect(new ComplainantCasePage(page).heading).toHaveText(`Grievance ${codes.reference}`);
});

test('only an administrator (or the assigned officer) opens the files of a confidential case, and the history shows who opened which file', async ({
  page,
  openPageAs,
}) => {
  test.slow(); // a complainant, an officer and an administrator, each in their own browser
  const channelPath = await GrievancesHomePage.channelPath(page, DEMO_CHANNELS.cityWide);
  const filing = new GrievanceFilingPage(page);
  await filing.goto(channelPath);
  await filing.fill({
    category: 'Works and contractors',
    description: `Since I complained, the site foreman refuses to let my van through (${uniqueSuffix()}).`,
    isConfidential: true,
  });
  await filing.attachments.setInputFiles(pdfFile('signed statement.pdf'));
  await filing.submitButton.click();
  const { reference } = await new GrievanceReceiptPage(page).codes();

  const openCase = async (account: Account) => {
    const queue = new CaseQueuePage(await openPageAs(account));
    await queue.goto();
    return queue.openCase(reference);
  };
  const officer = await openCase(DEMO.greta);
  const officerFiles = officer.main.getByRole('region', { name: /^Attachment/ });
  await expect(officerFiles).toContainText('only the officer it is assigned to and administrators can see them');
  await expect(officerFiles.getByRole('link')).toHaveCount(0);

  const admin = await openCase(DEMO.admin);
  const fileLink = admin.main.getByRole('region', { name: /^Attachment/ }).getByRole('link', { name: 'signed statement.pdf' });
  const href = (await fileLink.getAttribute('href'))!;
  expect((await officer.page.request.get(href)).status()).toBe(404);
  const download = await admin.page.request.get(href);
  expect(download.status()).toBe(200);
  expect(download.headers()['content-type']).toContain('application/pdf');

  await admin.page.reload();
  await expect(admin.history).toContainText('Opened the file “signed statement.pdf”');
  await expect(admin.history.getByTestId('history-event').filter({ hasText: 'Opened the file' })).toContainText('Ada Admin');
  await officer.page.reload();
  await expect(officer.history.getByTestId('history-event').filter({ hasText: 'Opened a file of this confidential case' })).toContainText('Ada Admin');
});
