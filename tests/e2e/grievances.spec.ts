// Grievance redress as complainants and officers meet it: filing with or without an
// account, following a case with its codes, the officer's steps and the complainant's
// answers (also from a page the case has moved on from), confidentiality between
// officers, guessed codes, attachments that are refused, the public statistics, and the
// rule that a consultation needs a channel.
// Every test files its own cases in the city-wide channel and finds them by reference.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ComplainantCasePage, FollowGrievancePage } from './pages/grievance-complainant-pages';
import { fileGrievance, GrievanceFilingPage, GrievanceReceiptPage, type ChosenFile } from './pages/grievance-filing-page';
import { CaseQueuePage, OfficerCasePage, RecordGrievancePage } from './pages/grievance-officer-pages';
import { ChannelStatisticsPage, DEMO_CHANNELS, GrievancesHomePage } from './pages/grievance-public-pages';
import { ManageConsultationPage, NewConsultationPage, pdfFile } from './pages/manage-consultation-page';
import { DEMO, uniqueSuffix } from './support/accounts';
import { expectHydrated } from './support/hydration';

const NOT_FOUND = 'No case matches this reference and access key. Check both and try again.';
const TYPE_NOT_ACCEPTED =
  'This type of file is not accepted. Upload a PDF, an image (PNG, JPEG, WebP, GIF) or an office document (Word, Excel, PowerPoint, OpenDocument).';

/** A real 1×1 PNG: the server reads the type from the bytes. */
function pngFile(name = 'photo.png'): ChosenFile {
  const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
  return { name, mimeType: 'image/png', buffer: Buffer.from(png, 'base64') };
}

/** One byte over the limit of 10 MB per file. */
function oversizedPhoto(): ChosenFile {
  const buffer = Buffer.alloc(10 * 1024 * 1024 + 1);
  pngFile().buffer.copy(buffer);
  return { name: 'site-photo.png', mimeType: 'image/png', buffer };
}

/** Opens a case in the officer's queue; `page` is signed in as a grievance officer or administrator. */
async function openCaseAsOfficer(page: Page, reference: string): Promise<OfficerCasePage> {
  const queue = new CaseQueuePage(page);
  await queue.goto();
  return queue.openCase(reference);
}

