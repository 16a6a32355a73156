import { expect, type Locator, type Page } from '@playwright/test';
import { expectHydrated } from '../support/hydration';

export type InputKindName = 'Proposal' | 'Comment' | 'Objection' | 'Question';

export interface InputDetails {
  title: string;
  body: string;
  kind?: InputKindName;
  /** "Give it as": an organization's name; the person's own name when left out. */
  onBehalfOf?: string;
}

/** The demo consultations seeded by db/seed.ts, found by their titles on the initiative page. */
export const DEMO_CONSULTATIONS = {
  initiativeSlug: 'plaza-mayor-redesign',
  /** Open for input, post-moderated, with published inputs. */
  open: 'What should the new Plaza Mayor offer?',
  /** In its information period (opens in six days), pre-moderated. */
  information: 'Trees and shade: which species for the square?',
} as const;

/**
 * /consultations/<id>: questions, documents, the input form (or a note saying why
 * there is none) and the list of inputs with their supports, reports and replies.
 */
export class ConsultationPage {
  readonly main: Locator;
  readonly heading: Locator;
  readonly inputForm: Locator;
  readonly kind: Locator;
  readonly inputTitle: Locator;
  readonly body: Locator;
  readonly onBehalfOf: Locator;
  readonly submitButton: Locator;
  /** The form-wide problem, inside the input form. */
  readonly formAlert: Locator;
  /** "Thank you. Your input #N …", shown after a submission. */
  readonly confirmation: Locator;
  /** Shown instead of the form: sign in first, not open yet, or closed. */
  readonly notOpenNote: Locator;
  readonly inputsHeading: Locator;
  readonly inputList: Locator;
  readonly moderationLogLink: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main');
    this.heading = this.main.getByRole('heading', { level: 1 });
    this.inputForm = this.main.getByRole('form', { name: 'Give your input' });
    this.kind = this.inputForm.getByLabel('Kind of input');
    this.inputTitle = this.inputForm.getByLabel('Title', { exact: true });
    this.body = this.inputForm.getByLabel('Your input', { exact: true });
    this.onBehalfOf = this.inputForm.getByLabel('Give it as');
    this.submitButton = this.inputForm.getByRole('button', { name: 'Send input' });
    this.formAlert = this.inputForm.getByRole('alert');
    this.confirmation = this.main.getByRole('status').filter({ hasText: /^Thank you\. Your input #\d+/ });
    this.notOpenNote = this.main.getByRole('note');
    this.inputsHeading = this.main.getByRole('heading', { level: 2, name: /^Input and dialogue/ });
    this.inputList = this.main.getByRole('list', { name: 'Inputs, newest first' });
    this.moderationLogLink = this.main.getByRole('link', { name: 'Public moderation log' });
  }

  /** The address of a demo consultation, read from its initiative's page. */
  static async demoConsultationPath(page: Page, title: string): Promise<string> {
    await page.goto(`/initiatives/${DEMO_CONSULTATIONS.initiativeSlug}`);
    const href = await page.getByRole('main').getByRole('link', { name: title, exact: true }).getAttribute('href');
    expect(href, `link to the consultation "${title}"`).toMatch(/^\/consultations\/[0-9a-f-]{36}$/);
    return href!;
  }

  async goto(path: string): Promise<void> {
    await this.page.goto(path);
    await expect(this.heading).toBeVisible();
  }

  /**
   * A date as the header lists it (terms: Status, Information from, Opens, Closes),
   * in the words the page uses elsewhere.
   */
  async plannedDate(term: 'Information from' | 'Opens' | 'Closes'): Promise<string> {
    const position = { 'Information from': 1, Opens: 2, Closes: 3 }[term];
    await expect(this.main.getByRole('term').nth(position)).toHaveText(term);
    return (await this.main.getByRole('definition').nth(position).textContent()) ?? '';
  }

  /** Waits until the input form works with JavaScript (skip for a browser without it). */
  async expectFormReady(): Promise<void> {
    await expect(this.inputForm).toBeVisible();
    await expectHydrated(this.submitButton);
  }

  async fillInput({ title, body, kind = 'Proposal', onBehalfOf }: InputDetails): Promise<void> {
    await this.kind.selectOption({ label: kind });
    await this.inputTitle.fill(title);
    await this.body.fill(body);
    if (onBehalfOf !== undefined) await this.onBehalfOf.selectOption({ label: onBehalfOf });
  }

  /** Fills in and sends the form; returns once the server has answered the post. */
  async submitInput(details: InputDetails): Promise<void> {
    await this.fillInput(details);
    const answered = this.page.waitForResponse(
      (response) => response.request().method() === 'POST' && new URL(response.url()).pathname === new URL(this.page.url()).pathname,
    );
    await this.submitButton.click();
    await answered;
  }

  /** The number in "Your input #N …" after a submission. */
  async confirmedNumber(): Promise<number> {
    await expect(this.confirmation).toBeVisible();
    const text = await this.confirmation.textContent();
    return Number(/#(\d+)/.exec(text ?? '')?.[1]);
  }

  /** An input of the list, by its title. */
  input(title: string): Locator {
    return this.inputList.getByRole('listitem').filter({ has: this.page.getByRole('heading', { level: 3, name: title, exact: true }) });
  }

  /** The error shown under one field of the input form (it is also the field's description). */
  fieldError(field: 'kind' | 'title' | 'body' | 'organizationId'): Locator {
    return this.inputForm.locator(`[id="${field}-error"]`);
  }

  /** Opens "Report input #N" under an input and sends a report. */
  async report(title: string, { reason, note }: { reason: string; note?: string }): Promise<void> {
    const item = this.input(title);
    await item.getByText(/^Report input #\d+ to the moderators$/).click();
    const reasonField = item.getByLabel('Reason', { exact: true });
    await expectHydrated(reasonField);
    await reasonField.selectOption({ label: reason });
    if (note !== undefined) await item.getByLabel('What is wrong (optional)').fill(note);
    await item.getByRole('button', { name: 'Send report' }).click();
    await expect(item.getByRole('status')).toHaveText('Thank you. The moderators will look at it.');
  }
}

/** /consultations/<id>/moderation-log: the public record of moderation decisions. */
export class ModerationLogPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly empty: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { level: 2, name: 'Public moderation log' });
    this.table = main.getByRole('table', { name: 'Moderation decisions, newest first' });
    this.empty = main.getByText('No moderation decision has been taken.');
  }

  async goto(consultationPath: string): Promise<void> {
    await this.page.goto(`${consultationPath}/moderation-log`);
    await expect(this.heading).toBeVisible();
  }

  /** The rows about one input ("Input #N"); cells: when, what, input, why, by. */
  rowsFor(number: number): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('cell', { name: `Input #${number}`, exact: true }) });
  }
}
