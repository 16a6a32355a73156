import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { users } from '@/db/schema';
import { verifyAgainstDummy, verifyPassword } from '@/lib/auth/password';
import type { Role } from '@/lib/auth/roles';
import { beginSecretAttempt } from '@/lib/rate-limit/secret-attempts';
import { databaseRateLimitStore, rateLimitKey, type RateLimitStore } from '@/lib/rate-limit/store';
import type { SignInInput } from './schemas';

export interface AuthenticatedUser {
  id: string;
  name: string;
  email: string;
  role: Role;
}

/**
 * Checks an e-mail and password. Returns the user, or null when either is wrong —
 * deliberately without saying which. Guessing is slowed per account and address and per
 * address (lib/rate-limit/secret-attempts.ts): throws `rate_limited`, with the wait,
 * while a guesser must wait; nobody is ever locked out for longer than that short wait.
 */
export async function authenticate(
  db: Db,
  { email, password, address, limits = databaseRateLimitStore(db) }: SignInInput & { address: string; limits?: RateLimitStore },
): Promise<AuthenticatedUser | null> {
  // The e-mail is keyed as typed, lower-cased (rateLimitKey): "Ada@…" and "ada@…" are one account.
  const attempt = await beginSecretAttempt(limits, [
    { policy: 'signInAccountAddress', key: rateLimitKey(email, address), clearsOnSuccess: true },
    { policy: 'signInAddress', key: rateLimitKey(address), clearsOnSuccess: false },
  ]);

  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);

  // An account without a password (it signs in through the city's identity provider) is
  // checked against the dummy too, so that the time taken tells nothing.
  const isValid = user?.passwordHash ? await verifyPassword(password, user.passwordHash) : await verifyAgainstDummy(password);
  if (!user?.passwordHash || !user.name || !user.email || !isValid) return null;
  await attempt.succeeded();
  return { id: user.id, name: user.name, email: user.email, role: user.role };
}
