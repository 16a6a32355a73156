import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import type { Role } from '@/lib/auth/roles';
import { isUniqueViolation } from '@/lib/db-errors';
import { AppError } from '@/lib/errors';
import type { SignUpInput } from './schemas';

export interface RegisteredUser {
  id: string;
  name: string;
  email: string;
  role: Role;
}

/** Creates a resident account. The e-mail must not be in use (compared case-insensitively). */
export async function registerUser(
  db: Db,
  { name, email, password, locale = 'en', role = 'resident' }: SignUpInput & { locale?: string; role?: Role },
): Promise<RegisteredUser> {
  const normalisedEmail = email.trim().toLowerCase();
  const emailTaken = () => new AppError('conflict', { fieldErrors: { email: 'emailTaken' } });

  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, normalisedEmail)).limit(1);
  if (existing) throw emailTaken();

  try {
    const [created] = await db
      .insert(users)
      .values({ name: name.trim(), email: normalisedEmail, passwordHash: await hashPassword(password), locale, role })
      .returning({ id: users.id, name: users.name, email: users.email, role: users.role });
    if (!created) throw new AppError('internal', { detail: 'insert returned no row' });
    return created;
  } catch (error) {
    // Two sign-ups with one address at the same moment: the unique index decides.
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
}
