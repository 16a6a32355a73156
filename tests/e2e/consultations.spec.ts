// Consultations as residents, organizations and staff meet them: giving input (with
// and without JavaScript), the phases that refuse it, the rule of prior information,
// and input that tries to be more than text.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ConsultationPage, DEMO_CONSULTATIONS } from './pages/consultation-page';
import { createOpenConsultation, ManageConsultationPage, NewConsultationPage } from './pages/manage-consultation-page';
import { DEMO, uniqueClientAddress, uniqueSuffix, type Account } from './support/accounts';

const SERVER_ORIGIN = 'http://localhost:3210';

/** A browser without JavaScript, from its own client address; closed by the caller. */
async function contextWithoutJavaScript(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { 'X-Forwarded-For': uniqueClientAddress() } });
}

/** The post a form sends when pressed, caught on its way so the test can send it again. */
async function captureFormPost(page: Page, submit: () => Promise<void>) {
  const posted = page.waitForRequest((request) => request.method() === 'POST');
  await submit();
  const request = await posted;
  return { url: request.url(), headers: await request.allHeaders(), body: request.postDataBuffer()! };
}

test.describe('giving input', () => {
  test('a resident without JavaScript gives input, sees it published, and a second post of the same form adds nothing', async ({
    browser,
    newAccount,
    signIn,
  }) => {
    const context = await contextWithoutJavaScript(browser);
    try {
      const page = await context.newPage();
      await signIn(page, newAccount);
      const consultationPath = await ConsultationPage.demoConsultationPath(page, DEMO_CONSULTATIONS.open);
      const consultation = new ConsultationPage(page);
      await consultation.goto(consultationPath);

      const title = `Shade sails over the benches ${uniqueSuffix()}`;
      await consultation.fillInput({ kind: 'Proposal', title, body: 'Until the new trees grow, shade sails would make the benches usable in summer.' });
      const sent = await captureFormPost(page, () => consultation.submitButton.click());

      // Post/redirect/get: the page comes back with a confirmation and the input, published.
      await expect(consultation.confirmation).toHaveText(/^Thank you\. Your input #\d+ is published below\.$/);
      const number = await consultation.confirmedNumber();
      await expect(page).toHaveURL(new RegExp(`\\?submitted=${number}&status=published#input-${number}$`));
      const input = consultation.input(title);
      await expect(input).toHaveCount(1);
      await expect(input).toContainText(`#${number}`);
      await expect(input).toContainText(newAccount.name);
      await expect(input).not.toContainText('Awaiting moderation');

      // The same form again (a double click, a retry after a lost answer): same submission key, same input.
      const again = await context.request.post(sent.url, {
        headers: { 'Content-Type': sent.headers['content-type']!, Origin: sent.headers.origin ?? SERVER_ORIGIN },
        data: sent.body,
        maxRedirects: 0,
      });
      expect(again.status(), 'the repeated post is answered with a redirect').toBe(303);
      expect(again.headers().location).toContain(`submitted=${number}&status=published`);

      await consultation.goto(consultationPath);
      await expect(consultation.input(title)).toHaveCount(1);

      // Published means public: someone not signed in reads it too.
      const visitor = new ConsultationPage(await browser.newPage());
      try {
        await visitor.goto(consultationPath);
        await expect(visitor.input(title)).toHaveCount(1);
      } finally {
        await visitor.page.close();
      }
    } finally {
      await context.close();
    }
  });

  test('a member of a verified organization gives input on its behalf, shown with its name', async ({ page, signIn }) => {
    await signIn(page, DEMO.ngo);
    const consultation = new ConsultationPage(page);
    await consultation.goto(await ConsultationPage.demoConsultationPath(page, DEMO_CONSULTATIONS.open));
    await consultation.expectFormReady();

    const title = `Bike parking at the edges ${uniqueSuffix()}`;
    await consultation.submitInput({ kind: 'Comment', title, body: 'Our members ride in daily; racks at the corners keep the square free.', onBehalfOf: 'Green Streets Alliance' });

    await expect(consultation.confirmation).toHaveText(/is published below\.$/);
    const input = consultation.input(title);
    await expect(input).toContainText('Green Streets Alliance,');
    await expect(input).not.toContainText(DEMO.ngo.name);
  });

  test('script in the text is shown as text and never runs', async ({ page, newAccount, signIn }) => {
    await signIn(page, newAccount);
    const consultation = new ConsultationPage(page);
    await consultation.goto(await ConsultationPage.demoConsultationPath(page, DEMO_CONSULTATIONS.open));
    await consultation.expectFormReady();

    const attack = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2">';
    const title = `Markup ${uniqueSuffix()} <b>bold</b>`;
    await consultation.submitInput({ kind: 'Question', title, body: `Is this safe? ${attack}` });

    await expect(consultation.confirmation).toBeVisible();
    const input = consultation.input(title);
    await expect(input.getByText(`Is this safe? ${attack}`, { exact: true })).toBeVisible();
    await expect(input.locator('img, script, b')).toHaveCount(0);
    // A fresh load renders it on the server; still text.
    await page.reload();
    await expect(consultation.input(title).getByText(`Is this safe? ${attack}`, { exact: true })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  test('an over-long text gets an error next to the field and keeps what was typed', async ({ page, newAccount, signIn }) => {
    await signIn(page, newAccount);
    const consultation = new ConsultationPage(page);
    await consultation.goto(await ConsultationPage.demoConsultationPath(page, DEMO_CONSULTATIONS.open));
    await consultation.expectFormReady();

    const title = `A very long input ${uniqueSuffix()}`;
    const body = `${'Long text. '.repeat(909)}xx`;
    expect(body).toHaveLength(10_001);
    await consultation.submitInput({ kind: 'Comment', title, body });

    await expect(consultation.fieldError('body')).toHaveText('Your text is too long: at most 10,000 characters. Nothing was lost; please shorten it.');
    await expect(consultation.body).toHaveAccessibleDescription(/Your text is too long/);
    await expect(consultation.body).toHaveAttribute('aria-invalid', 'true');
    await expect(consultation.kind).toHaveValue('comment');
    await expect(consultation.inputTitle).toHaveValue(title);
    await expect(consultation.body).toHaveValue(body);
    await expect(consultation.input(title)).toHaveCount(0);
  });
});

test.describe('when input is refused', () => {
  /**
   * Sends the input form of an open consultation with another consultation's id, as a
   * stale or hand-made post would; without JavaScript, so the answer is a whole page.
   */
  async function postInputTo(browser: Browser, account: Account, signIn: (page: Page, account: Account) => Promise<void>, targetId: string, title: string) {
    const context = await contextWithoutJavaScript(browser);
    const page = await context.newPage();
    await signIn(page, account);
    const consultation = new ConsultationPage(page);
    await consultation.goto(await ConsultationPage.demoConsultationPath(page, DEMO_CONSULTATIONS.open));
    await consultation.fillInput({ kind: 'Comment', title, body: 'This should never be stored anywhere at all.' });
    const openId = await consultation.inputForm.locator('input[name="consultationId"]').getAttribute('value');
    await page.route('**/consultations/*', async (route) => {
      const request = route.request();
      if (request.method() !== 'POST') return route.continue();
      const body = request.postDataBuffer()!.toString('latin1').replace(`\r\n\r\n${openId}\r\n`, `\r\n\r\n${targetId}\r\n`);
      return route.continue({ postData: Buffer.from(body, 'latin1') });
    });
    await consultation.submitButton.click();
    return { context, page, consultation };
  }

  test('before the consultation opens, the page says when it opens, offers no form, and refuses a direct post', async ({ page, browser, newAccount, signIn }) => {
    await signIn(page, newAccount);
    const consultationPath = await ConsultationPage.demoConsultationPath(page, DEMO_CONSULTATIONS.information);
    const consultation = new ConsultationPage(page);
    await consultation.goto(consultationPath);
    await expect(consultation.inputForm).toHaveCount(0);
    await expect(consultation.notOpenNote).toHaveText(`Input opens on ${await consultation.plannedDate('Opens')}. Until then, read the background documents below.`);

    const title = `Too early ${uniqueSuffix()}`;
    const { context, consultation: tampered } = await postInputTo(browser, newAccount, signIn, consultationPath.split('/').pop()!, title);
    try {
      await expect(tampered.formAlert).toHaveText('This consultation is not open for input yet. Please come back once it has opened.');
    } finally {
      await context.close();
    }
    // Not stored: its author would see it, whatever its status.
    await consultation.goto(consultationPath);
    await expect(consultation.input(title)).toHaveCount(0);
  });

  test('after the consultation closed, the page says so, offers no form, and refuses a direct post', async ({ page, browser, newAccount, signIn, openPageAs }) => {
    test.slow(); // several people, each in their own browser, and pages built through the UI
    const staff = await openPageAs(DEMO.moderator);
    const consultationTitle = `Closed consultation ${uniqueSuffix()}`;
    const consultationPath = await createOpenConsultation(staff, { title: consultationTitle });
    await new ManageConsultationPage(staff).moveTo('Close the consultation', 'Closed');

    await signIn(page, newAccount);
    const consultation = new ConsultationPage(page);
    await consultation.goto(consultationPath);
    await expect(consultation.heading).toHaveText(consultationTitle);
    await expect(consultation.inputForm).toHaveCount(0);
    // Closing early makes the closing date the real one.
    await expect(consultation.notOpenNote).toHaveText(
      `This consultation closed on ${await consultation.plannedDate('Closes')}. Input is no longer accepted; everything given stays public.`,
    );

    const title = `Too late ${uniqueSuffix()}`;
    const { context, consultation: tampered } = await postInputTo(browser, newAccount, signIn, consultationPath.split('/').pop()!, title);
    try {
      await expect(tampered.formAlert).toHaveText('This consultation is closed: it no longer accepts input, replies or supports.');
    } finally {
      await context.close();
    }
    await consultation.goto(consultationPath);
    await expect(consultation.input(title)).toHaveCount(0);
  });
});

test.describe('prior information', () => {
  test('staff can open a consultation at once with a 0-day information period, a public reason and a document', async ({ page, browser, signIn }) => {
    await signIn(page, DEMO.moderator);
    const title = `Opens at once ${uniqueSuffix()}`;
    const newConsultation = new NewConsultationPage(page);
    await newConsultation.goto();
    await newConsultation.create({ title, informationDays: 0, shortInformationReason: 'An end-to-end test needs the consultation open at once.' });

    const manage = new ManageConsultationPage(page);
    await expect(manage.currentStatus('Draft')).toBeVisible();
    await expect(manage.statusSection).toContainText('No background document is public yet.');
    await manage.uploadDocument('Background report');
    await manage.moveTo('Publish the information', 'Information');
    await expect(manage.statusSection).toContainText('Prior information is complete: the consultation may open.');
    await manage.moveTo('Open for input', 'Open for input');
    // Once open, the prior-information line has done its work.
    await expect(manage.statusSection).not.toContainText('Prior information');
    await expect(manage.statusSection.getByRole('button', { name: 'Close the consultation' })).toBeVisible();
    const consultationPath = manage.consultationPath;

    // The public finds it on the initiative's page, open, with the reason for the short period.
    const visitorPage = await browser.newPage();
    try {
      await visitorPage.goto(`/initiatives/${DEMO_CONSULTATIONS.initiativeSlug}`);
      const listed = visitorPage.getByRole('main').getByRole('listitem').filter({ has: visitorPage.getByRole('link', { name: title, exact: true }) });
      await expect(listed).toContainText('Open for input');
      await listed.getByRole('link', { name: title, exact: true }).click();

      const consultation = new ConsultationPage(visitorPage);
      await expect(consultation.heading).toHaveText(title);
      await expect(visitorPage).toHaveURL(consultationPath);
      await expect(consultation.main.getByText('Open for input', { exact: true })).toBeVisible();
      await expect(consultation.main.getByRole('heading', { name: 'Why the information period is shorter than usual' })).toBeVisible();
      await expect(consultation.main.getByText('An end-to-end test needs the consultation open at once.')).toBeVisible();
      await expect(consultation.main.getByRole('link', { name: 'Background report', exact: true })).toBeVisible();
      await expect(consultation.notOpenNote).toHaveText('Sign in to give your input or join the dialogue.');
    } finally {
      await visitorPage.close();
    }
  });

  test('a consultation without a background document cannot open; once one is public, the refusal gives way', async ({ page, signIn }) => {
    await signIn(page, DEMO.moderator);
    const newConsultation = new NewConsultationPage(page);
    await newConsultation.goto();
    await newConsultation.create({
      title: `No document yet ${uniqueSuffix()}`,
      informationDays: 0,
      shortInformationReason: 'An end-to-end test needs the consultation open at once.',
    });

    const manage = new ManageConsultationPage(page);
    await manage.moveTo('Publish the information', 'Information');
    await manage.pressStatusButton('Open for input');
    await expect(manage.statusRefusal).toHaveText(
      'The consultation cannot open yet: at least one background document must have been public for the whole information period.',
    );
    await expect(manage.currentStatus('Information')).toBeVisible();

    await manage.uploadDocument('Background report');
    await expect(manage.statusSection).toContainText('Prior information is complete: the consultation may open.');
    await expect(manage.statusRefusal).toHaveCount(0);
    await manage.moveTo('Open for input', 'Open for input');
  });

  test('a consultation cannot open before its documents were public for the information period', async ({ page, signIn }) => {
    await signIn(page, DEMO.moderator);
    const newConsultation = new NewConsultationPage(page);
    await newConsultation.goto();
    await expect(newConsultation.informationDays).toHaveValue('7');
    await newConsultation.create({ title: `Seven days of information ${uniqueSuffix()}` });

    const manage = new ManageConsultationPage(page);
    await manage.uploadDocument('Traffic study');
    await manage.moveTo('Publish the information', 'Information');
    await expect(manage.statusSection).toContainText(/Prior information will be complete on .+; the consultation may open from then\./);

    await manage.pressStatusButton('Open for input');
    await expect(manage.statusRefusal).toHaveText(
      'The consultation cannot open yet: at least one background document must have been public for the whole information period.',
    );
    await page.reload();
    await expect(manage.currentStatus('Information')).toBeVisible();
  });
});
