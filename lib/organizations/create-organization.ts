import type { Db } from '@/db';
import { organizations } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { authorize } from '@/lib/auth/policy';
import { isUniqueViolation } from '@/lib/db-errors';
import { AppError } from '@/lib/errors';
import type { CreateOrganizationInput } from './schemas';

export async function createOrganization(
  db: Db,
  { actor, name, category, scale, sector }: CreateOrganizationInput & { actor: Actor },
): Promise<{ id: string }> {
  authorize(actor, 'organization.create');
  try {
    const [created] = await db.insert(organizations).values({ name, category, scale, sector }).returning({ id: organizations.id });
    if (!created) throw new AppError('internal', { detail: 'insert returned no row' });
    return created;
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', { fieldErrors: { name: 'nameTaken' } });
    throw error;
  }
}
