// Which organizations staff invited to edit an initiative's stakeholder map. Their
// members then edit alongside staff (policy: stakeholderMap.edit).
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { memberships, organizations, stakeholderMapInvitations } from '@/db/schema';
import { isSignedIn, type Actor } from '@/lib/auth/actor';
import { authorize } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';

export interface MapInvitation {
  organizationId: string;
  organizationName: string;
  invitedAt: Date;
}

/** Whether the actor belongs to a verified organization invited to the initiative's map. */
export async function isInvitedToMap(db: Db, { actor, initiativeId }: { actor: Actor; initiativeId: string }): Promise<boolean> {
  if (!isSignedIn(actor)) return false;
  const [row] = await db
    .select({ organizationId: stakeholderMapInvitations.organizationId })
    .from(stakeholderMapInvitations)
    .innerJoin(memberships, eq(memberships.organizationId, stakeholderMapInvitations.organizationId))
    // An organization that lost its verification no longer speaks for anyone: its invitation rests.
    .innerJoin(organizations, and(eq(organizations.id, stakeholderMapInvitations.organizationId), eq(organizations.isVerified, true)))
    .where(and(eq(stakeholderMapInvitations.initiativeId, initiativeId), eq(memberships.userId, actor.id)))
    .limit(1);
  return row !== undefined;
}

export async function listMapInvitations(db: Db, { initiativeId }: { initiativeId: string }): Promise<MapInvitation[]> {
  return db
    .select({ organizationId: organizations.id, organizationName: organizations.name, invitedAt: stakeholderMapInvitations.invitedAt })
    .from(stakeholderMapInvitations)
    .innerJoin(organizations, eq(organizations.id, stakeholderMapInvitations.organizationId))
    .where(eq(stakeholderMapInvitations.initiativeId, initiativeId))
    .orderBy(asc(organizations.name));
}

/** Invites a verified organization; inviting it twice changes nothing. */
export async function inviteOrganization(db: Db, { actor, initiativeId, organizationId }: { actor: Actor; initiativeId: string; organizationId: string }): Promise<void> {
  authorize(actor, 'stakeholderMap.invite');
  const [organization] = await db.select({ isVerified: organizations.isVerified }).from(organizations).where(eq(organizations.id, organizationId));
  // Only verified organizations speak for someone; an unverified one could be anybody.
  if (!organization?.isVerified) throw new AppError('bad_request', { fieldErrors: { organizationId: 'organizationNotVerified' } });
  await db
    .insert(stakeholderMapInvitations)
    .values({ initiativeId, organizationId, invitedBy: isSignedIn(actor) ? actor.id : null })
    .onConflictDoNothing();
}

export async function withdrawInvitation(db: Db, { actor, initiativeId, organizationId }: { actor: Actor; initiativeId: string; organizationId: string }): Promise<void> {
  authorize(actor, 'stakeholderMap.invite');
  await db
    .delete(stakeholderMapInvitations)
    .where(and(eq(stakeholderMapInvitations.initiativeId, initiativeId), eq(stakeholderMapInvitations.organizationId, organizationId)));
}
