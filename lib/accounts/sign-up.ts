import type { Db } from '@/db';
import { isAppError } from '@/lib/errors';
import { consumeRateLimit } from '@/lib/rate-limit/limits';
import { databaseRateLimitStore, rateLimitKey, type RateLimitStore } from '@/lib/rate-limit/store';
import type { AccountEmail } from './account-emails';
import { prepareEmailConfirmation } from './email-verification';
import { recordConsent, type AgreedVersions } from './legal-documents';
import { registerUser, type RegisteredUser } from './register-user';
import type { SignUpInput } from './schemas';

export interface SignUpRequest extends SignUpInput {
  pseudonym?: string | null;
  /** The versions of the privacy notice and the terms the form showed, which the person agreed to. */
  agreed: AgreedVersions;
  locale: string;
  address: string;
  /** Whether to prepare the e-mail that confirms the address (the site can send mail). */
  sendConfirmation: boolean;
  limits?: RateLimitStore;
}

/**
 * A person creates their own account, always as a resident, agreeing to the current
 * privacy notice and terms. Sign-ups are limited per address, which bounds both the
 * password hashing work and probing for registered e-mails through the "already in
 * use" message. Returns the account and the confirmation e-mail for the caller to send.
 */
export async function signUp(
  db: Db,
  { name, email, password, pseudonym = null, agreed, locale, address, sendConfirmation, limits = databaseRateLimitStore(db) }: SignUpRequest,
): Promise<{ user: RegisteredUser; confirmation: AccountEmail | null }> {
  await consumeRateLimit(limits, 'signUp', rateLimitKey(address));
  // Checked before the account exists, so a stale form creates nothing.
  await recordConsent(db, { userId: null, agreed });
  const user = await registerUser(db, { name, email, password, pseudonym, locale, role: 'resident' });
  try {
    await recordConsent(db, { userId: user.id, agreed });
  } catch (error) {
    // A new version published in the instant since the check: the account exists, and
    // like everyone else its holder is asked to agree to the new version before taking part.
    if (!isAppError(error) || error.code !== 'conflict') throw error;
  }
  const confirmation = sendConfirmation ? await prepareEmailConfirmation(db, { userId: user.id, email: user.email, locale }) : null;
  return { user, confirmation };
}
