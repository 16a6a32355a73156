// The consultation pages checked with axe: no serious or critical violations. Each
// check first makes the page show what it should (inputs, queue items, log entries,
// notifications), so axe looks at the real content, forms included.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ConsultationPage, DEMO_CONSULTATIONS, ModerationLogPage } from './pages/consultation-page';
import { ManageConsultationPage, NewConsultationPage } from './pages/manage-consultation-page';
import { ModerationPage, NotificationsPage } from './pages/moderation-page';
import { DEMO, uniqueSuffix, type Account } from './support/accounts';
import { expectNoSeriousAccessibilityViolations } from './support/axe';

/**
 * Input of `author` in the demo open consultation, reported by the demo resident and
 * hidden by the demo moderator: a moderation log entry and a notification with a reason.
 */
async function hiddenInputOf(
  author: Account,
  { page, signIn, openPageAs }: { page: Page; signIn: (page: Page, account: Account) => Promise<void>; openPageAs: (account: Account) => Promise<Page> },
): Promise<{ consultationPath: string; number: number }> {
  await signIn(page, author);
  const consultationPath = await ConsultationPage.demoConsultationPath(page, DEMO_CONSULTATIONS.open);
  const consultation = new ConsultationPage(page);
  await consultation.goto(consultationPath);
  await consultation.expectFormReady();
  const title = `Off-topic input ${uniqueSuffix()}`;
  await consultation.submitInput({ kind: 'Comment', title, body: 'This is about the bus timetable, not the square.' });
  const number = await consultation.confirmedNumber();

  const reporter = new ConsultationPage(await openPageAs(DEMO.resident));
  await reporter.goto(consultationPath);
  await reporter.report(title, { reason: 'Not about this consultation' });
  const moderation = new ModerationPage(await openPageAs(DEMO.moderator));
  await moderation.goto();
  await moderation.hide(moderation.reported, title, { reason: 'Not about this consultation', note: 'The bus timetable has its own consultation.' });
  return { consultationPath, number };
}

test('the public consultation page, with inputs and the input form, has no serious accessibility violations', async ({ page, newAccount, signIn }) => {
  await signIn(page, newAccount);
  const consultation = new ConsultationPage(page);
  await consultation.goto(await ConsultationPage.demoConsultationPath(page, DEMO_CONSULTATIONS.open));
  await expect(consultation.inputForm).toBeVisible();
  await expect(consultation.input('A drinking fountain next to the playground')).toBeVisible();
  await expect(consultation.input('Choose trees that give shade within five years')).toContainText('Green Streets Alliance');
  await expectNoSeriousAccessibilityViolations(page);
});

test('the public consultation page with an input error shown has no serious accessibility violations', async ({ page, newAccount, signIn }) => {
  await signIn(page, newAccount);
  const consultation = new ConsultationPage(page);
  await consultation.goto(await ConsultationPage.demoConsultationPath(page, DEMO_CONSULTATIONS.open));
  await consultation.expectFormReady();
  await consultation.submitInput({ title: 'No', body: 'Short' });
  await expect(consultation.fieldError('title')).toBeVisible();
  await expect(consultation.fieldError('body')).toBeVisible();
  await expectNoSeriousAccessibilityViolations(page);
});

test('the consultation page before it opens has no serious accessibility violations', async ({ page }) => {
  const consultation = new ConsultationPage(page);
  await consultation.goto(await ConsultationPage.demoConsultationPath(page, DEMO_CONSULTATIONS.information));
  await expect(consultation.notOpenNote).toContainText('Input opens on');
  await expect(consultation.main.getByRole('link', { name: 'Tree species shortlist' })).toBeVisible();
  await expectNoSeriousAccessibilityViolations(page);
});

test('the manage page has no serious accessibility violations', async ({ page, signIn }) => {
  await signIn(page, DEMO.moderator);
  const consultationPath = await ConsultationPage.demoConsultationPath(page, DEMO_CONSULTATIONS.open);
  const manage = new ManageConsultationPage(page);
  await manage.goto(consultationPath);
  await expect(manage.currentStatus('Open for input')).toBeVisible();
  await expect(manage.documentsSection.getByRole('link', { name: 'Plaza Mayor: background report' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('button', { name: 'Record input' })).toBeVisible();
  await expectNoSeriousAccessibilityViolations(page);
});

test('the moderation queue has no serious accessibility violations', async ({ page, newAccount, signIn, openPageAs }) => {
  test.slow(); // several people, each in their own browser, and pages built through the UI
  // Something to review: a reported input, with its reports and the hide form.
  await signIn(page, newAccount);
  const consultation = new ConsultationPage(page);
  const consultationPath = await ConsultationPage.demoConsultationPath(page, DEMO_CONSULTATIONS.open);
  await consultation.goto(consultationPath);
  await consultation.expectFormReady();
  const title = `Reported input ${uniqueSuffix()}`;
  await consultation.submitInput({ kind: 'Objection', title, body: 'An input that someone will report to the moderators.' });
  await expect(consultation.confirmation).toBeVisible();
  const reporter = new ConsultationPage(await openPageAs(DEMO.resident));
  await reporter.goto(consultationPath);
  await reporter.report(title, { reason: 'Spam or advertising', note: 'Looks like an advert.' });

  const moderation = new ModerationPage(await openPageAs(DEMO.moderator));
  await moderation.goto();
  await expect(moderation.item(moderation.reported, title)).toContainText('Looks like an advert.');
  await expectNoSeriousAccessibilityViolations(moderation.page);
});

test('the public moderation log has no serious accessibility violations', async ({ page, newAccount, signIn, openPageAs }) => {
  test.slow(); // several people, each in their own browser, and pages built through the UI
  const { consultationPath, number } = await hiddenInputOf(newAccount, { page, signIn, openPageAs });
  const log = new ModerationLogPage(page);
  await log.goto(consultationPath);
  await expect(log.rowsFor(number)).toContainText('Hidden');
  await expectNoSeriousAccessibilityViolations(page);
});

test('the notifications page has no serious accessibility violations', async ({ page, newAccount, signIn, openPageAs }) => {
  test.slow(); // several people, each in their own browser, and pages built through the UI
  const { number } = await hiddenInputOf(newAccount, { page, signIn, openPageAs });
  const notifications = new NotificationsPage(page);
  await notifications.goto();
  await expect(notifications.about(number, DEMO_CONSULTATIONS.open)).toContainText('Reason: not about this consultation.');
  await expect(notifications.markAllReadButton).toBeVisible();
  await expectNoSeriousAccessibilityViolations(page);
});

test('the new-consultation form has no serious accessibility violations, also with errors shown', async ({ page, signIn }) => {
  await signIn(page, DEMO.moderator);
  const newConsultation = new NewConsultationPage(page);
  await newConsultation.goto();
  await expectNoSeriousAccessibilityViolations(page);

  // A short information period without its public reason.
  await newConsultation.fill({ title: `Short information ${uniqueSuffix()}`, informationDays: 2 });
  await newConsultation.createButton.click();
  await expect(newConsultation.formAlert).toHaveText('Please correct the marked fields.');
  await expect(newConsultation.shortInformationReason).toHaveAccessibleDescription(/needs a reason of at least 20 characters/);
  await expectNoSeriousAccessibilityViolations(page);
});
