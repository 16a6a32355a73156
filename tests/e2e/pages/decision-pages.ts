// Page objects for "you said, we did": the staff pages where inputs are answered and
// decisions prepared and published, and the public pages where everyone reads the outcome
// (the report, the decision, "My participation").
import { expect, type Locator, type Page } from '@playwright/test';
import { expectHydrated } from '../support/hydration';

export type OutcomeName = 'Adopted' | 'Partly adopted' | 'Not adopted' | 'Noted';

/** The demo consultation of db/seed-decisions.ts: closed, every input answered, its decision published. */
export const DEMO_DECIDED = {
  title: 'Getting to Plaza Mayor on foot and by bike',
  decision: 'Walking and cycling plan for the streets around Plaza Mayor',
  theme: 'Safer crossings for children and older people',
  /** Published inputs: a resident's two, the NGO's, and three recorded by staff. */
  inputCount: 6,
} as const;

export interface AnswerDetails {
  /** Left unchosen when not given (to see the refusal). */
  outcome?: OutcomeName;
  explanation: string;
  /** Titles of the decisions to tick. */
  decisions?: string[];
}

export interface DecisionDetails {
  title: string;
  summary?: string;
  body?: string;
  decidingBody?: string;
  /** YYYY-MM-DD; today when left out. */
  decidedOn?: string;
}

/** The text of "The response was saved …", shown after an answer is stored. */
export const RESPONSE_SAVED = 'The response was saved and is now public. People who gave this input are notified.';

/** One response form (to an input or to a theme): outcome, explanation, linked decisions. */
export class ResponseForm {
  readonly explanation: Locator;
  readonly recordButton: Locator;
  readonly saveVersionButton: Locator;
  /** "Please correct the marked fields." and other refusals of the whole form. */
  readonly alert: Locator;
  readonly saved: Locator;

  constructor(readonly form: Locator) {
    this.explanation = form.getByLabel('Explanation', { exact: true });
    this.recordButton = form.getByRole('button', { name: 'Record response' });
    this.saveVersionButton = form.getByRole('button', { name: 'Save a new version' });
    this.alert = form.getByRole('alert');
    this.saved = form.getByRole('status');
  }

  outcome(name: OutcomeName): Locator {
    return this.form.getByRole('radio', { name, exact: true });
  }

  /** A decision's checkbox, named "<title> (draft)" or "<title> (published)". */
  decision(title: string): Locator {
    return this.form.getByRole('checkbox', { name: new RegExp(`^${escapeRegExp(title)} \\((draft|published)\\)$`) });
  }

  /** The problem told under the fieldset of outcomes. */
  get outcomeError(): Locator {
    return this.form.locator('[id$="outcome-error"]');
  }

  async fill({ outcome, explanation, decisions = [] }: AnswerDetails): Promise<void> {
    if (outcome !== undefined) await this.outcome(outcome).check();
    await this.explanation.fill(explanation);
    for (const title of decisions) await this.decision(title).check();
  }

  /** Fills in and sends the form (whichever of its two buttons it shows); the caller checks the outcome. */
  async send(details: AnswerDetails, { hydrated = true }: { hydrated?: boolean } = {}): Promise<void> {
    const button = this.form.getByRole('button', { name: /^(Record response|Save a new version)$/ });
    if (hydrated) await expectHydrated(button);
    await this.fill(details);
    await button.click();
  }

  /** Sends an answer and waits until the page says it was saved. */
  async answer(details: AnswerDetails): Promise<void> {
    await this.send(details);
    await expect(this.saved).toHaveText(RESPONSE_SAVED);
  }
}

