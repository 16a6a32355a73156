// "You said, we did" as people meet it: staff answer every published input (one by one
// or as a theme) and publish the decision; the person who gave the input reads what
// became of it on "My participation", in the public report and in their notifications.
// Publishing with inputs left unanswered needs a public reason.
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ConsultationPage } from './pages/consultation-page';
import {
  consultationStatus,
  DecisionPage,
  DecisionsListPage,
  DEMO_DECIDED,
  MyParticipationPage,
  notification,
  RESPONSE_SAVED,
  ReportPage,
  ResponsesPage,
} from './pages/decision-pages';
import { createOpenConsultation, ManageConsultationPage } from './pages/manage-consultation-page';
import { ModerationPage, NotificationsPage } from './pages/moderation-page';
import { DEMO, uniqueClientAddress, uniqueSuffix, type Account } from './support/accounts';
import { expectNoSeriousAccessibilityViolations } from './support/axe';
import { expectHydrated } from './support/hydration';

interface GivenInput {
  title: string;
  number: number;
}

/** `resident` (whose page is signed in) gives one proposal per title; returns their numbers. */
async function giveInputs(residentPage: Page, consultationPath: string, titles: string[]): Promise<GivenInput[]> {
  const consultation = new ConsultationPage(residentPage);
  const given: GivenInput[] = [];
  for (const title of titles) {
    await consultation.goto(consultationPath);
    await consultation.expectFormReady();
    await consultation.submitInput({ kind: 'Proposal', title, body: `More benches in the shade, please: ${title}.` });
    given.push({ title, number: await consultation.confirmedNumber() });
  }
  return given;
}

/** Staff close the consultation from its manage page. */
async function closeConsultation(staff: Page, consultationPath: string): Promise<void> {
  const manage = new ManageConsultationPage(staff);
  await manage.goto(consultationPath);
  await manage.moveTo('Close the consultation', 'Closed');
}

/**
 * A post-moderated consultation that got input from `resident` and was closed: ready
 * for answers. Returns its address and the inputs with their numbers.
 */
async function closedConsultationWithInputs(
  { staff, residentPage }: { staff: Page; residentPage: Page },
  { consultationTitle, inputTitles }: { consultationTitle: string; inputTitles: string[] },
): Promise<{ consultationPath: string; inputs: GivenInput[] }> {
  const consultationPath = await createOpenConsultation(staff, { title: consultationTitle, moderation: 'post' });
  const inputs = await giveInputs(residentPage, consultationPath, inputTitles);
  await closeConsultation(staff, consultationPath);
  return { consultationPath, inputs };
}

/** A browser without JavaScript, signed in as `account`, browsing from its own address. */
async function openPageWithoutJavaScriptAs(
  browser: Browser,
  account: Account,
  signIn: (page: Page, account: Account) => Promise<void>,
): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { 'X-Forwarded-For': uniqueClientAddress() } });
  const page = await context.newPage();
  await signIn(page, account);
  return { page, close: () => context.close() };
}

