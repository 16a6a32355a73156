// Notification e-mails: an SMTP transport from SMTP_URL (none without it), and the text
// in the recipient's language from the message catalogue. Failures are logged without
// the address or the content, since mail server errors often quote the recipient.
// Besides the e-mails of notifications, one kind goes to no account: the contact
// address a complainant without an account gave (grievance_updated_contact).
import { createTranslator } from 'next-intl';
import nodemailer from 'nodemailer';
import { env, type Environment } from '@/lib/env';
import { catalogues } from '@/lib/i18n/catalogues';
import { isResponseOutcome } from '@/lib/decisions/vocabulary';
import { DEFAULT_LOCALE, isLocale, type Locale } from '@/lib/i18n/config';
import { isGrievanceEventKind } from '@/lib/grievances/vocabulary';
import { logError } from '@/lib/log';
import type { HideReason } from '@/lib/moderation/vocabulary';
import type { NotificationKind } from './vocabulary';

export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
}

/** The part of a nodemailer transport Participa uses, so tests can pass a fake one. */
export interface MailTransport {
  sendMail(message: MailMessage): Promise<unknown>;
}

export interface Mailer {
  from: string;
  /** Public address of the site, for links in the e-mails. */
  siteUrl: string;
  transport: MailTransport;
}

export type CreateTransport = (smtpUrl: string) => MailTransport;

const createSmtpTransport: CreateTransport = (smtpUrl) => nodemailer.createTransport(smtpUrl);

/** The mailer this environment configures, or null when SMTP_URL is not set. */
export function createMailer(
  environment: Pick<Environment, 'SMTP_URL' | 'MAIL_FROM' | 'NEXTAUTH_URL' | 'PORT'>,
  createTransport: CreateTransport = createSmtpTransport,
): Mailer | null {
  if (!environment.SMTP_URL) return null;
  const siteUrl = (environment.NEXTAUTH_URL ?? `http://localhost:${environment.PORT}`).replace(/\/+$/, '');
  return { from: environment.MAIL_FROM, siteUrl, transport: createTransport(environment.SMTP_URL) };
}

let mailerOfProcess: Mailer | null | undefined;
let mailerForTests: Mailer | null | undefined;

/** Replaces the process's mailer (null: no e-mail) until called again with undefined. */
export function setMailerForTests(mailer: Mailer | null | undefined): void {
  mailerForTests = mailer;
}

/** The mailer of this process, created on first use; null when e-mail is not configured. */
export function currentMailer(): Mailer | null {
  if (mailerForTests !== undefined) return mailerForTests;
  if (mailerOfProcess === undefined) mailerOfProcess = createMailer(env());
  return mailerOfProcess;
}

/**
 * What an e-mail is about: a notification's kind, or news on a grievance for the contact
 * address of a complainant without an account, who has no notifications to read.
 */
export type EmailKind = NotificationKind | 'grievance_updated_contact';

const isGrievanceUpdate = (kind: EmailKind) => kind === 'grievance_updated' || kind === 'grievance_updated_contact';
const isResponseNews = (kind: EmailKind) => kind === 'response_published' || kind === 'response_revised';

/** Everything an e-mail says, gathered while its notification is stored (or its case locked). */
export interface NotificationEmail {
  to: string;
  locale: string;
  kind: EmailKind;
  consultationTitle: string | null;
  inputNumber: number | null;
  /** For grievance updates: the case's public reference; its text never goes into an e-mail. */
  grievanceReference: string | null;
  reason: HideReason | null;
  /** For grievance updates: the step the city took (a GrievanceStep); for responses: the outcome. */
  note: string | null;
}

/** The catalogue label of a grievance step, or '' for anything that is not one. */
function grievanceStepLabel(locale: Locale, step: string | null): string {
  if (!isGrievanceEventKind(step)) return '';
  return createTranslator({ locale, messages: catalogues[locale], namespace: 'grievances.step' })(step);
}

export function renderNotificationEmail(email: NotificationEmail, siteUrl: string): { subject: string; text: string } {
  const locale = isLocale(email.locale) ? email.locale : DEFAULT_LOCALE;
  const t = createTranslator({ locale, messages: catalogues[locale], namespace: 'notifications.email' });
  const values = {
    // A string, so the number is not formatted with thousands separators: it is a reference, not an amount.
    number: String(email.inputNumber ?? ''),
    consultation: email.consultationTitle ?? '',
    reason: email.reason ? t(`reason.${email.reason}`) : '',
    note: email.note ?? '',
    reference: email.grievanceReference ?? '',
    step: isGrievanceUpdate(email.kind) ? grievanceStepLabel(locale, email.note) : '',
    outcome: isResponseNews(email.kind) && isResponseOutcome(email.note) ? t(`outcome.${email.note}`) : '',
    participationUrl: `${siteUrl}/participation`,
    // Where a complainant without an account opens the case with its codes; the access
    // key itself is never in an e-mail (it is not stored, and mail is not a safe place).
    url: `${siteUrl}/grievances/follow`,
  };
  // Without an account there is no list of notifications to link to: the body says where to go.
  const link = email.kind === 'grievance_updated_contact' ? [] : [t('link', { url: `${siteUrl}/notifications` })];
  const text = [t(`${email.kind}.body`, values), ...link, t('footer')].join('\n\n');
  return { subject: t(`${email.kind}.subject`, values), text: `${text}\n` };
}

/** A description of a failed send that names the failure, never the recipient or the text. */
function describeFailure(error: unknown): Error {
  const { code, responseCode } = (error ?? {}) as { code?: unknown; responseCode?: unknown };
  const details = [code, responseCode && `SMTP ${String(responseCode)}`].filter(Boolean).map(String);
  return new Error(details.length > 0 ? details.join(', ') : 'unknown failure');
}

/** Sends one notification e-mail; a failure is logged and otherwise ignored. */
export async function sendNotificationEmail(mailer: Mailer, email: NotificationEmail): Promise<void> {
  try {
    const { subject, text } = renderNotificationEmail(email, mailer.siteUrl);
    await mailer.transport.sendMail({ from: mailer.from, to: email.to, subject, text });
  } catch (error) {
    logError(`notification e-mail (${email.kind}) not sent`, describeFailure(error));
  }
}
