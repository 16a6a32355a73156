import { expect, type Locator, type Page } from '@playwright/test';
import { expectHydrated } from '../support/hydration';
import { DEMO_CONSULTATIONS } from './consultation-page';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** A datetime-local value; the e2e server and browser both use UTC (TIME_ZONE, timezoneId). */
export function wallTime(date: Date): string {
  return date.toISOString().slice(0, 16);
}

export interface ConsultationDetails {
  title: string;
  questions?: string[];
  scope?: string;
  moderation?: 'post' | 'pre';
  informationAt?: Date;
  opensAt?: Date;
  closesAt?: Date;
  /** Left as the form's default (7) when not given. */
  informationDays?: number;
  shortInformationReason?: string;
}

const MODERATION_LABELS = {
  post: 'Publish input at once; moderators review reports afterwards',
  pre: 'Publish input after a moderator has reviewed it',
} as const;

/** /consultations/new?initiative=<slug>: staff plan a new consultation, saved as a draft. */
export class NewConsultationPage {
  readonly heading: Locator;
  readonly form: Locator;
  readonly title: Locator;
  readonly questions: Locator;
  readonly scope: Locator;
  readonly moderation: Locator;
  readonly informationAt: Locator;
  readonly opensAt: Locator;
  readonly closesAt: Locator;
  readonly informationDays: Locator;
  readonly shortInformationReason: Locator;
  readonly createButton: Locator;
  readonly formAlert: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { level: 1, name: /^New consultation for / });
    this.form = main.locator('form');
    this.title = main.getByLabel('Title', { exact: true });
    this.questions = main.getByLabel('Questions to the public');
    this.scope = main.getByLabel('What can still change');
    this.moderation = main.getByLabel('Moderation', { exact: true });
    this.informationAt = main.getByLabel('Public information from');
    this.opensAt = main.getByLabel('Opens for input');
    this.closesAt = main.getByLabel('Closes', { exact: true });
    this.informationDays = main.getByLabel('Information period in days');
    this.shortInformationReason = main.getByLabel('Reason for a shorter information period');
    this.createButton = main.getByRole('button', { name: 'Create as draft' });
    this.formAlert = main.getByRole('alert');
  }

  async goto(initiativeSlug: string = DEMO_CONSULTATIONS.initiativeSlug): Promise<void> {
    await this.page.goto(`/consultations/new?initiative=${initiativeSlug}`);
    await expect(this.heading).toBeVisible();
    await expectHydrated(this.createButton);
  }

  /** Fills in the form; what `details` leaves out gets a workable default. */
  async fill(details: ConsultationDetails): Promise<void> {
    const now = Date.now();
    await this.title.fill(details.title);
    await this.questions.fill((details.questions ?? ['What should we keep in mind?']).join('\n'));
    await this.scope.fill(details.scope ?? 'Everything about this test consultation can still change.');
    await this.moderation.selectOption({ label: MODERATION_LABELS[details.moderation ?? 'post'] });
    await this.informationAt.fill(wallTime(details.informationAt ?? new Date(now - HOUR_MS)));
    await this.opensAt.fill(wallTime(details.opensAt ?? new Date(now + DAY_MS)));
    await this.closesAt.fill(wallTime(details.closesAt ?? new Date(now + 30 * DAY_MS)));
    if (details.informationDays !== undefined) await this.informationDays.fill(String(details.informationDays));
    if (details.shortInformationReason !== undefined) await this.shortInformationReason.fill(details.shortInformationReason);
  }

  /** Fills in the form and creates the draft; returns once the manage page shows it. */
  async create(details: ConsultationDetails): Promise<void> {
    await this.fill(details);
    await this.createButton.click();
    await expect(this.page).toHaveURL(/\/consultations\/[0-9a-f-]{36}\/manage$/);
    await expect(new ManageConsultationPage(this.page).heading).toHaveText(details.title);
  }
}

/** A small but real PDF: the server reads the type from the bytes, not the name. */
export function pdfFile(name = 'background.pdf'): { name: string; mimeType: string; buffer: Buffer } {
  return { name, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%e2e\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') };
}

export type NextStatusButton = 'Publish the information' | 'Open for input' | 'Close the consultation';

/** /consultations/<id>/manage: status control, background documents, input received offline. */
export class ManageConsultationPage {
  readonly heading: Locator;
  readonly statusSection: Locator;
  /** Why the last status change was refused. */
  readonly statusRefusal: Locator;
  readonly uploadForm: Locator;
  readonly documentsSection: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { level: 1 });
    this.statusSection = main.getByRole('region', { name: 'Status' });
    this.statusRefusal = this.statusSection.getByRole('alert');
    this.uploadForm = main.getByRole('form', { name: 'Add a background document' });
    this.documentsSection = main.getByRole('region', { name: 'Background documents' });
  }

  /** The consultation's public address, from the manage page's own address. */
  get consultationPath(): string {
    return new URL(this.page.url()).pathname.replace(/\/manage$/, '');
  }

  async goto(consultationPath: string): Promise<void> {
    await this.page.goto(`${consultationPath}/manage`);
    await expect(this.heading).toBeVisible();
  }

  /** "The consultation is now: …." */
  currentStatus(phase: string): Locator {
    return this.statusSection.getByText(`The consultation is now: ${phase}.`, { exact: true });
  }

  async uploadDocument(title: string, file = pdfFile()): Promise<void> {
    await expectHydrated(this.uploadForm);
    await this.uploadForm.getByLabel('Title', { exact: true }).fill(title);
    await this.uploadForm.getByLabel('File', { exact: true }).setInputFiles(file);
    await this.uploadForm.getByRole('button', { name: 'Upload document' }).click();
    await expect(this.uploadForm.getByRole('status')).toHaveText('The document was added.');
    await expect(this.documentsSection.getByRole('link', { name: title, exact: true })).toBeVisible();
  }

  /** Presses the button for the next status; the caller checks what happened. */
  async pressStatusButton(name: NextStatusButton): Promise<void> {
    const button = this.statusSection.getByRole('button', { name, exact: true });
    await expectHydrated(button);
    await button.click();
  }

  /** Moves to the next status and waits until the page shows it. */
  async moveTo(name: NextStatusButton, phase: string): Promise<void> {
    await this.pressStatusButton(name);
    await expect(this.currentStatus(phase)).toBeVisible();
  }
}

/**
 * Creates a consultation through the staff pages and opens it for input at once:
 * an information period of 0 days (with its public reason), a background document,
 * the information published with an information date in the past, then "Open for input".
 * `page` must be signed in as staff; it ends on the manage page. Returns the public address.
 */
export async function createOpenConsultation(page: Page, details: ConsultationDetails): Promise<string> {
  const newConsultation = new NewConsultationPage(page);
  await newConsultation.goto();
  await newConsultation.create({
    informationDays: 0,
    shortInformationReason: 'An end-to-end test needs the consultation open at once.',
    ...details,
  });
  const manage = new ManageConsultationPage(page);
  await manage.uploadDocument('Background report');
  await manage.moveTo('Publish the information', 'Information');
  await manage.moveTo('Open for input', 'Open for input');
  return manage.consultationPath;
}