test.describe('a grievance from filing to its end', () => {
  test('someone without an account files a confidential grievance, follows it with its codes, and accepts the resolution the officer proposes', async ({
    page,
    openPageAs,
    openVisitorPage,
  }) => {
    test.slow(); // a complainant and an officer, each in their own browser, through every step
    const suffix = uniqueSuffix();
    const description = `Lorries for the works park on the pavement outside the school every morning (${suffix}).`;
    const contactName = `Carmen Test ${suffix}`;

    // Filing, from the mechanism's home page, without an account.
    const home = new GrievancesHomePage(page);
    await home.goto();
    await home.fileLink(DEMO_CHANNELS.cityWide).click();
    const filing = new GrievanceFilingPage(page);
    await expect(filing.heading).toBeVisible();
    await expect(filing.main).toContainText(`Channel: ${DEMO_CHANNELS.cityWide}`);
    await expect(filing.main).toContainText('You are not signed in. After filing you receive a reference and an access key');
    await expectHydrated(filing.submitButton);
    await filing.fill({
      category: 'Health and safety',
      description,
      place: 'Calle Mayor, in front of the primary school',
      outcomeSought: 'That the lorries wait somewhere else.',
      isConfidential: true,
      contactName,
      contactEmail: `carmen-${suffix}@example.org`,
    });
    await filing.submitButton.click();

    const receipt = new GrievanceReceiptPage(page);
    const codes = await receipt.codes();
    await expect(receipt.main).toContainText('Keep the access key private, like a password');

    // Later, on another device: the codes open the case.
    const complainant = new ComplainantCasePage(await openVisitorPage());
    const follow = new FollowGrievancePage(complainant.page);
    await follow.goto();
    await follow.open(codes);
    await expect(complainant.heading).toHaveText(`Grievance ${codes.reference}`);
    await expect(complainant.page).toHaveURL(`/grievances/follow/${codes.reference}`);
    await expect(complainant.status).toHaveText('Received');
    await expect(complainant.main).toContainText(description);
    await expect(complainant.main).toContainText('You asked for your identity to be kept confidential');
    await expect(complainant.main).toContainText(/Acknowledgement due .+ · \d+ days? left/);

    // The officer acknowledges, takes the case and proposes a resolution.
    const officer = await openCaseAsOfficer(await openPageAs(DEMO.greta), codes.reference);
    await officer.expectStatus('Received', DEMO_CHANNELS.cityWide);
    await expect(officer.main).toContainText(description);
    const acknowledgement = 'Thank you for telling us. The site supervisor will look at the parking this week.';
    await officer.takeStep('Acknowledge receipt', acknowledgement, { confirmation: 'Receipt acknowledged' });
    await officer.expectStatus('Acknowledged', DEMO_CHANNELS.cityWide);
    // Confidential: the complainant is known to the officer only once the case is theirs.
    await expect(officer.complainant).toContainText('Confidential');
    await expect(officer.complainant).not.toContainText(contactName);
    await officer.assignTo('Greta Grievance');
    await officer.expectStatus('In review', DEMO_CHANNELS.cityWide);
    await expect(officer.complainant).toContainText(contactName);
    const resolution = 'From Monday the lorries wait in the depot on Calle del Puerto and come to the site one at a time.';
    await officer.takeStep('Propose a resolution', resolution, { confirmation: 'Resolution proposed' });
    await officer.expectStatus('Resolution proposed', DEMO_CHANNELS.cityWide);

    // The complainant reads both answers, from "Grievance officer", never by name.
    await complainant.page.reload();
    await expect(complainant.status).toHaveText('Resolution proposed');
    await expect(complainant.historyEntry('Receipt acknowledged')).toContainText(acknowledgement);
    await expect(complainant.historyEntry('Receipt acknowledged')).toContainText('by Grievance officer');
    await expect(complainant.historyEntry('Resolution proposed')).toContainText(resolution);
    await expect(complainant.main).not.toContainText('Greta');
    await expect(complainant.appealForm).toBeVisible();

    await complainant.accept('That works for us, thank you.');
    await expect(complainant.done).toHaveText('You accepted the resolution. Your case is resolved.');
    await expect(complainant.status).toHaveText('Resolved');
    await expect(complainant.historyEntry('Resolution accepted by the complainant')).toContainText('That works for us, thank you.');
    // An accepted resolution is final: nothing left to accept or appeal.
    await expect(complainant.acceptForm).toHaveCount(0);
    await expect(complainant.appealForm).toHaveCount(0);

    // The officer sees the acceptance and closes the case; the complainant sees it closed.
    await officer.page.reload();
    await officer.expectStatus('Resolved', DEMO_CHANNELS.cityWide);
    await expect(officer.history).toContainText('Resolution accepted by the complainant');
    await officer.takeStep('Close the case', 'Resolved: the complainant accepted the new arrangement for the lorries.', { confirmation: 'Case closed' });
    await officer.expectStatus('Closed', DEMO_CHANNELS.cityWide);
    await expect(officer.stepsSection).toContainText('The case is closed: nothing more can be added.');

    await complainant.page.reload();
    await expect(complainant.status).toHaveText('Closed');
    await expect(complainant.actions).toContainText('This case is closed. No further steps can be taken.');

    // On a shared computer the complainant makes the browser forget the case.
    const forget = complainant.main.getByRole('button', { name: 'Forget this case on this browser' });
    await expectHydrated(forget);
    await forget.click();
    await expect(follow.main.getByRole('status')).toHaveText('This browser no longer opens the case without its codes.');
    await complainant.page.goto(`/grievances/follow/${codes.reference}`);
    await expect(follow.heading).toBeVisible();
    await expect(follow.main).not.toContainText(description);
  });

  test('a case rejected with reasons is appealed by its filer, and the appeal is decided by another officer', async ({ page, newAccount, signIn, openPageAs }) => {
    test.slow(); // a complainant and two officers, each in their own browser
    await signIn(page, newAccount);
    const channelPath = await GrievancesHomePage.channelPath(page, DEMO_CHANNELS.cityWide);
    const description = `The city refused to tell me the date of the next consultation meeting (${uniqueSuffix()}).`;
    const codes = await fileGrievance(page, channelPath, { category: 'Access to information', description });
    await expect(page.getByRole('main')).toContainText('The case is also listed under My grievances.');

    // The filer finds the case under "My grievances".
    await page.goto('/grievances/mine');
    await page.getByRole('main').getByRole('link', { name: codes.reference, exact: true }).click();
    const complainant = new ComplainantCasePage(page);
    await expect(complainant.heading).toHaveText(`Grievance ${codes.reference}`);
    await expect(complainant.status).toHaveText('Received');

    // Greta rejects it straight away, with reasons; closing must wait for the appeal period.
    const greta = await openCaseAsOfficer(await openPageAs(DEMO.greta), codes.reference);
    const reasons = 'Meeting dates are published on the consultation page; this mechanism is for harm done, not for questions.';
    await greta.takeStep('Reject as out of scope', reasons, { confirmation: 'Rejected as outside the mechanism’s scope' });
    await greta.expectStatus('Rejected as out of scope', DEMO_CHANNELS.cityWide);
    await expect(greta.refusedSteps).toContainText(
      'Close the case: The complainant can still appeal: the case can be closed once the appeal period has ended.',
    );
    await expect(greta.stepForm('Close the case')).toHaveCount(0);

    // The filer is told in their account, reads the reasons and appeals: first too briefly, then with a reason.
    await page.goto('/notifications');
    const notice = page.getByRole('main').getByRole('listitem').filter({ hasText: `Your grievance ${codes.reference}: Rejected as outside the mechanism’s scope` });
    await expect(notice).toBeVisible();
    await notice.getByRole('link', { name: 'Go to the grievance' }).click();
    await expect(complainant.status).toHaveText('Rejected as out of scope');
    await expect(complainant.historyEntry('Rejected as outside the mechanism’s scope')).toContainText(reasons);
    await expect(complainant.appealForm).toContainText(/You can appeal until .+\./);
    await complainant.appeal('I disagree.');
    const appealReason = complainant.appealForm.getByLabel('Why do you appeal?');
    await expect(appealReason).toHaveAccessibleDescription(/Give an explanation of at least 20 characters/);
    await expect(appealReason).toHaveValue('I disagree.');
    const appeal = 'The consultation page gives no date at all, and I asked twice at the kiosk without an answer.';
    await complainant.appeal(appeal);
    await expect(complainant.done).toHaveText('Your appeal was lodged. The decision is due within the published deadline shown above.');
    await expect(complainant.status).toHaveText('Appealed');
    await expect(complainant.main).toContainText(/Appeal decision due .+ · \d+ days left/);
    await expect(complainant.appealForm).toHaveCount(0);

    // Greta answered the case: she may not decide the appeal.
    await greta.page.reload();
    await greta.expectStatus('Appealed', DEMO_CHANNELS.cityWide);
    await expect(greta.history.getByRole('listitem').filter({ hasText: 'Appealed by the complainant' })).toContainText(appeal);
    await expect(greta.stepForm('Decide the appeal')).toHaveCount(0);
    await expect(greta.refusedSteps).toContainText('Decide the appeal: An appeal must be decided by someone other than the officer who handled the case.');

    // Omar decides it, then closes the case.
    const omar = await openCaseAsOfficer(await openPageAs(DEMO.omar), codes.reference);
    const decision = 'Appeal upheld: the kiosk must be able to give meeting dates; the next date is now on the consultation page.';
    await omar.takeStep('Decide the appeal', decision, { confirmation: 'Appeal decided' });
    await omar.expectStatus('Appeal decided', DEMO_CHANNELS.cityWide);
    await omar.takeStep('Close the case', 'Closed after the appeal decision; the meeting date is published.', { confirmation: 'Case closed' });
    await omar.expectStatus('Closed', DEMO_CHANNELS.cityWide);

    await complainant.page.reload();
    await expect(complainant.status).toHaveText('Closed');
    await expect(complainant.historyEntry('Appealed by the complainant')).toContainText(appeal);
    await expect(complainant.historyEntry('Appeal decided')).toContainText(decision);
    await expect(complainant.main).not.toContainText('Omar');
  });
});

