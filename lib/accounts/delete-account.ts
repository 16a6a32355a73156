// Erasing an account (GDPR art. 17), by the person or by an administrator on their
// request. The row stays, emptied, so that what the person contributed keeps its place
// in the public record under "Former participant" (lib/accounts/public-name.ts gives it
// no name anywhere: pages, downloads, map history). Everything else that is theirs goes:
// name, e-mail, password, pseudonym, sessions, links, agreements, memberships,
// notifications; grievances they filed keep their history but lose the contact details;
// a name they gave on assisted input goes too. The audit log records that it happened,
// by whom, and nothing about the person.
import { and, eq, isNotNull, ne, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { accountTokens, consents, grievances, identityLinks, inputs, memberships, notifications, users, userSessions } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { authorize, can } from '@/lib/auth/policy';
import { recordAudit } from '@/lib/audit/record';
import { AppError } from '@/lib/errors';
import { databaseRateLimitStore, type RateLimitStore } from '@/lib/rate-limit/store';
import { ROLE_CHANGE_LOCK_KEY } from './change-user-role';
import { confirmCurrentPassword } from './current-password';
import { isLiveAccount } from './public-name';

type SignedInActor = Extract<Actor, { kind: 'user' }>;

/** Empties the account inside the caller's transaction. */
async function eraseAccount(tx: Db, { userId, actor, byAdministrator, now }: { userId: string; actor: SignedInActor; byAdministrator: boolean; now: Date }): Promise<void> {
  const [erased] = await tx
    .update(users)
    .set({ name: null, email: null, passwordHash: null, pseudonym: null, emailVerifiedAt: null, emailDelivery: 'none', role: 'resident', deletedAt: now })
    .where(and(eq(users.id, userId), isLiveAccount))
    .returning({ id: users.id });
  if (!erased) throw new AppError('not_found', { detail: 'account already deleted or unknown' });
  await tx.delete(userSessions).where(eq(userSessions.userId, userId));
  await tx.delete(accountTokens).where(eq(accountTokens.userId, userId));
  await tx.delete(identityLinks).where(eq(identityLinks.userId, userId));
  await tx.delete(consents).where(eq(consents.userId, userId));
  await tx.delete(memberships).where(eq(memberships.userId, userId));
  await tx.delete(notifications).where(eq(notifications.userId, userId));
  const cases = await tx
    .update(grievances)
    .set({ filerId: null, contactName: null, contactEmail: null, contactPhone: null })
    .where(eq(grievances.filerId, userId))
    .returning({ id: grievances.id });
  // Assisted input linked to the account carries the name the person gave at the desk.
  await tx
    .update(inputs)
    .set({ participantName: null })
    .where(and(eq(inputs.authorId, userId), ne(inputs.channel, 'online'), isNotNull(inputs.participantName)));
  await recordAudit(tx, {
    actor,
    action: 'account_deleted',
    subjectType: 'account',
    subjectId: userId,
    details: { byAdministrator, grievancesAnonymized: cases.length },
    now,
  });
}

/**
 * A person deletes their own account, confirming with their password (accounts that
 * sign in through the city's identity provider have none: the form's ticked box is
 * their confirmation, checked by its schema).
 */
export async function deleteOwnAccount(
  db: Db,
  { actor, currentPassword, address, limits = databaseRateLimitStore(db), now = new Date() }: { actor: Actor; currentPassword?: string; address: string; limits?: RateLimitStore; now?: Date },
): Promise<void> {
  authorize(actor, 'account.manageOwn');
  const me = actor as SignedInActor;
  await confirmCurrentPassword(db, { userId: me.id, password: currentPassword, address, limits });
  await db.transaction((tx) => eraseAccount(tx, { userId: me.id, actor: me, byAdministrator: false, now }));
}

/**
 * An administrator deletes another person's account at their request (never their own
 * from here). Serialized with role changes, and the administrator's role is checked again
 * inside: two administrators deleting each other at once cannot leave the site without one.
 */
export async function deleteAccountOnRequest(db: Db, { actor, userId, now = new Date() }: { actor: Actor; userId: string; now?: Date }): Promise<void> {
  authorize(actor, 'user.delete', { userId });
  const admin = actor as SignedInActor;
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${ROLE_CHANGE_LOCK_KEY})`);
    const [current] = await tx.select({ role: users.role }).from(users).where(and(eq(users.id, admin.id), isLiveAccount));
    if (!current || !can({ ...admin, role: current.role }, 'user.delete', { userId })) {
      throw new AppError('forbidden', { detail: 'the actor is no longer allowed to delete accounts' });
    }
    await eraseAccount(tx, { userId, actor: { ...admin, role: current.role }, byAdministrator: true, now });
  });
}
