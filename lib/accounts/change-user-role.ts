import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { users } from '@/db/schema';
import { isSignedIn, type Actor } from '@/lib/auth/actor';
import { authorize, can } from '@/lib/auth/policy';
import { revokeAllSessions } from '@/lib/auth/sessions';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/audit/record';
import { isLiveAccount } from './public-name';
import type { ChangeRoleInput } from './schemas';

/** Any constant; it only serializes role changes (and deletions) across the processes of one deployment. */
export const ROLE_CHANGE_LOCK_KEY = 7_340_113;

/**
 * Gives an account another role and ends every session of that user, so they sign in
 * again: rights are read from the database on each request anyway, but a cookie copied
 * while they held the old role must not carry on. Saving the role an account already
 * has changes nothing and signs nobody out.
 * Role changes run one at a time and re-check, inside the transaction, the actor's
 * role as it is now: two administrators demoting each other at the same moment
 * cannot leave the platform without one.
 */
export async function changeUserRole(db: Db, { actor, userId, role }: ChangeRoleInput & { actor: Actor }): Promise<void> {
  authorize(actor, 'user.changeRole', { userId });
  if (!isSignedIn(actor)) return; // unreachable: authorize refused anonymous actors
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${ROLE_CHANGE_LOCK_KEY})`);
    const [current] = await tx.select({ role: users.role }).from(users).where(eq(users.id, actor.id));
    if (!current || !can({ ...actor, role: current.role }, 'user.changeRole', { userId })) {
      throw new AppError('forbidden', { detail: 'the actor is no longer allowed to change roles' });
    }
    const [target] = await tx.select({ role: users.role }).from(users).where(eq(users.id, userId));
    if (!target || (await tx.select({ id: users.id }).from(users).where(and(eq(users.id, userId), isLiveAccount))).length === 0) {
      throw new AppError('not_found', { detail: 'user to change not found' });
    }
    if (target.role === role) return;
    await tx.update(users).set({ role }).where(eq(users.id, userId));
    await revokeAllSessions(tx, userId);
    await recordAudit(tx, { actor: { ...actor, role: current.role }, action: 'role_changed', subjectType: 'account', subjectId: userId, details: { from: target.role, to: role } });
  });
}