/** A minimal CSV reader (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const today = () => new Date().toISOString().slice(0, 10);

test('a resident sees the partly adopted answer to their input on My participation, in the report and in notifications', async ({
  page,
  newAccount,
  signIn,
  openPageAs,
  openVisitorPage,
}) => {
  test.slow(); // several people, each in their own browser, and a consultation taken from draft to decided through the UI
  const staff = await openPageAs(DEMO.moderator);
  const consultationTitle = `Answered input ${uniqueSuffix()}`;
  const consultationPath = await createOpenConsultation(staff, { title: consultationTitle, moderation: 'pre' });

  // A resident gives input; a moderator publishes it from the queue.
  await signIn(page, newAccount);
  const inputTitle = `Benches facing the fountain ${uniqueSuffix()}`;
  const [input] = await giveInputs(page, consultationPath, [inputTitle]);
  const number = input!.number;
  const moderation = new ModerationPage(staff);
  await moderation.goto();
  await moderation.publish(inputTitle);

  // Input closes; staff prepare the decision and answer the input, linked to it.
  await closeConsultation(staff, consultationPath);
  const decisionTitle = `Plaza seating plan ${uniqueSuffix()}`;
  const decisions = new DecisionsListPage(staff);
  await decisions.goto(consultationPath);
  await expect(decisions.main.getByText('No decision has been published yet.')).toBeVisible();
  const decisionPath = await decisions.createDraft({ title: decisionTitle, decidingBody: 'City Council, Committee on Public Space', decidedOn: today() });

  const responses = new ResponsesPage(staff);
  await responses.goto(consultationPath);
  await expect(responses.coverage('0 of 1 published inputs have a response (0%).')).toBeVisible();
  const explanation = 'Benches will face the fountain on the north side; the south side stays free for the weekly market.';
  await responses.inputForm(number).answer({ outcome: 'Partly adopted', explanation, decisions: [decisionTitle] });
  const card = responses.input(number);
  await expect(card).toContainText('Partly adopted');
  await expect(card).toContainText(explanation);
  await expect(card.getByRole('link', { name: decisionTitle })).toBeVisible();
  await expect(card).toContainText('draft, not public yet');
  await expect(responses.coverage('1 of 1 published inputs have a response (100%).')).toBeVisible();

  // Every input is answered: the decision is published without a reason.
  const decision = new DecisionPage(staff);
  await decision.goto(decisionPath);
  await expect(decision.draftBadge).toBeVisible();
  await expect(decision.answeredInput(number)).toContainText('Partly adopted');
  await expect(decision.publishForm).toContainText('1 of 1 published inputs have a response (100%).');
  await decision.publish();
  await expect(decision.draftBadge).toHaveCount(0);
  await expect(decision.unansweredNotice).toHaveCount(0);

  // The resident: My participation shows the outcome, the explanation and the decision.
  const participation = new MyParticipationPage(page);
  await participation.goto();
  const section = participation.consultation(consultationTitle);
  await expect(section).toContainText('Decided');
  const own = participation.input(consultationTitle, inputTitle);
  await expect(own).toContainText('Moderation: Published');
  await expect(own.getByRole('heading', { level: 4, name: "The city's response" })).toBeVisible();
  await expect(own).toContainText('Partly adopted');
  await expect(own).toContainText(explanation);
  await expect(own).toContainText('Decision it is part of:');
  await expect(own.getByRole('link', { name: decisionTitle })).toBeVisible();

  // Notifications: the answer and the decision.
  const notifications = new NotificationsPage(page);
  await notifications.goto();
  await expect(notification(page, `The city answered your input #${number} in “${consultationTitle}”: partly adopted.`)).toBeVisible();
  await expect(notification(page, `A decision was published in “${consultationTitle}”, where you took part.`)).toBeVisible();
  await notification(page, `The city answered your input #${number} in “${consultationTitle}”: partly adopted.`)
    .getByRole('link', { name: 'See what became of your input' })
    .click();
  await expect(participation.heading).toBeVisible();

  // The public: the report and the consultation page.
  const visitor = await openVisitorPage();
  const report = new ReportPage(visitor);
  await report.goto(consultationPath);
  await expect(consultationStatus(visitor)).toHaveText('Decided');
  await expect(report.decision(decisionTitle)).toContainText('City Council, Committee on Public Space');
  await expect(report.coverage).toContainText('1 of 1 published inputs have a response (100%).');
  const reported = report.input(inputTitle);
  await expect(reported).toContainText('Partly adopted');
  await expect(reported).toContainText(explanation);
  // The answer links the decision it shaped; the report, made to be printed and passed on, names no person.
  await expect(reported.getByRole('link', { name: decisionTitle })).toBeVisible();
  await expect(reported).toContainText('From a resident');
  await expect(report.main).not.toContainText(newAccount.name);

  const consultation = new ConsultationPage(visitor);
  await consultation.goto(consultationPath);
  await expect(consultationStatus(visitor)).toHaveText('Decided');
  await expect(consultation.input(inputTitle)).toContainText('Partly adopted');
  await expect(consultation.input(inputTitle)).toContainText(explanation);
  await expect(consultation.input(inputTitle).getByRole('link', { name: decisionTitle })).toBeVisible();
  await expect(consultation.main.getByRole('region', { name: 'Decisions and responses' }).getByRole('link', { name: decisionTitle })).toBeVisible();
});

test('publishing with unanswered inputs is refused without a reason and allowed with one, which is then public', async ({
  page,
  newAccount,
  signIn,
  openPageAs,
  openVisitorPage,
}) => {
  test.slow(); // several people, each in their own browser, and pages built through the UI
  const staff = await openPageAs(DEMO.moderator);
  await signIn(page, newAccount);
  const consultationTitle = `Unanswered input ${uniqueSuffix()}`;
  const { consultationPath, inputs } = await closedConsultationWithInputs(
    { staff, residentPage: page },
    { consultationTitle, inputTitles: [`Shade sails ${uniqueSuffix()}`, `Night lighting ${uniqueSuffix()}`] },
  );
  const [answered, unanswered] = inputs as [GivenInput, GivenInput];

  const decisionTitle = `Shade and light ${uniqueSuffix()}`;
  const decisions = new DecisionsListPage(staff);
  await decisions.goto(consultationPath);
  const decisionPath = await decisions.createDraft({ title: decisionTitle });
  const responses = new ResponsesPage(staff);
  await responses.goto(consultationPath);
  await responses.inputForm(answered.number).answer({
    outcome: 'Adopted',
    explanation: 'Shade sails will be put up over the benches before next summer.',
    decisions: [decisionTitle],
  });

  // Without a reason: refused, and the reason field says why.
  const decision = new DecisionPage(staff);
  await decision.goto(decisionPath);
  await expect(decision.publishForm).toContainText('1 of 2 published inputs have a response (50%).');
  await expect(decision.publishForm).toContainText('1 published input has no response yet. Every input should be answered before the decision is published.');
  await expect(decision.reason).toBeVisible();
  await expectHydrated(decision.publishWithReasonButton);
  await decision.publishWithReasonButton.click();
  await expect(decision.publishForm.getByRole('alert')).toHaveText('Please correct the marked fields.');
  await expect(decision.reason).toHaveAccessibleDescription(
    /Some published inputs have no response yet\. Answer them first, or explain publicly why the decision is published without those answers\./,
  );
  await expect(decision.draftBadge).toBeVisible();
  await expectNoSeriousAccessibilityViolations(staff);

  // A reason too short is refused too.
  await decision.reason.fill('Time is short.');
  await decision.publishWithReasonButton.click();
  await expect(decision.reason).toHaveAccessibleDescription(/Explain the reason in at least one sentence \(20 characters or more\)\./);
  await expect(decision.reason).toHaveValue('Time is short.');

  // With a reason: published.
  const reason = `The lighting question needs a study by the energy department first (${uniqueSuffix()}).`;
  await decision.publishWithReason(reason);
  const publicSentence = `1 published input had no response when this decision was published. The reason given: ${reason}`;
  await expect(decision.unansweredNotice).toContainText(publicSentence);

  // The public reads the reason and the count on the decision page and in the report.
  const visitor = await openVisitorPage();
  const publicDecision = new DecisionPage(visitor);
  await publicDecision.goto(decisionPath);
  await expect(publicDecision.heading).toHaveText(decisionTitle);
  await expect(publicDecision.unansweredNotice).toContainText(publicSentence);
  await expect(publicDecision.answeredInput(answered.number)).toContainText('Adopted');
  await expect(publicDecision.answeredInput(unanswered.number)).toHaveCount(0);
  await expect(publicDecision.publishForm).toHaveCount(0);

  const report = new ReportPage(visitor);
  await report.goto(consultationPath);
  await expect(report.decision(decisionTitle)).toContainText(publicSentence);
  await expect(report.coverage).toContainText('1 of 2 published inputs have a response (50%).');
  await expect(report.input(unanswered.title)).toContainText('No response yet');
});

test('a response too short is refused with the typed text kept, and a changed response keeps its earlier wording public', async ({
  page,
  newAccount,
  signIn,
  openPageAs,
  openVisitorPage,
}) => {
  test.slow(); // several people, each in their own browser, and pages built through the UI
  const staff = await openPageAs(DEMO.moderator);
  await signIn(page, newAccount);
  const consultationTitle = `Revised answer ${uniqueSuffix()}`;
  const inputTitle = `A water tap for dogs ${uniqueSuffix()}`;
  const { consultationPath, inputs } = await closedConsultationWithInputs({ staff, residentPage: page }, { consultationTitle, inputTitles: [inputTitle] });
  const number = inputs[0]!.number;

  const responses = new ResponsesPage(staff);
  await responses.goto(consultationPath);
  const form = responses.inputForm(number);

  // No outcome and a one-word explanation: both refused, what was typed stays.
  await form.send({ explanation: 'Noted.' });
  await expect(form.alert).toHaveText('Please correct the marked fields.');
  await expect(form.outcomeError).toHaveText('Choose what became of the input: adopted, partly adopted, not adopted or noted.');
  await expect(form.explanation).toHaveAccessibleDescription(/Explain the outcome in at least one sentence \(20 characters or more\), in plain words\./);
  await expect(form.explanation).toHaveValue('Noted.');

  // An outcome but still too short: the outcome chosen stays chosen too.
  await form.send({ outcome: 'Partly adopted', explanation: 'Yes, partly.' });
  await expect(form.explanation).toHaveAccessibleDescription(/at least one sentence \(20 characters or more\)/);
  await expect(form.explanation).toHaveValue('Yes, partly.');
  await expect(form.outcome('Partly adopted')).toBeChecked();
  await expect(responses.input(number)).toContainText('No response yet');

  // A proper answer, then a new version of it.
  const first = 'A tap will be fitted at the fountain, but the dog bowl below it is left out for hygiene reasons.';
  await form.answer({ outcome: 'Partly adopted', explanation: first });
  await expect(responses.input(number)).toContainText(/Version 1, saved/);
  const second = 'After a second look, the tap and a dog bowl that drains into the fountain basin are both part of the plan.';
  await expect(form.saveVersionButton).toBeVisible();
  await form.send({ outcome: 'Adopted', explanation: second });
  await expect(form.saved).toHaveText(RESPONSE_SAVED);
  const card = responses.input(number);
  await expect(card).toContainText(/Version 2, saved/);
  await expect(card).toContainText('Earlier wording (1 version)');

  // The public report shows the new answer and, beside it, the earlier wording.
  const visitor = await openVisitorPage();
  const report = new ReportPage(visitor);
  await report.goto(consultationPath);
  const reported = report.input(inputTitle);
  await expect(reported).toContainText('Adopted');
  await expect(reported).toContainText(second);
  await expect(reported).toContainText(/Changed on .+\. Earlier wording:/);
  await expect(reported).toContainText(new RegExp(`Version 1, .+: Partly adopted\\. ${first.replace(/[.]/g, '\\.')}`));

  // The consultation page says it was changed; the resident is told of both answers.
  const consultation = new ConsultationPage(visitor);
  await consultation.goto(consultationPath);
  await expect(consultation.input(inputTitle)).toContainText(second);
  await expect(consultation.input(inputTitle)).toContainText(/changed on .+ \(version 2\)/);
  await new NotificationsPage(page).goto();
  await expect(notification(page, `The city answered your input #${number} in “${consultationTitle}”: partly adopted.`)).toBeVisible();
  await expect(notification(page, `The city changed its answer to your input #${number} in “${consultationTitle}”: adopted.`)).toBeVisible();
});

test('inputs grouped into a theme all get the answer given once to the theme', async ({ page, newAccount, signIn, openPageAs, openVisitorPage }) => {
  test.slow(); // several people, each in their own browser, and pages built through the UI
  const staff = await openPageAs(DEMO.moderator);
  await signIn(page, newAccount);
  const consultationTitle = `Themed answers ${uniqueSuffix()}`;
  const { consultationPath, inputs } = await closedConsultationWithInputs(
    { staff, residentPage: page },
    { consultationTitle, inputTitles: [`More trees on the east side ${uniqueSuffix()}`, `Shade for the playground ${uniqueSuffix()}`] },
  );
  const [one, two] = inputs as [GivenInput, GivenInput];

  const responses = new ResponsesPage(staff);
  await responses.goto(consultationPath);
  const themeTitle = `More shade ${uniqueSuffix()}`;
  await responses.createTheme(themeTitle, [one.number, two.number]);
  await expect(responses.theme(themeTitle)).toContainText('2 inputs in this theme:');
  // Inputs in a theme are answered with it, not one by one.
  await expect(responses.input(one.number).getByRole('form')).toHaveCount(0);
  await expect(responses.input(one.number)).toContainText(`This input is part of the theme “${themeTitle}”.`);

  const explanation = 'Twelve plane trees will be planted on the east side, and shade sails put up over the playground.';
  await responses.themeForm(themeTitle).answer({ outcome: 'Adopted', explanation });
  await expect(responses.theme(themeTitle)).toContainText('Adopted');
  for (const input of [one, two]) {
    const card = responses.input(input.number);
    await expect(card).toContainText(explanation);
    await expect(card.getByRole('link', { name: `Answered together with the theme “${themeTitle}”.` })).toBeVisible();
  }
  await expect(responses.coverage('2 of 2 published inputs have a response (100%).')).toBeVisible();

  // The public consultation page shows the answer under both inputs.
  const visitor = await openVisitorPage();
  const consultation = new ConsultationPage(visitor);
  await consultation.goto(consultationPath);
  for (const input of [one, two]) {
    await expect(consultation.input(input.title)).toContainText(explanation);
    await expect(consultation.input(input.title)).toContainText(`Answered together with the theme “${themeTitle}”.`);
  }
  // The report lists the theme once, with both inputs.
  const report = new ReportPage(visitor);
  await report.goto(consultationPath);
  const theme = report.theme(themeTitle);
  await expect(theme).toContainText(explanation);
  await expect(theme).toContainText('2 inputs in this theme');
  await expect(theme).toContainText(one.title);
  await expect(theme).toContainText(two.title);

  // The resident reads it for each of their inputs.
  const participation = new MyParticipationPage(page);
  await participation.goto();
  for (const input of [one, two]) {
    await expect(participation.input(consultationTitle, input.title)).toContainText(explanation);
    await expect(participation.input(consultationTitle, input.title)).toContainText(`Answered together with the theme “${themeTitle}”.`);
  }
});

test('without JavaScript, a response is recorded as a plain form post', async ({ page, browser, newAccount, signIn, openPageAs }) => {
  test.slow(); // several people, each in their own browser, and pages built through the UI
  const staff = await openPageAs(DEMO.moderator);
  await signIn(page, newAccount);
  const consultationTitle = `No script ${uniqueSuffix()}`;
  const inputTitle = `A bike rack by the library ${uniqueSuffix()}`;
  const { consultationPath, inputs } = await closedConsultationWithInputs({ staff, residentPage: page }, { consultationTitle, inputTitles: [inputTitle] });
  const number = inputs[0]!.number;

  const noScript = await openPageWithoutJavaScriptAs(browser, DEMO.moderator, signIn);
  try {
    const responses = new ResponsesPage(noScript.page);
    await responses.goto(consultationPath);
    const form = responses.inputForm(number);

    // A refusal comes back on a new page, with the text kept.
    await form.send({ outcome: 'Not adopted', explanation: 'No room.' }, { hydrated: false });
    await expect(form.explanation).toHaveAccessibleDescription(/at least one sentence \(20 characters or more\)/);
    await expect(form.explanation).toHaveValue('No room.');

    const explanation = 'The pavement by the library is too narrow; a rack for twenty bikes goes in front of the town hall instead.';
    await form.send({ outcome: 'Not adopted', explanation }, { hydrated: false });
    await expect(form.saved).toHaveText(RESPONSE_SAVED);
    await expect(responses.input(number)).toContainText('Not adopted');
    await expect(responses.input(number)).toContainText(explanation);
    await expect(responses.coverage('1 of 1 published inputs have a response (100%).')).toBeVisible();
  } finally {
    await noScript.close();
  }

  // The resident sees it.
  const participation = new MyParticipationPage(page);
  await participation.goto();
  await expect(participation.input(consultationTitle, inputTitle)).toContainText('Not adopted');
});

test('the report downloads: a CSV row per published input without names of people, and JSON with the coverage', async ({ page }) => {
  const consultationPath = await ConsultationPage.demoConsultationPath(page, DEMO_DECIDED.title);
  const report = new ReportPage(page);
  await report.goto(consultationPath);

  // The CSV, downloaded as a person would, from the report's link.
  const [download] = await Promise.all([page.waitForEvent('download'), report.csvLink.click()]);
  expect(download.suggestedFilename()).toMatch(/^you-said-we-did-[0-9a-f-]{36}-\d{4}-\d{2}-\d{2}\.csv$/);
  const csvResponse = await page.request.get(`${consultationPath}/report.csv`);
  expect(csvResponse.ok()).toBe(true);
  expect(csvResponse.headers()['content-type']).toBe('text/csv; charset=utf-8');
  expect(csvResponse.headers()['content-disposition']).toMatch(/^attachment;/);
  const csv = await csvResponse.text();
  const [header, ...rows] = parseCsv(csv.replace(/^\uFEFF/, '')).filter((row) => row.some((field) => field !== ''));
  expect(header).toEqual([
    'input_number',
    'input_kind',
    'input_title',
    'participant_kind',
    'stakeholder_category',
    'organization',
    'theme',
    'outcome',
    'explanation',
    'answered_at',
    'revision',
    'decisions',
  ]);
  expect(rows).toHaveLength(DEMO_DECIDED.inputCount);
  for (const row of rows) expect(row).toHaveLength(header!.length);
  const titles = rows.map((row) => row[2]);
  expect(titles).toContain('A protected cycle lane on Calle Real');
  expect(titles).toContain('The crossings on Avenida del Río are too long');
  const lane = rows.find((row) => row[2] === 'A protected cycle lane on Calle Real')!;
  expect(lane[7]).toBe('partly_adopted');
  expect(lane[11]).toBe(DEMO_DECIDED.decision);
  // Organizations are named; people are not, however they took part.
  expect(csv).toContain('Green Streets Alliance');
  for (const name of [DEMO.resident.name, DEMO.ngo.name, DEMO.moderator.name, 'J. Ortega', 'A shop owner on Calle Real']) expect(csv).not.toContain(name);

  // The JSON parses and has the coverage, matching the page.
  const jsonResponse = await page.request.get(`${consultationPath}/report.json`);
  expect(jsonResponse.ok()).toBe(true);
  expect(jsonResponse.headers()['content-type']).toBe('application/json; charset=utf-8');
  const json = (await jsonResponse.json()) as {
    coverage: { published: number; answered: number; unanswered: number; share: number };
    inputs: unknown[];
    decisions: Array<{ title: string }>;
  };
  expect(json.coverage).toMatchObject({ published: DEMO_DECIDED.inputCount, answered: DEMO_DECIDED.inputCount, unanswered: 0, share: 1 });
  expect(json.inputs).toHaveLength(DEMO_DECIDED.inputCount);
  expect(json.decisions.map((decision) => decision.title)).toEqual([DEMO_DECIDED.decision]);
  await expect(report.coverage).toContainText(`${DEMO_DECIDED.inputCount} of ${DEMO_DECIDED.inputCount} published inputs have a response (100%).`);
  for (const name of [DEMO.resident.name, DEMO.ngo.name]) expect(JSON.stringify(json)).not.toContain(name);
});

test.describe('accessibility of the decision pages', () => {
  test('the public report has no serious accessibility violations', async ({ page }) => {
    const report = new ReportPage(page);
    await report.goto(await ConsultationPage.demoConsultationPath(page, DEMO_DECIDED.title));
    await expect(report.decision(DEMO_DECIDED.decision)).toBeVisible();
    await expect(report.theme(DEMO_DECIDED.theme)).toBeVisible();
    await expect(report.input('A protected cycle lane on Calle Real')).toContainText('Partly adopted');
    await expectNoSeriousAccessibilityViolations(page);
  });

  test('My participation has no serious accessibility violations', async ({ page, signIn }) => {
    await signIn(page, DEMO.resident);
    const participation = new MyParticipationPage(page);
    await participation.goto();
    await expect(participation.input(DEMO_DECIDED.title, 'A protected cycle lane on Calle Real')).toContainText('Partly adopted');
    await expect(participation.input(DEMO_DECIDED.title, 'Will bus tickets to the square get cheaper?')).toContainText('Noted');
    await expectNoSeriousAccessibilityViolations(page);
  });

  test('the responses page has no serious accessibility violations', async ({ page, signIn }) => {
    await signIn(page, DEMO.moderator);
    const consultationPath = await ConsultationPage.demoConsultationPath(page, DEMO_DECIDED.title);
    const responses = new ResponsesPage(page);
    await responses.goto(consultationPath);
    await expect(responses.theme(DEMO_DECIDED.theme)).toContainText('Adopted');
    await expect(responses.inputList.getByRole('listitem').filter({ hasText: 'A protected cycle lane on Calle Real' }).first()).toContainText('Partly adopted');
    await expectHydrated(responses.themeForm(DEMO_DECIDED.theme).saveVersionButton);
    await expectNoSeriousAccessibilityViolations(page);
  });

  test('the decisions list and a published decision have no serious accessibility violations', async ({ page, signIn }) => {
    await signIn(page, DEMO.moderator);
    const consultationPath = await ConsultationPage.demoConsultationPath(page, DEMO_DECIDED.title);
    const list = new DecisionsListPage(page);
    await list.goto(consultationPath);
    await expect(list.decision(DEMO_DECIDED.decision)).toContainText('City Council, Committee on Urban Mobility');
    await expect(list.newDecisionForm).toBeVisible();
    await expectNoSeriousAccessibilityViolations(page);

    await list.decision(DEMO_DECIDED.decision).getByRole('link', { name: DEMO_DECIDED.decision }).click();
    const decision = new DecisionPage(page);
    await expect(decision.heading).toHaveText(DEMO_DECIDED.decision);
    await expect(decision.answers.getByRole('listitem')).toHaveCount(DEMO_DECIDED.inputCount - 1);
    await expectNoSeriousAccessibilityViolations(page);
  });
});
