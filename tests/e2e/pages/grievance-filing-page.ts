import { expect, type Locator, type Page } from '@playwright/test';
import { expectHydrated } from '../support/hydration';

export type GrievanceCategoryName =
  | 'How a consultation was run'
  | 'Access to information'
  | 'Noise, dust, pollution or other nuisance'
  | 'Health and safety'
  | 'Works and contractors'
  | 'Something else';

export interface GrievanceDetails {
  category: GrievanceCategoryName;
  description: string;
  place?: string;
  outcomeSought?: string;
  isConfidential?: boolean;
  contactName?: string;
  contactEmail?: string;
}

export interface ChosenFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** /grievances/channels/<id>/file: the filing form, with or without an account or JavaScript. */
export class GrievanceFilingPage {
  readonly main: Locator;
  readonly heading: Locator;
  readonly form: Locator;
  readonly category: Locator;
  readonly description: Locator;
  readonly place: Locator;
  readonly eventDate: Locator;
  readonly outcomeSought: Locator;
  readonly attachments: Locator;
  readonly isConfidential: Locator;
  readonly contactName: Locator;
  readonly contactEmail: Locator;
  readonly contactPhone: Locator;
  readonly submitButton: Locator;
  /** The form-wide problem ("Please correct the marked fields."). */
  readonly formAlert: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main');
    this.heading = this.main.getByRole('heading', { level: 1, name: 'File a grievance' });
    this.form = this.main.getByRole('form', { name: 'File a grievance' });
    this.category = this.form.getByLabel('What is the grievance about?');
    this.description = this.form.getByLabel('What happened?');
    this.place = this.form.getByLabel('Where did it happen? (optional)');
    this.eventDate = this.form.getByLabel('When did it happen? (optional)');
    this.outcomeSought = this.form.getByLabel('What outcome are you seeking? (optional)');
    this.attachments = this.form.getByLabel('Attachments (optional)');
    this.isConfidential = this.form.getByLabel('Keep my identity confidential');
    this.contactName = this.form.getByLabel('Name', { exact: true });
    this.contactEmail = this.form.getByLabel('E-mail', { exact: true });
    this.contactPhone = this.form.getByLabel('Telephone', { exact: true });
    this.submitButton = this.form.getByRole('button', { name: 'File the grievance' });
    this.formAlert = this.form.getByRole('alert');
  }

  /** Opens the form; with JavaScript, waits until it is hydrated (files are checked before they travel). */
  async goto(channelPath: string, { hasJavaScript = true }: { hasJavaScript?: boolean } = {}): Promise<void> {
    await this.page.goto(`${channelPath}/file`);
    await expect(this.heading).toBeVisible();
    if (hasJavaScript) await expectHydrated(this.submitButton);
  }

  async fill(details: GrievanceDetails): Promise<void> {
    await this.category.selectOption({ label: details.category });
    await this.description.fill(details.description);
    if (details.place !== undefined) await this.place.fill(details.place);
    if (details.outcomeSought !== undefined) await this.outcomeSought.fill(details.outcomeSought);
    if (details.isConfidential) await this.isConfidential.check();
    if (details.contactName !== undefined) await this.contactName.fill(details.contactName);
    if (details.contactEmail !== undefined) await this.contactEmail.fill(details.contactEmail);
  }

  /** The message under a field (also the field's accessible description). */
  fieldError(field: 'category' | 'description' | 'attachments' | 'contactEmail'): Locator {
    return this.form.locator(`[id="${field}-error"]`);
  }
}

/** /grievances/filed: the receipt with the two codes; the access key on its first display only. */
export class GrievanceReceiptPage {
  readonly main: Locator;
  readonly heading: Locator;
  readonly reference: Locator;
  readonly accessKey: Locator;
  /** On a later display: the key was shown once, and what to do without it. */
  readonly keyShownOnce: Locator;
  readonly openCaseLink: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main');
    this.heading = this.main.getByRole('heading', { level: 1, name: 'Your grievance has been received' });
    this.reference = this.main.getByTestId('grievance-reference');
    this.accessKey = this.main.getByTestId('grievance-access-key');
    this.keyShownOnce = this.main.getByTestId('access-key-shown-once');
    this.openCaseLink = this.main.getByRole('link', { name: 'Open your case now' });
  }

  /** The reference and the access key, once the receipt is shown. */
  async codes(): Promise<{ reference: string; accessKey: string }> {
    await expect(this.heading).toBeVisible();
    await expect(this.reference).toHaveText(/^GR-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    const reference = (await this.reference.textContent())!.trim();
    const accessKey = (await this.accessKey.textContent())!.trim();
    expect(accessKey.replace(/[-\s]/g, '')).toMatch(/^[0-9A-Z]{20}$/);
    return { reference, accessKey };
  }
}

/**
 * Files a grievance through the form as a person would and returns the codes from the
 * receipt. `page` ends on the receipt.
 */
export async function fileGrievance(page: Page, channelPath: string, details: GrievanceDetails): Promise<{ reference: string; accessKey: string }> {
  const filing = new GrievanceFilingPage(page);
  await filing.goto(channelPath);
  await filing.fill(details);
  await filing.submitButton.click();
  return new GrievanceReceiptPage(page).codes();
}