test.describe('a grievance received offline', () => {
  test('an officer records a grievance taken by telephone; the caller follows it online with the codes read out to them', async ({ page, signIn, openVisitorPage }) => {
    await signIn(page, DEMO.greta);
    const queue = new CaseQueuePage(page);
    await queue.goto();
    await queue.main.getByRole('link', { name: 'Record a grievance received offline' }).click();
    const record = new RecordGrievancePage(page);
    await expect(record.heading).toBeVisible();
    await expectHydrated(record.submitButton);

    const description = `Caller says the temporary footbridge has no handrail on one side (${uniqueSuffix()}).`;
    await record.channel.selectOption({ label: DEMO_CHANNELS.cityWide });
    await record.receivedVia.selectOption({ label: 'By telephone' });
    await record.description.fill(description);
    await record.contactName.fill('Mr. Test Caller');
    // Nothing is chosen for the officer: a forgotten category would count wrongly in the statistics.
    await record.submitButton.click();
    await expect(record.category).toHaveAccessibleDescription('Choose what the grievance is about.');
    // Everything chosen and typed is still there.
    await expect(record.description).toHaveValue(description);
    await expect(record.receivedVia.locator('option:checked')).toHaveText('By telephone');
    await expect(record.channel.locator('option:checked')).toHaveText(DEMO_CHANNELS.cityWide);
    await expect(record.contactName).toHaveValue('Mr. Test Caller');
    await record.category.selectOption({ label: 'Health and safety' });
    await record.submitButton.click();
    const codes = await record.codes();

    await record.recorded.getByRole('link', { name: 'Open the case' }).click();
    const officer = new OfficerCasePage(page);
    await expect(officer.heading).toHaveText(`Grievance ${codes.reference}`);
    await officer.expectStatus('Received', DEMO_CHANNELS.cityWide);
    await expect(officer.main.getByRole('region', { name: 'What was filed' })).toContainText('By telephone');
    await expect(officer.complainant).toContainText('Mr. Test Caller');

    const complainant = new ComplainantCasePage(await openVisitorPage());
    const follow = new FollowGrievancePage(complainant.page);
    await follow.goto();
    await follow.open(codes);
    await expect(complainant.heading).toHaveText(`Grievance ${codes.reference}`);
    await expect(complainant.status).toHaveText('Received');
    await expect(complainant.main).toContainText('(By telephone)');
    await expect(complainant.main).toContainText(description);
  });
});

