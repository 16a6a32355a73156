import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { users } from '@/db/schema';
import type { Role } from '@/lib/auth/roles';

export interface UserIdentity {
  id: string;
  name: string;
  role: Role;
  locale: string;
}

export async function findUserById(db: Db, id: string): Promise<UserIdentity | null> {
  const [user] = await db
    .select({ id: users.id, name: users.name, role: users.role, locale: users.locale })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  return user ?? null;
}
