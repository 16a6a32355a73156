import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { users } from '@/db/schema';
import { verifyAgainstDummy, verifyPassword } from '@/lib/auth/password';
import type { Role } from '@/lib/auth/roles';
import { beginSignInAttempt, markSignInSucceeded } from '@/lib/auth/throttle';
import { AppError } from '@/lib/errors';
import type { SignInInput } from './schemas';

export interface AuthenticatedUser {
  id: string;
  name: string;
  email: string;
  role: Role;
}

/**
 * Checks an e-mail and password. Returns the user, or null when either is wrong —
 * deliberately without saying which. Throws `rate_limited` once too many attempts failed.
 */
export async function authenticate(
  db: Db,
  { email, password, address, now = new Date() }: SignInInput & { address: string; now?: Date },
): Promise<AuthenticatedUser | null> {
  const attempt = await beginSignInAttempt(db, { email, address, now });
  if (attempt.isThrottled) throw new AppError('rate_limited', { detail: 'too many failed sign-ins' });

  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);

  const isValid = user ? await verifyPassword(password, user.passwordHash) : await verifyAgainstDummy(password);
  if (!user || !isValid) return null;
  await markSignInSucceeded(db, attempt.attemptId);
  return { id: user.id, name: user.name, email: user.email, role: user.role };
}