test.describe('two officers on one case', () => {
  test('a step on a page that is out of date is refused with the reason, the page shows where the case stands, and the text is kept', async ({
    openPageAs,
    openVisitorPage,
  }) => {
    test.slow(); // a complainant and two officers, each in their own browser
    const visitor = await openVisitorPage();
    const channelPath = await GrievancesHomePage.channelPath(visitor, DEMO_CHANNELS.cityWide);
    const { reference } = await fileGrievance(visitor, channelPath, {
      category: 'Noise, dust, pollution or other nuisance',
      description: 'The street sweeper passes at five in the morning since the works began.',
    });

    // Both open the case while it is new; Greta acknowledges it first.
    const greta = await openCaseAsOfficer(await openPageAs(DEMO.greta), reference);
    const omar = await openCaseAsOfficer(await openPageAs(DEMO.omar), reference);
    const gretasAcknowledgement = 'Received: we have asked the cleaning service for its timetable.';
    await greta.takeStep('Acknowledge receipt', gretasAcknowledgement, { confirmation: 'Receipt acknowledged' });

    const omarsAcknowledgement = 'Thank you, your grievance has arrived.';
    await omar.pressStep('Acknowledge receipt', omarsAcknowledgement);
    const form = omar.stepForm('Acknowledge receipt');
    await expect(form.getByRole('alert')).toHaveText(
      'Someone else took a step in this case while your page was open, so yours was not taken. The page now shows where the case stands; your text is kept.',
    );
    await omar.expectStatus('Acknowledged', DEMO_CHANNELS.cityWide);
    await expect(omar.history.getByRole('listitem').filter({ hasText: 'Receipt acknowledged' })).toContainText(gretasAcknowledgement);
    await expect(form.getByLabel('Message to the complainant')).toHaveValue(omarsAcknowledgement);
    // The case was acknowledged once.
    await expect(omar.history.getByRole('listitem').filter({ hasText: 'Receipt acknowledged' })).toHaveCount(1);

    // What the stage allows now is still there, and once a step is taken the old answer goes.
    await omar.assignTo('Omar Officer');
    await omar.expectStatus('In review', DEMO_CHANNELS.cityWide);
    await expect(omar.stepForm('Acknowledge receipt')).toHaveCount(0);
  });
});

test.describe('a complainant on a page that is out of date', () => {
  for (const hasJavaScript of [true, false]) {
    test(`${hasJavaScript ? 'with' : 'without'} JavaScript, accepting a resolution the officer has just closed with reasons is refused with the reason, the note is kept, and the appeal is still open`, async ({
      openPageAs,
      openVisitorPage,
    }) => {
      test.slow(); // a complainant and an officer, each in their own browser, through every step
      const visitor = await openVisitorPage();
      const channelPath = await GrievancesHomePage.channelPath(visitor, DEMO_CHANNELS.cityWide);
      const codes = await fileGrievance(visitor, channelPath, {
        category: 'Works and contractors',
        description: `The contractor's generator runs all night next to the flats on Calle Ancha (${uniqueSuffix()}).`,
      });

      // Greta takes the case and proposes a resolution.
      const greta = await openCaseAsOfficer(await openPageAs(DEMO.greta), codes.reference);
      await greta.takeStep('Acknowledge receipt', 'Received: we will ask the contractor about the generator.', { confirmation: 'Receipt acknowledged' });
      await greta.assignTo('Greta Grievance');
      await greta.takeStep('Propose a resolution', 'The generator is switched off from 22:00 to 07:00 from next week.', { confirmation: 'Resolution proposed' });
      await greta.expectStatus('Resolution proposed', DEMO_CHANNELS.cityWide);

      // The complainant opens the case with its codes while the resolution is proposed.
      const complainant = new ComplainantCasePage(await openVisitorPage({ javaScriptEnabled: hasJavaScript }));
      const follow = new FollowGrievancePage(complainant.page);
      await follow.goto({ hasJavaScript });
      await follow.open(codes);
      await expect(complainant.heading).toHaveText(`Grievance ${codes.reference}`);
      await expect(complainant.status).toHaveText('Resolution proposed');
      await expect(complainant.acceptForm).toBeVisible();

      // Meanwhile Greta closes the resolution with reasons.
      const reasons = 'The contractor cannot switch the generator off at night; it now stands behind a noise barrier instead.';
      await greta.takeStep('Close the resolution with reasons', reasons, { confirmation: 'Resolution closed by the officer, with reasons' });
      await greta.expectStatus('Resolved', DEMO_CHANNELS.cityWide);

      // The complainant, on the page as it was, accepts.
      const note = 'Thank you, that will let us sleep.';
      await complainant.accept(note, { hasJavaScript });
      await expect(complainant.acceptForm.getByRole('alert')).toHaveText(
        'Your case moved on while this page was open, so this step was not taken. The page now shows where your case stands and what you can do now; your text is kept.',
      );
      await expect(complainant.status).toHaveText('Resolved');
      await expect(complainant.historyEntry('Resolution closed by the officer, with reasons')).toContainText(reasons);
      await expect(complainant.historyEntry('Resolution accepted by the complainant')).toHaveCount(0);
      await expect(complainant.acceptNote).toHaveValue(note);
      // Accepting can only be refused now: the form keeps the note but offers no button.
      await expect(complainant.acceptForm.getByRole('button', { name: 'Accept the resolution' })).toHaveCount(0);
      await expect(complainant.appealForm).toContainText(/You can appeal until .+\./);

      // A resolution closed by the officer can be appealed.
      const appeal = 'A noise barrier does not help: the bedrooms are on the third floor, above it.';
      await complainant.appeal(appeal, { hasJavaScript });
      await expect(complainant.done).toHaveText('Your appeal was lodged. The decision is due within the published deadline shown above.');
      await expect(complainant.status).toHaveText('Appealed');
      await expect(complainant.historyEntry('Appealed by the complainant')).toContainText(appeal);
      await expect(complainant.historyEntry('Resolution accepted by the complainant')).toHaveCount(0);
      await expect(complainant.acceptForm).toHaveCount(0);
      await expect(complainant.appealForm).toHaveCount(0);
    });
  }
});

