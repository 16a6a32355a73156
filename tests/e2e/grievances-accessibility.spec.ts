// The grievance pages checked with axe: no serious or critical violations. Each check
// first makes the page show what it should (channels, figures, a case with its history
// and the forms of its stage, errors next to fields), so axe looks at the real content.
import { expect, test } from './fixtures';
import { ComplainantCasePage, FollowGrievancePage } from './pages/grievance-complainant-pages';
import { fileGrievance, GrievanceFilingPage, GrievanceReceiptPage } from './pages/grievance-filing-page';
import { CaseQueuePage } from './pages/grievance-officer-pages';
import { ChannelProcedurePage, ChannelStatisticsPage, DEMO_CHANNELS, GrievancesHomePage } from './pages/grievance-public-pages';
import { DEMO, uniqueSuffix } from './support/accounts';
import { expectNoSeriousAccessibilityViolations } from './support/axe';

test('the grievances home page has no serious accessibility violations', async ({ page }) => {
  const home = new GrievancesHomePage(page);
  await home.goto();
  await expect(home.fileLink(DEMO_CHANNELS.cityWide)).toBeVisible();
  await expect(home.fileLink(DEMO_CHANNELS.plazaMayor)).toBeVisible();
  await expectNoSeriousAccessibilityViolations(page);
});

test('a channel’s procedure page has no serious accessibility violations', async ({ page }) => {
  const channelPath = await GrievancesHomePage.channelPath(page, DEMO_CHANNELS.plazaMayor);
  const procedure = new ChannelProcedurePage(page);
  await procedure.goto(channelPath);
  await expect(procedure.heading).toHaveText(DEMO_CHANNELS.plazaMayor);
  await expect(procedure.steps.getByRole('heading', { name: 'Acknowledged within 3 days' })).toBeVisible();
  await expect(procedure.offline).toContainText('At the project kiosk on the north corner of Plaza Mayor');
  await expectNoSeriousAccessibilityViolations(page);
});

test('the filing form has no serious accessibility violations, also with errors shown', async ({ page }) => {
  const channelPath = await GrievancesHomePage.channelPath(page, DEMO_CHANNELS.cityWide);
  const filing = new GrievanceFilingPage(page);
  await filing.goto(channelPath);
  await expectNoSeriousAccessibilityViolations(page);

  await filing.contactEmail.fill('not an address');
  await filing.attachments.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('plain text') });
  await expect(filing.fieldError('attachments')).toBeVisible();
  await filing.attachments.setInputFiles([]);
  await filing.submitButton.click();
  await expect(filing.formAlert).toHaveText('Please correct the marked fields.');
  await expect(filing.category).toHaveAccessibleDescription('Choose what the grievance is about.');
  await expect(filing.description).toHaveAccessibleDescription(/Describe what happened\.$/);
  await expect(filing.contactEmail).toHaveAccessibleDescription('Enter a valid e-mail address, or leave it empty.');
  await expectNoSeriousAccessibilityViolations(page);
});

test('the receipt, the follow form and the complainant’s case page have no serious accessibility violations', async ({ page, openPageAs, openVisitorPage }) => {
  test.slow(); // a complainant and an officer, each in their own browser
  const channelPath = await GrievancesHomePage.channelPath(page, DEMO_CHANNELS.cityWide);
  const codes = await fileGrievance(page, channelPath, {
    category: 'Noise, dust, pollution or other nuisance',
    description: `The generator on the building site runs all night (${uniqueSuffix()}).`,
    isConfidential: true,
  });
  await expect(new GrievanceReceiptPage(page).openCaseLink).toBeVisible();
  await expectNoSeriousAccessibilityViolations(page);

  // A case with answers, so the history and the complainant's forms are on the page.
  const queue = new CaseQueuePage(await openPageAs(DEMO.greta));
  await queue.goto();
  const officer = await queue.openCase(codes.reference);
  await officer.takeStep('Acknowledge receipt', 'Received: we will ask the contractor about the generator.', { confirmation: 'Receipt acknowledged' });
  await officer.assignTo('Greta Grievance');
  await officer.takeStep('Propose a resolution', 'The contractor will switch the generator off from 22:00 to 7:00 and use the mains instead.', {
    confirmation: 'Resolution proposed',
  });

  const visitor = await openVisitorPage();
  const follow = new FollowGrievancePage(visitor);
  await follow.goto();
  await follow.open({ reference: codes.reference, accessKey: 'AAAA-BBBB-CCCC-DDDD-EEEE' });
  await expect(follow.formAlert).toBeVisible();
  await expectNoSeriousAccessibilityViolations(visitor);

  await follow.open(codes);
  const complainant = new ComplainantCasePage(visitor);
  await expect(complainant.status).toHaveText('Resolution proposed');
  await expect(complainant.acceptForm).toBeVisible();
  await expect(complainant.appealForm).toBeVisible();
  await expectNoSeriousAccessibilityViolations(visitor);

  // An appeal too short: the error next to its field.
  await complainant.appeal('No.');
  await expect(complainant.appealForm.getByLabel('Why do you appeal?')).toHaveAccessibleDescription(/Give an explanation of at least 20 characters/);
  await expectNoSeriousAccessibilityViolations(visitor);
});

test('an officer’s case page and queue have no serious accessibility violations', async ({ page, signIn, openVisitorPage }) => {
  const visitor = await openVisitorPage();
  const channelPath = await GrievancesHomePage.channelPath(visitor, DEMO_CHANNELS.cityWide);
  const { reference } = await fileGrievance(visitor, channelPath, {
    category: 'Works and contractors',
    description: `The contractor's van blocks the bus stop every afternoon (${uniqueSuffix()}).`,
    contactName: 'Pablo Test',
  });

  await signIn(page, DEMO.greta);
  const queue = new CaseQueuePage(page);
  await queue.goto();
  await expect(queue.row(reference)).toContainText('Not assigned');
  await expectNoSeriousAccessibilityViolations(page);

  const officer = await queue.openCase(reference);
  await expect(officer.stepForm('Acknowledge receipt')).toBeVisible();
  await expect(officer.complainant).toContainText('Pablo Test');
  await expectNoSeriousAccessibilityViolations(page);

  // After a rejection: the refused steps with their reasons, and the history.
  await officer.takeStep('Reject as out of scope', 'Parking on bus stops is enforced by the traffic police, who have been told.', {
    confirmation: 'Rejected as outside the mechanism’s scope',
  });
  await expect(officer.refusedSteps).toContainText('Close the case');
  await officer.pressStep('Write to the complainant', '');
  await expect(officer.stepForm('Write to the complainant').getByLabel('Message', { exact: true })).toHaveAccessibleDescription(/Write a message\./);
  await expectNoSeriousAccessibilityViolations(page);
});

test('the statistics page has no serious accessibility violations', async ({ page }) => {
  const channelPath = await GrievancesHomePage.channelPath(page, DEMO_CHANNELS.plazaMayor);
  const statistics = new ChannelStatisticsPage(page);
  await statistics.goto(channelPath);
  await expect(statistics.figure('Received')).toHaveText('5');
  await expect(statistics.byCategory).toBeVisible();
  await expect(statistics.byMonth).toBeVisible();
  await expectNoSeriousAccessibilityViolations(page);
});
