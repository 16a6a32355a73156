// "Forgot your password?": a link by e-mail, valid one hour, used once. Asking always
// gets the same answer, at the same speed, whether the address has an account or not:
// the caller counts the request (countAccountEmailRequest) and answers, and only then
// runs requestPasswordReset and sends. Using the link signs the account out everywhere
// (whoever knew the old password is out too). Accounts that sign in through the city's
// identity provider have no password here and get no link.
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { findPasswordProblem } from '@/lib/auth/password-rules';
import { revokeAllSessions } from '@/lib/auth/sessions';
import { AppError } from '@/lib/errors';
import { databaseRateLimitStore, type RateLimitStore } from '@/lib/rate-limit/store';
import { mayMailAccount, type AccountEmail } from './account-emails';
import { isAccountTokenUsable, issueAccountToken, redeemAccountToken } from './account-tokens';
import { isLiveAccount } from './public-name';

/**
 * Prepares the reset e-mail for an address: null when there is no such account with a
 * password (or it has had its share of mails), which the caller must not let show. The
 * caller sends it with sendAccountEmailLater.
 */
export async function requestPasswordReset(
  db: Db,
  { email, address, limits = databaseRateLimitStore(db), now = new Date() }: { email: string; address: string; limits?: RateLimitStore; now?: Date },
): Promise<AccountEmail | null> {
  const [account] = await db
    .select({ id: users.id, email: users.email, locale: users.locale })
    .from(users)
    .where(and(eq(users.email, email.trim().toLowerCase()), isNotNull(users.passwordHash), isLiveAccount))
    .limit(1);
  if (!account?.email || !(await mayMailAccount(limits, { address, userId: account.id }))) return null;
  const token = await issueAccountToken(db, { userId: account.id, purpose: 'password_reset', email: account.email, now });
  return { kind: 'password_reset', to: account.email, locale: account.locale, token };
}

const linkExpired = () => new AppError('bad_request', { fieldErrors: { form: 'resetLinkExpired' } });

/** Whether the reset page should show its form for this link. */
export function isPasswordResetLinkUsable(db: Db, token: unknown, now = new Date()): Promise<boolean> {
  return isAccountTokenUsable(db, { token, purpose: 'password_reset', now });
}

/**
 * Sets a new password with a reset link. Ends every session of the account, and counts
 * as confirming the address the link went to. Returns the account, for the caller to
 * open a fresh session. A refused password leaves the link usable.
 */
export async function resetPassword(
  db: Db,
  { token, password, now = new Date() }: { token: unknown; password: string; now?: Date },
): Promise<{ userId: string; sessionsEnded: number }> {
  // The link is looked at first, without using it, so a mistyped password can be retried.
  if (!(await isAccountTokenUsable(db, { token, purpose: 'password_reset', now }))) throw linkExpired();
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const redeemed = await redeemAccountToken(tx, { token, purpose: 'password_reset', now });
    if (!redeemed) throw linkExpired();
    const [account] = await tx
      .select({ name: users.name, email: users.email, emailVerifiedAt: users.emailVerifiedAt, passwordHash: users.passwordHash })
      .from(users)
      .where(and(eq(users.id, redeemed.userId), isLiveAccount))
      .limit(1);
    // A link mailed to an address the account no longer has, or to an account that now signs in through the provider, is void.
    if (!account?.email || account.email !== redeemed.email || account.passwordHash === null) throw linkExpired();
    const problem = findPasswordProblem({ password, email: account.email, name: account.name ?? '' });
    if (problem) throw new AppError('bad_request', { fieldErrors: { password: problem } });
    await tx
      .update(users)
      .set({ passwordHash, ...(account.emailVerifiedAt === null ? { emailVerifiedAt: now } : {}) })
      .where(eq(users.id, redeemed.userId));
    const sessionsEnded = await revokeAllSessions(tx, redeemed.userId, { now });
    return { userId: redeemed.userId, sessionsEnded };
  });
}