test.describe('confidentiality and codes', () => {
  test('an officer the case is not assigned to sees "Confidential"; the assigned officer and an administrator see who filed it', async ({
    openPageAs,
    openVisitorPage,
  }) => {
    test.slow(); // a complainant, two officers, an administrator and a moderator, each in their own browser
    const visitor = await openVisitorPage();
    const channelPath = await GrievancesHomePage.channelPath(visitor, DEMO_CHANNELS.cityWide);
    const contactName = `Lucía Test ${uniqueSuffix()}`;
    const contactEmail = `lucia-${uniqueSuffix()}@example.org`;
    const { reference } = await fileGrievance(visitor, channelPath, {
      category: 'Something else',
      description: 'A member of the works crew shouted at me for taking photographs of the fence.',
      isConfidential: true,
      contactName,
      contactEmail,
    });

    // Greta acknowledges the case and hands it to Omar.
    const greta = await openCaseAsOfficer(await openPageAs(DEMO.greta), reference);
    await expect(greta.complainant).toContainText('Confidential — the complainant asked for their identity to be kept confidential.');
    await greta.takeStep('Acknowledge receipt', 'Received: we will look into it.', { confirmation: 'Receipt acknowledged' });
    await greta.assignTo('Omar Officer');
    await expect(greta.main.getByRole('region', { name: 'What was filed' })).toContainText('Omar Officer');
    await expect(greta.complainant).toContainText('Confidential');
    await expect(greta.main).not.toContainText(contactName);
    await expect(greta.main).not.toContainText(contactEmail);

    const omar = await openCaseAsOfficer(await openPageAs(DEMO.omar), reference);
    await expect(omar.complainant).toContainText(contactName);
    await expect(omar.complainant).toContainText(contactEmail);

    const admin = await openCaseAsOfficer(await openPageAs(DEMO.admin), reference);
    await expect(admin.complainant).toContainText(contactName);

    // Consultation staff do not handle grievances at all.
    const moderator = await openPageAs(DEMO.moderator);
    const refused = await moderator.goto(new URL(omar.page.url()).pathname);
    expect(refused?.status()).toBe(403);
    await expect(moderator.getByRole('main')).not.toContainText(contactName);
  });

  test('a guessed code finds nothing, and a wrong key for a real reference gets the same answer', async ({ page, openVisitorPage }) => {
    const filer = await openVisitorPage();
    const channelPath = await GrievancesHomePage.channelPath(filer, DEMO_CHANNELS.cityWide);
    const description = `Someone took down the notice about the works before the consultation ended (${uniqueSuffix()}).`;
    const { reference } = await fileGrievance(filer, channelPath, { category: 'How a consultation was run', description });
    const privateLink = (await filer.getByRole('main').getByRole('link', { name: /\/grievances\/follow\?reference=/ }).getAttribute('href'))!;

    const follow = new FollowGrievancePage(page);
    await follow.goto();
    await follow.open({ reference: 'GR-7KQ4M-9XD2A', accessKey: '4F7K-Q2MX-9ZDA-TT3P-8HNC' });
    await expect(follow.formAlert).toHaveText(NOT_FOUND);
    await expect(page).toHaveURL('/grievances/follow');

    await follow.open({ reference, accessKey: '4F7K-Q2MX-9ZDA-TT3P-8HNC' });
    await expect(follow.formAlert).toHaveText(NOT_FOUND);
    await expect(follow.reference).toHaveValue(reference);
    await expect(page).toHaveURL('/grievances/follow');

    // The case's own address, without the codes, asks for them and shows nothing of it,
    // exactly as for a reference that does not exist.
    for (const path of [`/grievances/follow/${reference}`, '/grievances/follow/GR-7KQ4M-9XD2A']) {
      await page.goto(path);
      await expect(follow.heading).toBeVisible();
      await expect(follow.main).toContainText('To open this case, enter its reference and access key.');
      await expect(follow.main).not.toContainText(description);
      await expect(follow.main.getByRole('heading', { name: /^Grievance GR-/ })).toHaveCount(0);
    }

    // The receipt's private link fills in both codes and opens it.
    await page.goto(privateLink);
    await expect(follow.reference).toHaveValue(reference);
    await expectHydrated(follow.submitButton);
    await follow.submitButton.click();
    await expect(new ComplainantCasePage(page).heading).toHaveText(`Grievance ${reference}`);
    await expect(page.getByRole('main')).toContainText(description);
  });

  test('wrong codes from one connection slow it down for a short while, and never keep the right codes out', async ({ openVisitorPage }) => {
    test.slow(); // a dozen posts of a form, and a wait
    const filer = await openVisitorPage();
    const channelPath = await GrievancesHomePage.channelPath(filer, DEMO_CHANNELS.cityWide);
    const codes = await fileGrievance(filer, channelPath, { category: 'Something else', description: 'A case whose codes someone tries to guess.' });
    const tooManyAttempts = /^Too many wrong codes were tried from your connection\. Please wait (\d+) seconds? and try again\.$/;

    // Without JavaScript each attempt is a whole page, so each answer is its own.
    const guesser = new FollowGrievancePage(await openVisitorPage({ javaScriptEnabled: false }));
    await guesser.page.goto('/grievances/follow');
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      await guesser.open({ reference: codes.reference, accessKey: `AAAA-BBBB-CCCC-DDDD-EE${String(attempt).padStart(2, '0')}` });
      // Past five free failures the guesser is told to wait; a wait is never long.
      await expect(guesser.formAlert).toHaveText(new RegExp(`^${NOT_FOUND}$|${tooManyAttempts.source}`));
    }

    // From another connection the right codes open the case at once.
    const complainant = new ComplainantCasePage(await openVisitorPage());
    const follow = new FollowGrievancePage(complainant.page);
    await follow.goto();
    await follow.open(codes);
    await expect(complainant.heading).toHaveText(`Grievance ${codes.reference}`);

    // From the guesser's connection, once the short wait is over.
    await guesser.open(codes);
    const alert = await guesser.formAlert.textContent({ timeout: 2_000 }).catch(() => null);
    if (alert) {
      const seconds = Number(tooManyAttempts.exec(alert.trim())?.[1]);
      expect(seconds, alert).toBeLessThanOrEqual(30);
      await guesser.page.waitForTimeout(seconds * 1000 + 500);
      await guesser.open(codes);
    }
    await expect(new ComplainantCasePage(guesser.page).heading).toHaveText(`Grievance ${codes.reference}`);
  });
});

