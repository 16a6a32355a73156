// Names that speak for the city: nobody else may take the name of a moderator, an
// administrator or a grievance officer, or residents could be misled by "Ada Admin"
// answering them. Staff are few, so their names are compared in memory.
import { and, inArray } from 'drizzle-orm';
import type { Db } from '@/db';
import { users } from '@/db/schema';
import { STAFF_ROLES, type Role } from '@/lib/auth/roles';
import { namesLookAlike } from './display-name';
import { isLiveAccount, publicName } from './public-name';

/** Roles whose holders' names others may not take. */
export const NAME_PROTECTED_ROLES: readonly Role[] = [...STAFF_ROLES, 'grievance_officer'];

export function hasProtectedName(role: Role): boolean {
  return NAME_PROTECTED_ROLES.includes(role);
}

/** Whether this name reads as the name of someone holding a protected role. */
export async function isStaffMemberName(db: Db, name: string): Promise<boolean> {
  const staff = await db
    .select({ name: users.name, publicName })
    .from(users)
    .where(and(isLiveAccount, inArray(users.role, [...NAME_PROTECTED_ROLES])));
  return staff.some((member) => [member.name, member.publicName].some((taken) => taken !== null && namesLookAlike(taken, name)));
}
