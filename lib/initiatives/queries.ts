// Reading initiatives as a given actor sees them: drafts are for staff only.
import { desc, eq, ne } from 'drizzle-orm';
import type { Db } from '@/db';
import { initiatives } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import { isWellFormedSlug } from './slug';
import type { InitiativeStatus } from './status';

export interface Initiative {
  id: string;
  slug: string;
  title: string;
  summary: string;
  status: InitiativeStatus;
  responsibleUnit: string;
  createdAt: Date;
  updatedAt: Date;
}

const initiativeColumns = {
  id: initiatives.id,
  slug: initiatives.slug,
  title: initiatives.title,
  summary: initiatives.summary,
  status: initiatives.status,
  responsibleUnit: initiatives.responsibleUnit,
  createdAt: initiatives.createdAt,
  updatedAt: initiatives.updatedAt,
};

export async function listInitiatives(db: Db, { actor }: { actor: Actor }): Promise<Initiative[]> {
  const visible = can(actor, 'initiative.viewDrafts') ? undefined : ne(initiatives.status, 'draft');
  return db.select(initiativeColumns).from(initiatives).where(visible).orderBy(desc(initiatives.updatedAt));
}

/** The initiative at this address, or null when it does not exist or the actor may not see it. */
export async function findInitiativeBySlug(db: Db, { actor, slug }: { actor: Actor; slug: string }): Promise<Initiative | null> {
  if (!isWellFormedSlug(slug)) return null;
  const [initiative] = await db.select(initiativeColumns).from(initiatives).where(eq(initiatives.slug, slug)).limit(1);
  if (!initiative || !can(actor, 'initiative.view', { status: initiative.status })) return null;
  return initiative;
}

export async function findInitiativeById(db: Db, { actor, id }: { actor: Actor; id: string }): Promise<Initiative | null> {
  const [initiative] = await db.select(initiativeColumns).from(initiatives).where(eq(initiatives.id, id)).limit(1);
  if (!initiative || !can(actor, 'initiative.view', { status: initiative.status })) return null;
  return initiative;
}
