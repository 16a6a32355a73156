import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { organizations } from '@/db/schema';
import { isSignedIn, type Actor } from '@/lib/auth/actor';
import { authorize } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';

/** Marks an organization as checked by the city, or withdraws that mark. */
export async function setOrganizationVerified(
  db: Db,
  { actor, organizationId, isVerified }: { actor: Actor; organizationId: string; isVerified: boolean },
): Promise<void> {
  authorize(actor, 'organization.verify');
  const verifier = isSignedIn(actor) ? actor.id : null;
  const updated = await db
    .update(organizations)
    .set(isVerified ? { isVerified, verifiedAt: new Date(), verifiedBy: verifier } : { isVerified, verifiedAt: null, verifiedBy: null })
    .where(eq(organizations.id, organizationId))
    .returning({ id: organizations.id });
  if (updated.length === 0) throw new AppError('not_found', { detail: 'organization not found' });
}
