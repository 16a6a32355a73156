import type { Db } from '@/db';
import { consumeRateLimit } from '@/lib/rate-limit/limits';
import { databaseRateLimitStore, rateLimitKey, type RateLimitStore } from '@/lib/rate-limit/store';
import { registerUser, type RegisteredUser } from './register-user';
import type { SignUpInput } from './schemas';

/**
 * A person creates their own account, always as a resident. Sign-ups are limited per
 * address, which bounds both the password hashing work and probing for registered
 * e-mails through the "already in use" message.
 */
export async function signUp(
  db: Db,
  { name, email, password, locale, address, limits = databaseRateLimitStore(db) }: SignUpInput & { locale: string; address: string; limits?: RateLimitStore },
): Promise<RegisteredUser> {
  await consumeRateLimit(limits, 'signUp', rateLimitKey(address));
  return registerUser(db, { name, email, password, locale, role: 'resident' });
}