/** /consultations/<id>/responses: staff answer each published input, or a theme of inputs, once input has ended. */
export class ResponsesPage {
  readonly main: Locator;
  readonly heading: Locator;
  readonly themesSection: Locator;
  readonly inputsSection: Locator;
  readonly inputList: Locator;
  readonly newThemeForm: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main');
    this.heading = this.main.getByRole('heading', { level: 1, name: /^Responses: / });
    this.themesSection = this.main.getByRole('region', { name: 'Themes', exact: true });
    this.inputsSection = this.main.getByRole('region', { name: /^Published inputs \(\d+\)$/ });
    this.inputList = this.main.getByRole('list', { name: 'Published inputs and their responses' });
    this.newThemeForm = this.main.getByRole('form', { name: 'Group inputs into a new theme' });
  }

  async goto(consultationPath: string): Promise<void> {
    await this.page.goto(`${consultationPath}/responses`);
    await expect(this.heading).toBeVisible();
  }

  /** "n of m published inputs have a response (p%)." */
  coverage(text: string): Locator {
    return this.main.getByText(text, { exact: true });
  }

  /** A published input's card, by its number. */
  input(number: number): Locator {
    return this.inputList.getByRole('listitem').filter({ has: this.page.getByRole('heading', { level: 3, name: new RegExp(`^Input #${number}: `) }) });
  }

  inputForm(number: number): ResponseForm {
    return new ResponseForm(this.input(number).getByRole('form', { name: `Response to input #${number}` }));
  }

  theme(title: string): Locator {
    return this.themesSection.getByRole('listitem').filter({ has: this.page.getByRole('heading', { level: 3, name: `Theme: ${title}`, exact: true }) });
  }

  themeForm(title: string): ResponseForm {
    return new ResponseForm(this.theme(title).getByRole('form', { name: `Response to the theme “${title}”` }));
  }

  /** Groups inputs (by number) into a new theme; returns once the page says it was created. */
  async createTheme(title: string, inputNumbers: number[]): Promise<void> {
    const button = this.newThemeForm.getByRole('button', { name: 'Create theme' });
    await expectHydrated(button);
    await this.newThemeForm.getByLabel('Title of the theme').fill(title);
    for (const number of inputNumbers) await this.newThemeForm.getByRole('checkbox', { name: new RegExp(`^Input #${number}: `) }).check();
    await button.click();
    await expect(this.themesSection.getByRole('status')).toHaveText('The theme was created. Go to the theme to answer it.');
    await expect(this.theme(title)).toBeVisible();
  }
}

/** /consultations/<id>/decisions: the published decisions, and for staff the drafts and the form for a new one. */
export class DecisionsListPage {
  readonly main: Locator;
  readonly heading: Locator;
  readonly list: Locator;
  readonly newDecisionForm: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main');
    this.heading = this.main.getByRole('heading', { level: 1, name: /^Decisions: / });
    this.list = this.main.getByRole('region', { name: /^(Decisions|\d+ decisions?)$/ }).getByRole('list');
    this.newDecisionForm = this.main.getByRole('form', { name: 'New decision' });
  }

  async goto(consultationPath: string): Promise<void> {
    await this.page.goto(`${consultationPath}/decisions`);
    await expect(this.heading).toBeVisible();
  }

  decision(title: string): Locator {
    return this.list.getByRole('listitem').filter({ has: this.page.getByRole('heading', { level: 3, name: title }) });
  }

  /** Saves a draft decision; returns its address once its own page shows it. */
  async createDraft(details: DecisionDetails): Promise<string> {
    const form = this.newDecisionForm;
    const button = form.getByRole('button', { name: 'Save draft decision' });
    await expectHydrated(button);
    await form.getByLabel('Title', { exact: true }).fill(details.title);
    await form.getByLabel('Summary', { exact: true }).fill(details.summary ?? 'The city takes up what people asked for, as the answers below explain.');
    await form.getByLabel('Full text', { exact: true }).fill(details.body ?? 'The city council approves the measures set out in the answers to the inputs of this consultation.');
    await form.getByLabel('Decided by', { exact: true }).fill(details.decidingBody ?? 'City Council');
    await form.getByLabel('Decided on', { exact: true }).fill(details.decidedOn ?? new Date().toISOString().slice(0, 10));
    await button.click();
    const decision = new DecisionPage(this.page);
    await expect(this.page).toHaveURL(/\/decisions\/[0-9a-f-]{36}\?created=1$/);
    await expect(decision.heading).toHaveText(details.title);
    await expect(decision.main.getByRole('status')).toHaveText('The draft was saved. Attach its documents if it has any, then publish it below.');
    return new URL(this.page.url()).pathname;
  }
}

