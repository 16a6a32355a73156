// Membership of registered organizations, managed by administrators.
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { memberships, organizations, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { authorize } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import type { AddMemberInput, RemoveMemberInput } from './schemas';

/**
 * Adds the account with this e-mail to the organization. A resident becomes an
 * organization member, since speaking for an organization is what that role is for;
 * staff keep their role.
 */
export async function addMember(db: Db, { actor, organizationId, email }: AddMemberInput & { actor: Actor }): Promise<void> {
  authorize(actor, 'organization.manageMembers');
  await db.transaction(async (tx) => {
    const [organization] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, organizationId));
    if (!organization) throw new AppError('not_found', { detail: 'organization not found' });
    const [user] = await tx.select({ id: users.id, role: users.role }).from(users).where(eq(users.email, email));
    if (!user) throw new AppError('not_found', { fieldErrors: { email: 'memberNotFound' } });

    await tx.insert(memberships).values({ organizationId, userId: user.id }).onConflictDoNothing();
    if (user.role === 'resident') {
      await tx.update(users).set({ role: 'organization_member' }).where(eq(users.id, user.id));
    }
  });
}

export async function removeMember(db: Db, { actor, organizationId, userId }: RemoveMemberInput & { actor: Actor }): Promise<void> {
  authorize(actor, 'organization.manageMembers');
  await db.delete(memberships).where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
}
