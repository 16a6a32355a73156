import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { authorize } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import type { ChangeRoleInput } from './schemas';

/** Gives an account another role. Takes effect on the user's next request. */
export async function changeUserRole(db: Db, { actor, userId, role }: ChangeRoleInput & { actor: Actor }): Promise<void> {
  authorize(actor, 'user.changeRole', { userId });
  const updated = await db.update(users).set({ role }).where(eq(users.id, userId)).returning({ id: users.id });
  if (updated.length === 0) throw new AppError('not_found', { detail: 'user to change not found' });
}