/** /consultations/<id>/decisions/<decisionId>: one decision; for staff, a draft's forms and publishing. */
export class DecisionPage {
  readonly main: Locator;
  readonly heading: Locator;
  readonly draftBadge: Locator;
  /** "Not every input had a response": the count and the public reason. */
  readonly unansweredNotice: Locator;
  readonly answers: Locator;
  readonly publishForm: Locator;
  readonly reason: Locator;
  readonly publishButton: Locator;
  readonly publishWithReasonButton: Locator;
  readonly published: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main');
    this.heading = this.main.getByRole('heading', { level: 1 });
    this.draftBadge = this.main.getByText('Only staff can see this decision until it is published.');
    this.unansweredNotice = this.main.getByRole('region', { name: 'Not every input had a response' });
    this.answers = this.main.getByRole('region', { name: 'Inputs this decision answers' });
    this.publishForm = this.main.getByRole('form', { name: 'Publish the decision' });
    this.reason = this.publishForm.getByLabel('Why publish before every input has a response?');
    this.publishButton = this.publishForm.getByRole('button', { name: 'Publish decision', exact: true });
    this.publishWithReasonButton = this.publishForm.getByRole('button', { name: 'Publish with this reason', exact: true });
    this.published = this.main.getByRole('status').filter({ hasText: 'The decision is published.' });
  }

  async goto(decisionPath: string): Promise<void> {
    await this.page.goto(decisionPath);
    await expect(this.heading).toBeVisible();
  }

  /** An input listed under "Inputs this decision answers". */
  answeredInput(number: number): Locator {
    return this.answers.getByRole('listitem').filter({ has: this.page.getByRole('heading', { level: 3, name: new RegExp(`^Input #${number}: `) }) });
  }

  /** Publishes with every input answered: no reason asked. */
  async publish(): Promise<void> {
    await expectHydrated(this.publishButton);
    await expect(this.reason).toHaveCount(0);
    await this.publishButton.click();
    await expect(this.published).toBeVisible();
    await expect(this.publishForm).toHaveCount(0);
  }

  /** Publishes with inputs unanswered, giving the public reason. */
  async publishWithReason(reason: string): Promise<void> {
    await expectHydrated(this.publishWithReasonButton);
    await this.reason.fill(reason);
    await this.publishWithReasonButton.click();
    await expect(this.published).toBeVisible();
    await expect(this.publishForm).toHaveCount(0);
  }
}

/** /consultations/<id>/report: "You said, we did", public. */
export class ReportPage {
  readonly main: Locator;
  readonly heading: Locator;
  readonly decisions: Locator;
  readonly coverage: Locator;
  readonly themes: Locator;
  /** "Inputs and their responses", or "Other inputs …" when there are themes. */
  readonly inputs: Locator;
  readonly csvLink: Locator;
  readonly jsonLink: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main');
    this.heading = this.main.getByRole('heading', { level: 1, name: /^You said, we did: / });
    this.decisions = this.main.getByRole('region', { name: 'Decisions', exact: true });
    this.coverage = this.main.getByRole('region', { name: 'How many inputs have a response' });
    this.themes = this.main.getByRole('region', { name: 'Themes', exact: true });
    this.inputs = this.main.getByRole('region', { name: /^(Other inputs|Inputs) and their responses$/ });
    this.csvLink = this.main.getByRole('link', { name: 'Download as CSV (one row per input)' });
    this.jsonLink = this.main.getByRole('link', { name: 'Download as JSON (figures, decisions, themes and inputs)' });
  }

  async goto(consultationPath: string): Promise<void> {
    await this.page.goto(`${consultationPath}/report`);
    await expect(this.heading).toBeVisible();
  }

  decision(title: string): Locator {
    return this.decisions.getByRole('listitem').filter({ has: this.page.getByRole('heading', { level: 3, name: title, exact: true }) });
  }

  /** An input answered on its own, by its title. */
  input(title: string): Locator {
    return this.inputs.getByRole('listitem').filter({ has: this.page.getByRole('heading', { level: 3, name: title, exact: true }) });
  }

  theme(title: string): Locator {
    return this.themes.getByRole('listitem').filter({ has: this.page.getByRole('heading', { level: 3, name: title, exact: true }) });
  }
}

/** /participation: "My participation", the signed-in person's inputs and what became of them. */
export class MyParticipationPage {
  readonly main: Locator;
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main');
    this.heading = this.main.getByRole('heading', { level: 1, name: 'My participation' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/participation');
    await expect(this.heading).toBeVisible();
  }

  /** The section about one consultation, named by its title. */
  consultation(title: string): Locator {
    return this.main.getByRole('region', { name: title, exact: true });
  }

  /** One of the person's inputs in a consultation, by its title. */
  input(consultationTitle: string, title: string): Locator {
    return this.consultation(consultationTitle)
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('heading', { level: 3, name: title, exact: true }) });
  }
}

/** The consultation's status as its header shows it ("Open for input", "Closed", "Decided"…). */
export function consultationStatus(page: Page): Locator {
  return page.getByRole('main').getByRole('term').filter({ hasText: /^Status$/ }).locator('xpath=following-sibling::dd[1]');
}

/** A notification on /notifications, by its exact sentence. */
export function notification(page: Page, sentence: string): Locator {
  return page.getByRole('main').getByRole('listitem').filter({ has: page.getByText(sentence, { exact: true }) });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
