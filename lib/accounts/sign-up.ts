import type { Db } from '@/db';
import { allowSignUpAttempt } from '@/lib/auth/throttle';
import { AppError } from '@/lib/errors';
import { registerUser, type RegisteredUser } from './register-user';
import type { SignUpInput } from './schemas';

/** A person creates their own account: throttled per address, always as a resident. */
export async function signUp(
  db: Db,
  { name, email, password, locale, address, now }: SignUpInput & { locale: string; address: string; now?: Date },
): Promise<RegisteredUser> {
  if (!(await allowSignUpAttempt(db, { email, address, now }))) {
    throw new AppError('rate_limited', { detail: 'too many sign-ups from one address' });
  }
  return registerUser(db, { name, email, password, locale, role: 'resident' });
}
