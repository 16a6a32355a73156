// "Your current password", asked before changing the e-mail address or the password and
// before deleting the account: checked as slowly as a sign-in, per account and address
// (lib/rate-limit/secret-attempts.ts), so that a session left open somewhere does not
// become a way to guess the password. An account without a password (it signs in through
// the city's identity provider) has nothing to check.
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { users } from '@/db/schema';
import { verifyAgainstDummy, verifyPassword } from '@/lib/auth/password';
import { AppError } from '@/lib/errors';
import { beginSecretAttempt } from '@/lib/rate-limit/secret-attempts';
import { rateLimitKey, type RateLimitStore } from '@/lib/rate-limit/store';
import { isLiveAccount } from './public-name';

export interface AccountDetails {
  email: string;
  name: string;
  locale: string;
  hasPassword: boolean;
}

/** The account's details once its current password is confirmed; `currentPasswordWrong` on the field otherwise. */
export async function confirmCurrentPassword(
  db: Db,
  { userId, password, address, limits }: { userId: string; password: string | undefined; address: string; limits: RateLimitStore },
): Promise<AccountDetails> {
  const [row] = await db
    .select({ email: users.email, name: users.name, locale: users.locale, passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(users.id, userId), isLiveAccount))
    .limit(1);
  if (!row?.email || !row.name) throw new AppError('unauthenticated');
  const details = { email: row.email, name: row.name, locale: row.locale, hasPassword: row.passwordHash !== null };
  if (row.passwordHash === null) return details;
  const attempt = await beginSecretAttempt(limits, [
    { policy: 'signInAccountAddress', key: rateLimitKey(row.email, address), clearsOnSuccess: true },
    { policy: 'signInAddress', key: rateLimitKey(address), clearsOnSuccess: false },
  ]);
  const isValid = password ? await verifyPassword(password, row.passwordHash) : await verifyAgainstDummy('');
  if (!isValid) throw new AppError('bad_request', { fieldErrors: { currentPassword: 'currentPasswordWrong' } });
  await attempt.succeeded();
  return details;
}
