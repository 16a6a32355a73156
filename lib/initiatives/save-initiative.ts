// Staff create and edit initiatives.
import { eq, like } from 'drizzle-orm';
import type { Db } from '@/db';
import { initiatives } from '@/db/schema';
import { isSignedIn, type Actor } from '@/lib/auth/actor';
import { authorize } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import type { InitiativeFields, UpdateInitiativeInput } from './schemas';
import { RESERVED_SLUGS, slugify } from './slug';

/** A slug not used yet: the title's, or the title's with the lowest free number appended. */
async function freeSlug(db: Db, title: string): Promise<string> {
  const base = slugify(title);
  const taken = new Set([
    ...RESERVED_SLUGS,
    ...(await db.select({ slug: initiatives.slug }).from(initiatives).where(like(initiatives.slug, `${base}%`))).map((row) => row.slug),
  ]);
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix += 1) {
    if (!taken.has(`${base}-${suffix}`)) return `${base}-${suffix}`;
  }
}

export async function createInitiative(db: Db, { actor, ...fields }: InitiativeFields & { actor: Actor }): Promise<{ id: string; slug: string }> {
  authorize(actor, 'initiative.create');
  const slug = await freeSlug(db, fields.title);
  const [created] = await db
    .insert(initiatives)
    .values({ ...fields, slug, createdBy: isSignedIn(actor) ? actor.id : null })
    .returning({ id: initiatives.id, slug: initiatives.slug });
  if (!created) throw new AppError('internal', { detail: 'insert returned no row' });
  return created;
}

/** Edits the fields; the address (slug) stays, so links already shared keep working. */
export async function updateInitiative(db: Db, { actor, initiativeId, ...fields }: UpdateInitiativeInput & { actor: Actor }): Promise<{ slug: string }> {
  authorize(actor, 'initiative.update');
  const [updated] = await db
    .update(initiatives)
    .set({ ...fields, updatedAt: new Date() })
    .where(eq(initiatives.id, initiativeId))
    .returning({ slug: initiatives.slug });
  if (!updated) throw new AppError('not_found', { detail: 'initiative not found' });
  return updated;
}
