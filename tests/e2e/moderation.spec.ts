// Moderation as participants and the public meet it: pre-moderated input waits for a
// moderator, hidden input tells its author why, and the public log records every
// decision without repeating what was hidden.
import { expect, test } from './fixtures';
import { ConsultationPage, DEMO_CONSULTATIONS, ModerationLogPage } from './pages/consultation-page';
import { createOpenConsultation } from './pages/manage-consultation-page';
import { ModerationPage, NotificationsPage, notificationsLink, unreadCount } from './pages/moderation-page';
import { DEMO, uniqueSuffix } from './support/accounts';

test('pre-moderated input is public only once a moderator published it, and its author is told', async ({ page, browser, newAccount, signIn, openPageAs }) => {
  test.slow(); // several people, each in their own browser, and pages built through the UI
  const staff = await openPageAs(DEMO.moderator);
  const consultationTitle = `Reviewed first ${uniqueSuffix()}`;
  const consultationPath = await createOpenConsultation(staff, { title: consultationTitle, moderation: 'pre' });

  // The author gives input: received, shown to them as awaiting moderation.
  await signIn(page, newAccount);
  const consultation = new ConsultationPage(page);
  await consultation.goto(consultationPath);
  await consultation.expectFormReady();
  const title = `A quiet corner for reading ${uniqueSuffix()}`;
  await consultation.submitInput({ kind: 'Proposal', title, body: 'A few benches away from the playground, under the trees, for reading.' });
  await expect(consultation.confirmation).toHaveText(/^Thank you\. Your input #\d+ was received; a moderator will review it before it is published\./);
  const number = await consultation.confirmedNumber();
  await expect(consultation.input(title)).toContainText('Awaiting moderation');

  // Nobody else sees it yet.
  const visitorContext = await browser.newContext();
  try {
    const visitor = new ConsultationPage(await visitorContext.newPage());
    await visitor.goto(consultationPath);
    await expect(visitor.inputsHeading).toHaveText('Input and dialogue (none yet)');
    await expect(visitor.input(title)).toHaveCount(0);

    // A moderator publishes it from the queue.
    const moderation = new ModerationPage(staff);
    await moderation.goto();
    await expect(moderation.item(moderation.pending, title)).toContainText(`In ${consultationTitle}`);
    await moderation.publish(title);

    await visitor.page.reload();
    await expect(visitor.input(title)).toBeVisible();
    await expect(visitor.input(title)).toContainText(newAccount.name);
  } finally {
    await visitorContext.close();
  }

  // The author hears of it: an unread notification, counted in the header.
  await page.reload();
  await expect(notificationsLink(page)).toHaveAccessibleName('Notifications 1 unread');
  await expect(unreadCount(page)).toBeVisible();
  await expect(consultation.input(title)).not.toContainText('Awaiting moderation');
  const notifications = new NotificationsPage(page);
  await notifications.goto();
  await expect(notifications.about(number, consultationTitle)).toContainText(`Your input #${number} in “${consultationTitle}” was published.`);
  await expect(notifications.about(number, consultationTitle)).toContainText('New');
  await notifications.markAllReadButton.click();
  await expect(unreadCount(page)).toHaveCount(0);
  await expect(notifications.about(number, consultationTitle)).not.toContainText('New');
});

test('hidden input shows its reason to its author and in the public log, which never shows the hidden text', async ({
  page,
  browser,
  newAccount,
  signIn,
  openPageAs,
}) => {
  test.slow(); // several people, each in their own browser, and pages built through the UI
  // The author gives input to the demo consultation (post-moderation: published at once).
  await signIn(page, newAccount);
  const consultationPath = await ConsultationPage.demoConsultationPath(page, DEMO_CONSULTATIONS.open);
  const consultation = new ConsultationPage(page);
  await consultation.goto(consultationPath);
  await consultation.expectFormReady();
  const title = `My neighbour at number 12 ${uniqueSuffix()}`;
  const body = `Hidden text ${uniqueSuffix()}: the man at number 12 parks on the square every night.`;
  await consultation.submitInput({ kind: 'Comment', title, body });
  const number = await consultation.confirmedNumber();

  // Someone reports it; a moderator hides it with a reason and an explanation.
  const reporter = new ConsultationPage(await openPageAs(DEMO.resident));
  await reporter.goto(consultationPath);
  await reporter.report(title, { reason: "Reveals someone's personal data", note: 'It names a neighbour.' });

  const moderation = new ModerationPage(await openPageAs(DEMO.moderator));
  await moderation.goto();
  await expect(moderation.item(moderation.reported, title)).toContainText("1 report");
  const note = 'It identifies a private person by their address.';
  await moderation.hide(moderation.reported, title, { reason: 'Personal data of someone', note });

  // The author still sees it, marked hidden, with the reason and the explanation.
  await consultation.goto(consultationPath);
  const own = consultation.input(title);
  await expect(own).toContainText('Hidden');
  await expect(own).toContainText(`Hidden by a moderator — personal data of someone: ${note}`);
  await expect(own).toContainText(body);

  // The notification says the same.
  await expect(notificationsLink(page)).toHaveAccessibleName('Notifications 1 unread');
  await expect(unreadCount(page)).toBeVisible();
  const notifications = new NotificationsPage(page);
  await notifications.goto();
  const notification = notifications.about(number, DEMO_CONSULTATIONS.open);
  await expect(notification).toContainText(`Your input #${number} in “${DEMO_CONSULTATIONS.open}” was hidden by a moderator.`);
  await expect(notification).toContainText(`Reason: personal data of someone. ${note}`);

  // The public no longer sees it; the public log records why, without the text.
  const visitorContext = await browser.newContext();
  try {
    const visitorPage = await visitorContext.newPage();
    const visitor = new ConsultationPage(visitorPage);
    await visitor.goto(consultationPath);
    await expect(visitor.inputList).toBeVisible();
    await expect(visitor.input(title)).toHaveCount(0);
    await visitor.moderationLogLink.click();

    const log = new ModerationLogPage(visitorPage);
    await expect(log.heading).toBeVisible();
    const row = log.rowsFor(number);
    await expect(row).toHaveCount(1);
    // When, what, which input, why (reason and explanation), by which role.
    await expect(row.getByRole('cell')).toHaveText([/\d{4}/, 'Hidden', `Input #${number}`, `Personal data of someone${note}`, 'Moderator (municipality staff)']);
    const wholePage = (await visitorPage.content()).toLowerCase();
    expect(wholePage).not.toContain(title.toLowerCase());
    expect(wholePage).not.toContain(body.toLowerCase());
    expect(wholePage).not.toContain(newAccount.name.toLowerCase());
  } finally {
    await visitorContext.close();
  }
});
