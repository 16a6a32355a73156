// Confirming an e-mail address: at sign-up, and again whenever a person changes theirs.
// The link carries the address it was sent to; following it proves the person reads
// mail there. For a new address, the account's address changes only then, so a typo
// never locks anyone out of their account.
import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '@/db';
import { users } from '@/db/schema';
import { isSignedIn, type Actor } from '@/lib/auth/actor';
import { isUniqueViolation } from '@/lib/db-errors';
import { AppError } from '@/lib/errors';
import { databaseRateLimitStore, type RateLimitStore } from '@/lib/rate-limit/store';
import { countAccountEmailRequest, mayMailAccount, type AccountEmail } from './account-emails';
import { invalidateAccountTokens, issueAccountToken, redeemAccountToken } from './account-tokens';
import { isLiveAccount } from './public-name';

/** The confirmation e-mail for an address of an account (its own, or the new one it asked for). */
export async function prepareEmailConfirmation(
  db: Db,
  { userId, email, locale, isChange = false, now = new Date() }: { userId: string; email: string; locale: string; isChange?: boolean; now?: Date },
): Promise<AccountEmail> {
  const token = await issueAccountToken(db, { userId, purpose: 'email_verification', email, now });
  return { kind: isChange ? 'email_change' : 'email_verification', to: email, locale, token };
}

/**
 * "Send the confirmation again", for a signed-in person whose address is not confirmed.
 * Null when it is confirmed already or the account has had its share of mails.
 */
export async function resendEmailConfirmation(
  db: Db,
  { actor, address, limits = databaseRateLimitStore(db), now = new Date() }: { actor: Actor; address: string; limits?: RateLimitStore; now?: Date },
): Promise<AccountEmail | null> {
  if (!isSignedIn(actor)) throw new AppError('unauthenticated');
  const [account] = await db
    .select({ email: users.email, locale: users.locale, emailVerifiedAt: users.emailVerifiedAt })
    .from(users)
    .where(and(eq(users.id, actor.id), isLiveAccount))
    .limit(1);
  await countAccountEmailRequest(limits, address);
  if (!account?.email || account.emailVerifiedAt !== null) return null;
  if (!(await mayMailAccount(limits, { address, userId: actor.id }))) return null;
  return prepareEmailConfirmation(db, { userId: actor.id, email: account.email, locale: account.locale, now });
}

export type ConfirmationOutcome = { status: 'confirmed'; userId: string; addressChanged: boolean } | { status: 'invalid' } | { status: 'taken' };

/**
 * Follows a confirmation link. Confirms the account's address, or makes the new address
 * the account's; `taken` when, meanwhile, another account has the new address.
 */
export async function confirmEmail(db: Db, { token, now = new Date() }: { token: unknown; now?: Date }): Promise<ConfirmationOutcome> {
  try {
    return await db.transaction(async (tx): Promise<ConfirmationOutcome> => {
      const redeemed = await redeemAccountToken(tx, { token, purpose: 'email_verification', now });
      if (!redeemed) return { status: 'invalid' };
      const [account] = await tx.select({ email: users.email }).from(users).where(and(eq(users.id, redeemed.userId), isLiveAccount)).limit(1);
      if (!account) return { status: 'invalid' };
      const addressChanged = account.email !== redeemed.email;
      if (addressChanged) {
        const [holder] = await tx.select({ id: users.id }).from(users).where(and(eq(users.email, redeemed.email), ne(users.id, redeemed.userId))).limit(1);
        if (holder) throw new AppError('conflict');
      }
      await tx.update(users).set({ email: redeemed.email, emailVerifiedAt: now }).where(eq(users.id, redeemed.userId));
      // Reset links mailed to the old address stop working.
      if (addressChanged) await invalidateAccountTokens(tx, redeemed.userId, { purpose: 'password_reset', now });
      return { status: 'confirmed', userId: redeemed.userId, addressChanged };
    });
  } catch (error) {
    // The link stays unused (the transaction rolled back); the other account keeps its address.
    if ((error instanceof AppError && error.code === 'conflict') || isUniqueViolation(error)) return { status: 'taken' };
    throw error;
  }
}
