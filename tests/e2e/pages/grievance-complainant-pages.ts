import { expect, type Locator, type Page } from '@playwright/test';
import { expectHydrated } from '../support/hydration';

/**
 * /grievances/follow: reference and access key → the case. The same panel is what a
 * browser without access sees at /grievances/follow/<reference>.
 */
export class FollowGrievancePage {
  readonly main: Locator;
  readonly heading: Locator;
  readonly form: Locator;
  readonly reference: Locator;
  readonly accessKey: Locator;
  readonly submitButton: Locator;
  readonly formAlert: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main');
    this.heading = this.main.getByRole('heading', { level: 1, name: 'Follow a grievance' });
    this.form = this.main.getByRole('form', { name: 'Follow a grievance' });
    this.reference = this.form.getByLabel('Reference');
    this.accessKey = this.form.getByLabel('Access key');
    this.submitButton = this.form.getByRole('button', { name: 'Open the case' });
    this.formAlert = this.form.getByRole('alert');
  }

  /** Opens the form; with JavaScript, waits until it is hydrated. */
  async goto({ hasJavaScript = true }: { hasJavaScript?: boolean } = {}): Promise<void> {
    await this.page.goto('/grievances/follow');
    await expect(this.heading).toBeVisible();
    if (hasJavaScript) await expectHydrated(this.submitButton);
  }

  /** Types the codes and presses the button; the caller checks what happened. */
  async open({ reference, accessKey }: { reference: string; accessKey: string }): Promise<void> {
    await this.reference.fill(reference);
    await this.accessKey.fill(accessKey);
    await this.submitButton.click();
  }
}

export type ComplainantStatus = 'Received' | 'Acknowledged' | 'In review' | 'Resolution proposed' | 'Resolved' | 'Rejected as out of scope' | 'Appealed' | 'Appeal decided' | 'Closed';

/** /grievances/follow/<reference>: the case as its complainant sees it, with their steps. */
export class ComplainantCasePage {
  readonly main: Locator;
  readonly heading: Locator;
  readonly status: Locator;
  readonly history: Locator;
  readonly actions: Locator;
  /** "Your appeal was lodged…" and the like, after a step. */
  readonly done: Locator;
  readonly acceptForm: Locator;
  readonly acceptNote: Locator;
  readonly appealForm: Locator;
  readonly messageForm: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main');
    this.heading = this.main.getByRole('heading', { level: 1, name: /^Grievance GR-/ });
    this.status = this.main.getByTestId('grievance-status');
    this.history = this.main.getByRole('region', { name: 'History' });
    this.actions = this.main.getByRole('region', { name: 'What you can do' });
    this.done = this.main.getByRole('status');
    this.acceptForm = this.actions.getByRole('form', { name: 'Accept the proposed resolution' });
    this.acceptNote = this.acceptForm.getByLabel('A note with your acceptance (optional)');
    this.appealForm = this.actions.getByRole('form', { name: 'Appeal' });
    this.messageForm = this.actions.getByRole('form', { name: 'Send a message' });
  }

  async goto(reference: string): Promise<void> {
    await this.page.goto(`/grievances/follow/${reference}`);
    await expect(this.heading).toHaveText(`Grievance ${reference}`);
  }

  /** A step in the history, e.g. "Receipt acknowledged", with who took it and its message. */
  historyEntry(step: string): Locator {
    return this.history.getByRole('listitem').filter({ has: this.page.getByText(step, { exact: true }) });
  }

  /** Types the note, if any, and accepts; with JavaScript, waits for hydration first. The caller checks what happened. */
  async accept(note?: string, { hasJavaScript = true }: { hasJavaScript?: boolean } = {}): Promise<void> {
    const button = this.acceptForm.getByRole('button', { name: 'Accept the resolution' });
    if (hasJavaScript) await expectHydrated(button);
    if (note !== undefined) await this.acceptNote.fill(note);
    await button.click();
  }

  /** Types the reason and lodges the appeal; with JavaScript, waits for hydration first. The caller checks what happened. */
  async appeal(reason: string, { hasJavaScript = true }: { hasJavaScript?: boolean } = {}): Promise<void> {
    const button = this.appealForm.getByRole('button', { name: 'Lodge the appeal' });
    if (hasJavaScript) await expectHydrated(button);
    await this.appealForm.getByLabel('Why do you appeal?').fill(reason);
    await button.click();
  }
}