test.describe('attachments', () => {
  test('without JavaScript, a file over the limit or of a wrong type gets a clear message and the typed text is kept', async ({ openVisitorPage }) => {
    const page = await openVisitorPage({ javaScriptEnabled: false });
    const channelPath = await GrievancesHomePage.channelPath(page, DEMO_CHANNELS.cityWide);
    const filing = new GrievanceFilingPage(page);
    await filing.goto(channelPath, { hasJavaScript: false });
    const details = {
      category: 'Works and contractors',
      description: `The scaffolding on Calle del Arco blocks the only ramp to the pharmacy (${uniqueSuffix()}).`,
      place: 'Calle del Arco 7',
      isConfidential: true,
    } as const;
    await filing.fill(details);

    async function expectTypedTextKept(): Promise<void> {
      await expect(filing.category).toHaveValue('works_contractors');
      await expect(filing.description).toHaveValue(details.description);
      await expect(filing.place).toHaveValue(details.place);
      await expect(filing.isConfidential).toBeChecked();
    }

    await filing.attachments.setInputFiles(oversizedPhoto());
    await filing.submitButton.click();
    await expect(filing.formAlert).toHaveText('Please correct the marked fields.');
    await expect(filing.fieldError('attachments')).toHaveText('Each file can be at most 10 MB.');
    await expect(filing.attachments).toHaveAccessibleDescription(/Each file can be at most 10 MB\./);
    await expectTypedTextKept();

    await filing.attachments.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Not a document the office can open.') });
    await filing.submitButton.click();
    await expect(filing.fieldError('attachments')).toHaveText(TYPE_NOT_ACCEPTED);
    await expectTypedTextKept();

    // With an accepted file the grievance is filed, the file with it.
    await filing.attachments.setInputFiles(pdfFile('ramp.pdf'));
    await filing.submitButton.click();
    const { reference } = await new GrievanceReceiptPage(page).codes();
    await page.getByRole('link', { name: 'Open your case now' }).click();
    const complainant = new ComplainantCasePage(page);
    await expect(complainant.heading).toHaveText(`Grievance ${reference}`);
    await expect(complainant.main.getByRole('link', { name: /^ramp\.pdf \(/ })).toBeVisible();
  });

  test('with JavaScript, files are checked when chosen, and a file whose content is not what its name says is refused with the text kept', async ({
    page,
  }) => {
    const channelPath = await GrievancesHomePage.channelPath(page, DEMO_CHANNELS.cityWide);
    const filing = new GrievanceFilingPage(page);
    await filing.goto(channelPath);
    const description = `The new bench by the fountain has a loose board that pinched a child's hand (${uniqueSuffix()}).`;
    await filing.fill({ category: 'Health and safety', description });

    // Checked in the browser before anything travels.
    await filing.attachments.setInputFiles(oversizedPhoto());
    await expect(filing.fieldError('attachments')).toHaveText('Each file can be at most 10 MB.');
    await filing.submitButton.click();
    await expect(filing.attachments).toBeFocused();
    await expect(page).toHaveURL(`${channelPath}/file`);

    await filing.attachments.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('plain text') });
    await expect(filing.fieldError('attachments')).toHaveText(TYPE_NOT_ACCEPTED);

    // A name can pass in the browser; the server reads the content.
    await filing.attachments.setInputFiles({ name: 'bench.png', mimeType: 'image/png', buffer: Buffer.from('this is text, not a picture') });
    await expect(filing.fieldError('attachments')).toHaveCount(0);
    await filing.submitButton.click();
    await expect(filing.fieldError('attachments')).toHaveText(TYPE_NOT_ACCEPTED);
    await expect(filing.description).toHaveValue(description);
    await expect(filing.category).toHaveValue('health_safety');

    await filing.attachments.setInputFiles(pngFile('bench.png'));
    await expect(filing.fieldError('attachments')).toHaveCount(0);
    await filing.submitButton.click();
    await new GrievanceReceiptPage(page).codes();
  });

  test('an officer sends a message with a PDF (a file that is not what its name says is refused, the text kept); the complainant downloads it from the history', async ({
    openPageAs,
    openVisitorPage,
  }) => {
    test.slow(); // a complainant and an officer, each in their own browser
    const visitor = await openVisitorPage();
    const channelPath = await GrievancesHomePage.channelPath(visitor, DEMO_CHANNELS.cityWide);
    const { reference } = await fileGrievance(visitor, channelPath, {
      category: 'Works and contractors',
      description: `The works on Calle Nueva start before seven every day (${uniqueSuffix()}).`,
    });

    const officer = await openCaseAsOfficer(await openPageAs(DEMO.greta), reference);
    const form = officer.stepForm('Write to the complainant');
    const files = form.getByLabel('Files for the complainant (optional)');
    const message = 'The contractor’s new timetable is attached: no work before eight from Monday on.';
    await files.setInputFiles({ name: 'timetable.pdf', mimeType: 'application/pdf', buffer: Buffer.from('plain text, not a PDF') });
    await officer.pressStep('Write to the complainant', message);
    await expect(form.getByText(TYPE_NOT_ACCEPTED)).toBeVisible();
    await expect(files).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByLabel('Message', { exact: true })).toHaveValue(message);
    await expect(officer.history.getByRole('listitem').filter({ hasText: message })).toHaveCount(0);

    await files.setInputFiles(pdfFile('timetable.pdf'));
    await form.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(officer.done).toHaveText('Done: Message. The case history below shows it.');
    await expect(officer.history.getByRole('listitem').filter({ hasText: message }).getByRole('link', { name: 'timetable.pdf' })).toBeVisible();

    await visitor.getByRole('link', { name: 'Open your case now' }).click();
    const complainant = new ComplainantCasePage(visitor);
    await expect(complainant.heading).toHaveText(`Grievance ${reference}`);
    const entry = complainant.historyEntry('Message');
    await expect(entry).toContainText(message);
    const link = entry.getByRole('link', { name: /^timetable\.pdf \(/ });
    const download = await visitor.request.get((await link.getAttribute('href'))!);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toContain('application/pdf');
    expect((await download.body()).toString('latin1')).toMatch(/^%PDF-/);
  });
});

