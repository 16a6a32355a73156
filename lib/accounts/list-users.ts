import { asc } from 'drizzle-orm';
import { isLiveAccount } from './public-name';
import type { Db } from '@/db';
import { users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { authorize } from '@/lib/auth/policy';
import type { Role } from '@/lib/auth/roles';

export interface UserSummary {
  id: string;
  name: string;
  email: string;
  role: Role;
  createdAt: Date;
}

/** All accounts that have not been deleted, oldest first. */
export async function listUsers(db: Db, { actor }: { actor: Actor }): Promise<UserSummary[]> {
  authorize(actor, 'user.list');
  return db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, createdAt: users.createdAt })
    .from(users)
    .where(isLiveAccount)
    .orderBy(asc(users.createdAt), asc(users.email)) as Promise<UserSummary[]>;
}
