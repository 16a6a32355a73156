import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { findPasswordProblem } from '@/lib/auth/password-rules';
import type { Role } from '@/lib/auth/roles';
import { isUniqueViolation } from '@/lib/db-errors';
import { AppError } from '@/lib/errors';
import { cleanDisplayName } from './display-name';
import type { SignUpInput } from './schemas';
import { hasProtectedName, isStaffMemberName } from './staff-names';

export interface RegisteredUser {
  id: string;
  name: string;
  email: string;
  role: Role;
}

/**
 * Creates an account (a resident unless told otherwise). The e-mail must not be in use
 * (compared case-insensitively), the password must pass the password rules, and the
 * name, once cleaned, must be visible and — for anyone but staff — not a staff member's.
 * The form's schema checks the same; this keeps every other caller to the rules.
 */
export async function registerUser(
  db: Db,
  { name, email, password, pseudonym = null, locale = 'en', role = 'resident' }: SignUpInput & { pseudonym?: string | null; locale?: string; role?: Role },
): Promise<RegisteredUser> {
  const normalisedEmail = email.trim().toLowerCase();
  const displayName = cleanDisplayName(name);
  if (!displayName) throw new AppError('bad_request', { fieldErrors: { name: 'nameInvisible' } });
  const passwordProblem = findPasswordProblem({ password, email: normalisedEmail, name: displayName });
  if (passwordProblem) throw new AppError('bad_request', { fieldErrors: { password: passwordProblem } });

  const emailTaken = () => new AppError('conflict', { fieldErrors: { email: 'emailTaken' } });
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, normalisedEmail)).limit(1);
  if (existing) throw emailTaken();
  if (!hasProtectedName(role) && (await isStaffMemberName(db, displayName))) {
    throw new AppError('bad_request', { fieldErrors: { name: 'nameOfStaffMember' } });
  }
  const shownAs = pseudonym === null ? null : cleanDisplayName(pseudonym) || null;
  if (shownAs !== null && !hasProtectedName(role) && (await isStaffMemberName(db, shownAs))) {
    throw new AppError('bad_request', { fieldErrors: { pseudonym: 'nameOfStaffMember' } });
  }

  try {
    const [created] = await db
      .insert(users)
      .values({ name: displayName, email: normalisedEmail, pseudonym: shownAs, passwordHash: await hashPassword(password), locale, role })
      .returning({ id: users.id, name: users.name, email: users.email, role: users.role });
    if (!created) throw new AppError('internal', { detail: 'insert returned no row' });
    return { ...created, name: displayName, email: normalisedEmail };
  } catch (error) {
    // Two sign-ups with one address at the same moment: the unique index decides.
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
}
