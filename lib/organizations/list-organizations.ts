import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db';
import { memberships, organizations, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import type { Scale, Sector, StakeholderCategory } from '@/lib/stakeholders/vocabulary';

export interface OrganizationMember {
  userId: string;
  name: string;
  email: string;
}

export interface OrganizationSummary {
  id: string;
  name: string;
  category: StakeholderCategory;
  scale: Scale;
  sector: Sector;
  isVerified: boolean;
  verifiedAt: Date | null;
  createdAt: Date;
  /** Present only for actors who manage members; others never receive e-mails. */
  members?: OrganizationMember[];
}

/** Organizations by name. Unverified ones, and members, only for those allowed to see them. */
export async function listOrganizations(db: Db, { actor }: { actor: Actor }): Promise<OrganizationSummary[]> {
  const query = db
    .select({
      id: organizations.id,
      name: organizations.name,
      category: organizations.category,
      scale: organizations.scale,
      sector: organizations.sector,
      isVerified: organizations.isVerified,
      verifiedAt: organizations.verifiedAt,
      createdAt: organizations.createdAt,
    })
    .from(organizations)
    .orderBy(asc(organizations.name));
  const rows = can(actor, 'organization.viewUnverified') ? await query : await query.where(eq(organizations.isVerified, true));

  if (!can(actor, 'organization.manageMembers') || rows.length === 0) return rows;

  const memberRows = await db
    .select({ organizationId: memberships.organizationId, userId: users.id, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(inArray(memberships.organizationId, rows.map((row) => row.id)))
    .orderBy(asc(users.name));
  return rows.map((row) => ({
    ...row,
    members: memberRows
      // Deletion ends memberships; a row without a name or address would be a race with it.
      .filter((member) => member.organizationId === row.id && member.name !== null && member.email !== null)
      .map(({ userId, name, email }) => ({ userId, name: name ?? '', email: email ?? '' })),
  }));
}
