// The verified organizations a person belongs to: the ones they may speak for.
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { memberships, organizations } from '@/db/schema';
import { isSignedIn, type Actor } from '@/lib/auth/actor';

export async function listMyVerifiedOrganizations(db: Db, { actor }: { actor: Actor }): Promise<Array<{ id: string; name: string }>> {
  if (!isSignedIn(actor)) return [];
  return db
    .select({ id: organizations.id, name: organizations.name })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(eq(memberships.userId, actor.id), eq(organizations.isVerified, true)))
    .orderBy(asc(organizations.name));
}