test.describe('public statistics', () => {
  test('the statistics page shows the figures of known cases, and the downloads answer as CSV and JSON', async ({ page }) => {
    const channelPath = await GrievancesHomePage.channelPath(page, DEMO_CHANNELS.plazaMayor);
    const statistics = new ChannelStatisticsPage(page);
    await statistics.goto(channelPath);
    await expect(statistics.heading).toHaveText(`Statistics: ${DEMO_CHANNELS.plazaMayor}`);
    await expect(statistics.figure('Received')).toHaveText('5');
    await expect(statistics.figure('Acknowledged on time')).toHaveText('80% (4 of 5)');
    await expect(statistics.figure('Answered on time')).toHaveText('60% (3 of 5)');
    await expect(statistics.figure('Average days to close')).toHaveText('29.3 days');
    await expect(statistics.byCategory.getByRole('row', { name: /^Works and contractors/ })).toBeVisible();
    await expect(statistics.byMonth.getByRole('row', { name: /^October 2026/ }).getByRole('cell').first()).toHaveText('2');

    // A person saves the file under a name that says what it is.
    const downloading = page.waitForEvent('download');
    await statistics.csvLink.click();
    expect((await downloading).suggestedFilename()).toMatch(/^grievance-statistics-plaza-mayor-redesign-\d{4}-\d{2}-\d{2}\.csv$/);

    const csv = await page.request.get((await statistics.csvLink.getAttribute('href'))!);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers()['content-disposition']).toMatch(/^attachment; filename="grievance-statistics-plaza-mayor-redesign-/);
    const rows = (await csv.text()).trimEnd().split('\r\n');
    expect(rows[0]).toBe(
      'group,key,received,acknowledged_on_time,acknowledgement_counted,acknowledged_on_time_share,resolved_on_time,resolution_counted,resolved_on_time_share,closed,average_days_to_close',
    );
    expect(rows[1]).toBe('total,,5,4,5,0.8,3,5,0.6,3,29.31');

    const json = await page.request.get((await statistics.jsonLink.getAttribute('href'))!);
    expect(json.status()).toBe(200);
    expect(json.headers()['content-type']).toBe('application/json; charset=utf-8');
    const body = (await json.json()) as { channel: { name: string }; total: { received: number; closed: number } };
    expect(body.channel.name).toBe(DEMO_CHANNELS.plazaMayor);
    expect(body.total).toMatchObject({ received: 5, closed: 3 });

    // Only numbers: nothing of a complainant (a demo case has a contact e-mail).
    expect(await csv.text()).not.toContain('@');
    expect(await json.text()).not.toContain('@');
  });
});

