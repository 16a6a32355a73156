import { expect, type Locator, type Page } from '@playwright/test';
import { expectHydrated } from '../support/hydration';

/** /grievances/cases: the officer's queue, what is due first. */
export class CaseQueuePage {
  readonly main: Locator;
  readonly heading: Locator;
  readonly cases: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main');
    this.heading = this.main.getByRole('heading', { level: 1, name: 'Grievance cases' });
    this.cases = this.main.getByRole('table', { name: 'Grievance cases, what is due first' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/grievances/cases');
    await expect(this.heading).toBeVisible();
  }

  row(reference: string): Locator {
    return this.cases.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: reference, exact: true }) });
  }

  /** Opens a case from the queue by its reference, as an officer would. */
  async openCase(reference: string): Promise<OfficerCasePage> {
    await this.row(reference).getByRole('link', { name: reference, exact: true }).click();
    const casePage = new OfficerCasePage(this.page);
    await expect(casePage.heading).toHaveText(`Grievance ${reference}`);
    return casePage;
  }
}

export type OfficerStepForm =
  | 'Acknowledge receipt'
  | 'Assign to an officer'
  | 'Reject as out of scope'
  | 'Propose a resolution'
  | 'Close the resolution with reasons'
  | 'Decide the appeal'
  | 'Close the case'
  | 'Write to the complainant';

/** The text field and button of each step form. */
const STEP_FIELDS: Record<Exclude<OfficerStepForm, 'Assign to an officer'>, { label: string; button: string }> = {
  'Acknowledge receipt': { label: 'Message to the complainant', button: 'Acknowledge' },
  'Reject as out of scope': { label: 'Reasons', button: 'Reject' },
  'Propose a resolution': { label: 'Proposed resolution', button: 'Propose' },
  'Close the resolution with reasons': { label: 'Reasons', button: 'Close with reasons' },
  'Decide the appeal': { label: 'Decision and reasons', button: 'Decide' },
  'Close the case': { label: 'Reasons for closing', button: 'Close the case' },
  'Write to the complainant': { label: 'Message', button: 'Send' },
};

/** /grievances/cases/<id>: one case, as a grievance officer or an administrator sees it. */
export class OfficerCasePage {
  readonly main: Locator;
  readonly heading: Locator;
  /** The heading, "Received · City-wide grievances" (status and channel) and the running deadline. */
  readonly header: Locator;
  readonly complainant: Locator;
  readonly stepsSection: Locator;
  /** The steps this stage allows that the reader may not take, each with why. */
  readonly refusedSteps: Locator;
  readonly history: Locator;
  /** "Done: … The case history below shows it." */
  readonly done: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main');
    this.heading = this.main.getByRole('heading', { level: 1, name: /^Grievance GR-/ });
    this.header = this.main.locator('header', { has: page.getByRole('heading', { level: 1 }) });
    this.complainant = this.main.getByRole('region', { name: 'Complainant' });
    this.stepsSection = this.main.getByRole('region', { name: 'Next steps' });
    this.refusedSteps = this.stepsSection.getByRole('list', { name: 'Steps not possible now' });
    this.history = this.main.getByRole('region', { name: 'History' });
    this.done = this.main.getByRole('status');
  }

  /** Waits until the header shows the case at `status`, in `channel`. */
  async expectStatus(status: string, channel: string): Promise<void> {
    await expect(this.header.getByText(`${status} · ${channel}`, { exact: true })).toBeVisible();
  }

  stepForm(name: OfficerStepForm): Locator {
    return this.stepsSection.getByRole('form', { name, exact: true });
  }

  /** Fills in a step form and presses its button; the caller checks what happened. */
  async pressStep(name: Exclude<OfficerStepForm, 'Assign to an officer'>, message: string): Promise<void> {
    const form = this.stepForm(name);
    const { label, button } = STEP_FIELDS[name];
    const submit = form.getByRole('button', { name: button, exact: true });
    await expectHydrated(submit);
    await form.getByLabel(label, { exact: true }).fill(message);
    await submit.click();
  }

  /** Takes a step and waits until the page confirms it, e.g. "Done: Receipt acknowledged." */
  async takeStep(name: Exclude<OfficerStepForm, 'Assign to an officer'>, message: string, { confirmation }: { confirmation: string }): Promise<void> {
    await this.pressStep(name, message);
    await expect(this.done).toHaveText(`Done: ${confirmation}. The case history below shows it.`);
  }

  async assignTo(officerName: string): Promise<void> {
    const form = this.stepForm('Assign to an officer');
    const submit = form.getByRole('button', { name: 'Assign', exact: true });
    await expectHydrated(submit);
    await form.getByLabel('Officer').selectOption({ label: officerName });
    await submit.click();
    await expect(this.done).toHaveText('Done: Assigned to an officer for review. The case history below shows it.');
  }
}

/** /grievances/cases/record: an officer types in a grievance received on paper, by telephone, in person or by e-mail. */
export class RecordGrievancePage {
  readonly main: Locator;
  readonly heading: Locator;
  readonly form: Locator;
  readonly channel: Locator;
  readonly receivedVia: Locator;
  readonly receivedAt: Locator;
  readonly category: Locator;
  readonly description: Locator;
  readonly contactName: Locator;
  readonly submitButton: Locator;
  readonly formAlert: Locator;
  /** Shown instead of the form once recorded: the codes to hand to the complainant. */
  readonly recorded: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main');
    this.heading = this.main.getByRole('heading', { level: 1, name: 'Record a grievance received offline' });
    this.form = this.main.getByRole('form', { name: 'Record a grievance received offline' });
    this.channel = this.form.getByLabel('Channel');
    this.receivedVia = this.form.getByLabel('Received', { exact: true });
    this.receivedAt = this.form.getByLabel('Date and time received');
    this.category = this.form.getByLabel('What it is about');
    this.description = this.form.getByLabel('What happened');
    this.contactName = this.form.getByLabel('Name', { exact: true });
    this.submitButton = this.form.getByRole('button', { name: 'Record the grievance' });
    this.formAlert = this.form.getByRole('alert');
    this.recorded = this.main.getByRole('status', { name: 'Grievance recorded' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/grievances/cases/record');
    await expect(this.heading).toBeVisible();
    await expectHydrated(this.submitButton);
  }

  /** The codes, once the grievance is recorded. */
  async codes(): Promise<{ reference: string; accessKey: string }> {
    await expect(this.recorded).toBeVisible();
    const reference = (await this.recorded.getByTestId('recorded-reference').textContent())!.trim();
    const accessKey = (await this.recorded.getByTestId('recorded-access-key').textContent())!.trim();
    expect(reference).toMatch(/^GR-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    return { reference, accessKey };
  }
}
