// E-mails of the account life cycle: a link to reset a password, a link to confirm an
// address. Written in the recipient's language from the catalogue, sent after the answer
// has gone (so the time taken never tells whether an address has an account), and never
// logged with their address or link.
import { createTranslator } from 'next-intl';
import { catalogues } from '@/lib/i18n/catalogues';
import { DEFAULT_LOCALE, isLocale } from '@/lib/i18n/config';
import { logError } from '@/lib/log';
import { currentMailer, type Mailer } from '@/lib/notifications/mailer';
import { consumeRateLimit, isRateLimiterRefusal, limiterFor } from '@/lib/rate-limit/limits';
import { rateLimitKey, type RateLimitStore } from '@/lib/rate-limit/store';
import { ACCOUNT_TOKEN_LIFETIME_SECONDS } from './account-tokens';

export type AccountEmailKind = 'password_reset' | 'email_verification' | 'email_change';

export interface AccountEmail {
  kind: AccountEmailKind;
  to: string;
  locale: string;
  /** The single-use token the link carries. */
  token: string;
}

const PATHS: Record<AccountEmailKind, string> = {
  password_reset: '/reset-password',
  email_verification: '/verify-email',
  email_change: '/verify-email',
};

export function accountEmailLink(siteUrl: string, email: Pick<AccountEmail, 'kind' | 'token'>): string {
  return `${siteUrl}${PATHS[email.kind]}?${new URLSearchParams({ token: email.token }).toString()}`;
}

export function renderAccountEmail(email: AccountEmail, siteUrl: string): { subject: string; text: string } {
  const locale = isLocale(email.locale) ? email.locale : DEFAULT_LOCALE;
  const t = createTranslator({ locale, messages: catalogues[locale], namespace: 'accountEmails' });
  const purpose = email.kind === 'password_reset' ? 'password_reset' : 'email_verification';
  const values = { url: accountEmailLink(siteUrl, email), hours: ACCOUNT_TOKEN_LIFETIME_SECONDS[purpose] / 3600 };
  const text = [t(`${email.kind}.body`, values), t('footer')].join('\n\n');
  return { subject: t(`${email.kind}.subject`), text: `${text}\n` };
}

/** Whether this site can send account e-mails at all (SMTP_URL is set). */
export function canSendAccountEmails(): boolean {
  return currentMailer() !== null;
}

/**
 * Sends one account e-mail without making the caller wait: the person's answer is the
 * same whether or not a mail goes out. A failure is logged by its kind only.
 */
export function sendAccountEmailLater(email: AccountEmail, mailer: Mailer | null = currentMailer()): Promise<void> {
  if (!mailer) return Promise.resolve();
  const sending = (async () => {
    try {
      const { subject, text } = renderAccountEmail(email, mailer.siteUrl);
      await mailer.transport.sendMail({ from: mailer.from, to: email.to, subject, text });
    } catch (error) {
      const { code, responseCode } = (error ?? {}) as { code?: unknown; responseCode?: unknown };
      logError(`account e-mail (${email.kind}) not sent`, new Error([code, responseCode].filter(Boolean).map(String).join(', ') || 'unknown failure'));
    }
  })();
  return sending;
}

/**
 * Counts one request for an account e-mail ("forgot your password", "send the
 * confirmation again", a new address) against the asking address's budget; throws
 * `rate_limited` when it is spent. Counted before anything is looked up, so the answer
 * is the same whether or not an account is concerned.
 */
export async function countAccountEmailRequest(limits: RateLimitStore, address: string): Promise<void> {
  await consumeRateLimit(limits, 'accountEmailPerAddress', rateLimitKey(address));
}

/**
 * Whether an account may be sent one more mail: within its budget per asking address,
 * then in all. Beyond them nothing is sent, silently, so nobody can flood someone else's
 * inbox, and one address cannot use up the holder's mails.
 */
export async function mayMailAccount(limits: RateLimitStore, { address, userId }: { address: string; userId: string }): Promise<boolean> {
  try {
    await limiterFor(limits, 'accountEmailPerAccountAddress').consume(rateLimitKey(userId, address));
    await limiterFor(limits, 'accountEmailPerAccount').consume(rateLimitKey(userId));
    return true;
  } catch (error) {
    if (isRateLimiterRefusal(error)) return false;
    throw error;
  }
}