test.describe('consultations and their grievance channel', () => {
  test('a consultation cannot open while its initiative has no grievance channel; once an officer sets one up, it opens', async ({ page, signIn, openPageAs }) => {
    test.slow(); // an initiative, a consultation and a channel, built through the UI
    await signIn(page, DEMO.moderator);
    const initiativeTitle = `Riverside path ${uniqueSuffix()}`;
    await page.goto('/initiatives/new');
    const main = page.getByRole('main');
    await expectHydrated(main.getByRole('button', { name: 'Create initiative' }));
    await main.getByLabel('Title').fill(initiativeTitle);
    await main.getByLabel('Summary').fill('A new footpath along the river, between the two bridges.');
    await main.getByLabel('Responsible municipal unit').fill('Department of Urban Planning');
    await main.getByLabel('Status').selectOption({ label: 'Active' });
    await main.getByRole('button', { name: 'Create initiative' }).click();
    await expect(main.getByRole('heading', { level: 1 })).toHaveText(initiativeTitle);
    const initiativeSlug = new URL(page.url()).pathname.split('/').pop()!;
    await expect(main.getByRole('region', { name: 'Grievances' })).toContainText('This initiative has no grievance channel of its own yet.');

    const newConsultation = new NewConsultationPage(page);
    await newConsultation.goto(initiativeSlug);
    await newConsultation.create({
      title: `Where should the path run? ${uniqueSuffix()}`,
      informationDays: 0,
      shortInformationReason: 'An end-to-end test needs the consultation open at once.',
    });
    const manage = new ManageConsultationPage(page);
    await manage.uploadDocument('Route options');
    await manage.moveTo('Publish the information', 'Information');
    await expect(manage.statusSection).toContainText('The initiative has no grievance channel yet; the consultation cannot open until a grievance officer or an administrator sets one up.');
    await manage.pressStatusButton('Open for input');
    await expect(manage.statusRefusal).toHaveText(
      'The initiative has no grievance channel yet: a grievance officer or an administrator must set one up before the consultation opens.',
    );
    await expect(manage.currentStatus('Information')).toBeVisible();

    // A grievance officer sets up the channel for the initiative.
    const officer = await openPageAs(DEMO.greta);
    await officer.goto(`/grievances/channels/new?initiative=${initiativeSlug}`);
    const channelForm = officer.getByRole('main');
    await expectHydrated(channelForm.getByRole('button', { name: 'Create channel' }));
    // Opened from the initiative, the form has it chosen already.
    await expect(channelForm.getByLabel('For', { exact: true }).locator('option:checked')).toHaveText(initiativeTitle);
    await channelForm.getByLabel('Name', { exact: true }).fill(`${initiativeTitle}: grievances`);
    await channelForm.getByLabel('How to file without the internet').fill('At the Citizens’ Advice Desk, Town Hall, weekdays 9:00–14:00, or by telephone on 010.');
    await channelForm.getByRole('button', { name: 'Create channel' }).click();
    await expect(channelForm.getByRole('heading', { level: 1 })).toHaveText(`${initiativeTitle}: grievances`);

    await page.reload();
    await expect(manage.statusSection).toContainText(`Grievances about this consultation go to its initiative's channel: ${initiativeTitle}: grievances.`);
    await manage.moveTo('Open for input', 'Open for input');
  });
});
