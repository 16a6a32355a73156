// Grievance channels: the city-wide one and one per initiative, each with its published
// procedure (deadlines, how to file offline). Grievance officers and administrators set
// them up; everyone may read those whose initiative they may see.
import { asc, eq, isNull, notExists, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { grievanceChannels, initiatives } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { authorize, can } from '@/lib/auth/policy';
import { isUniqueViolation } from '@/lib/db-errors';
import { AppError } from '@/lib/errors';
import { findInitiativeById } from '@/lib/initiatives/queries';
import type { InitiativeStatus } from '@/lib/initiatives/status';
import type { CreateChannelInput, UpdateChannelInput } from './channel-schemas';
import type { DeadlineDays } from './vocabulary';
import { isUuid } from '@/lib/validation/uuid';

export interface GrievanceChannel extends DeadlineDays {
  id: string;
  name: string;
  offlineInstructions: string;
  /** Null for the city-wide channel. */
  initiative: { id: string; slug: string; title: string; status: InitiativeStatus } | null;
  createdAt: Date;
  updatedAt: Date;
}

const channelColumns = {
  id: grievanceChannels.id,
  name: grievanceChannels.name,
  offlineInstructions: grievanceChannels.offlineInstructions,
  acknowledgeDays: grievanceChannels.acknowledgeDays,
  resolveDays: grievanceChannels.resolveDays,
  appealDays: grievanceChannels.appealDays,
  appealDecisionDays: grievanceChannels.appealDecisionDays,
  createdAt: grievanceChannels.createdAt,
  updatedAt: grievanceChannels.updatedAt,
  initiativeId: initiatives.id,
  initiativeSlug: initiatives.slug,
  initiativeTitle: initiatives.title,
  initiativeStatus: initiatives.status,
};

type ChannelRow = Awaited<ReturnType<typeof selectChannels>>[number];

function toChannel({ initiativeId, initiativeSlug, initiativeTitle, initiativeStatus, ...channel }: ChannelRow): GrievanceChannel {
  const initiative =
    initiativeId !== null && initiativeSlug !== null && initiativeTitle !== null && initiativeStatus !== null
      ? { id: initiativeId, slug: initiativeSlug, title: initiativeTitle, status: initiativeStatus }
      : null;
  return { ...channel, initiative };
}

function selectChannels(db: Db) {
  return db.select(channelColumns).from(grievanceChannels).leftJoin(initiatives, eq(initiatives.id, grievanceChannels.initiativeId));
}

/** A channel of a draft initiative is as hidden as the initiative. */
function isVisibleTo(actor: Actor, channel: GrievanceChannel): boolean {
  return channel.initiative === null || can(actor, 'initiative.view', { status: channel.initiative.status });
}

/** Whether the public may read the channel (and its statistics), not only staff. */
export function isPublicChannel(channel: GrievanceChannel): boolean {
  return channel.initiative === null || channel.initiative.status !== 'draft';
}

/** The channels the actor may see: the city-wide one first, then by initiative. */
export async function listChannels(db: Db, { actor }: { actor: Actor }): Promise<GrievanceChannel[]> {
  const rows = await selectChannels(db).orderBy(sql`${grievanceChannels.initiativeId} is not null`, asc(initiatives.title), asc(grievanceChannels.name));
  return rows.map(toChannel).filter((channel) => isVisibleTo(actor, channel));
}

/** The channel, or null when it does not exist or the actor may not see its initiative. */
export async function findChannel(db: Db, { actor, channelId }: { actor: Actor; channelId: string }): Promise<GrievanceChannel | null> {
  if (!isUuid(channelId)) return null;
  const [row] = await selectChannels(db).where(eq(grievanceChannels.id, channelId)).limit(1);
  const channel = row ? toChannel(row) : null;
  return channel && isVisibleTo(actor, channel) ? channel : null;
}

/** The initiative's own channel; for callers that have already shown the initiative. */
export async function findInitiativeChannel(db: Db, { initiativeId }: { initiativeId: string }): Promise<GrievanceChannel | null> {
  const [row] = await selectChannels(db).where(eq(grievanceChannels.initiativeId, initiativeId)).limit(1);
  return row ? toChannel(row) : null;
}

export async function findCityWideChannel(db: Db): Promise<GrievanceChannel | null> {
  const [row] = await selectChannels(db).where(isNull(grievanceChannels.initiativeId)).limit(1);
  return row ? toChannel(row) : null;
}

/** Where a grievance about the initiative goes: its own channel, else the city-wide one. */
export async function channelForInitiative(db: Db, { initiativeId }: { initiativeId: string }): Promise<{ channel: GrievanceChannel; isOwn: boolean } | null> {
  const own = await findInitiativeChannel(db, { initiativeId });
  if (own) return { channel: own, isOwn: true };
  const cityWide = await findCityWideChannel(db);
  return cityWide ? { channel: cityWide, isOwn: false } : null;
}

/** The consultation rule: an initiative's consultation opens only once the initiative has its own channel. */
export async function hasGrievanceChannel(db: Db, initiativeId: string): Promise<boolean> {
  const [row] = await db.select({ id: grievanceChannels.id }).from(grievanceChannels).where(eq(grievanceChannels.initiativeId, initiativeId)).limit(1);
  return row !== undefined;
}

/** What a new channel can be for: the city as a whole (if it has none yet) and the initiatives without one. */
export async function freeChannelOwners(db: Db, { actor }: { actor: Actor }): Promise<{ isCityWideFree: boolean; initiatives: Array<{ id: string; slug: string; title: string }> }> {
  const withoutChannel = await db
    .select({ id: initiatives.id, slug: initiatives.slug, title: initiatives.title, status: initiatives.status })
    .from(initiatives)
    .where(notExists(db.select({ id: grievanceChannels.id }).from(grievanceChannels).where(eq(grievanceChannels.initiativeId, initiatives.id))))
    .orderBy(asc(initiatives.title));
  return {
    isCityWideFree: (await findCityWideChannel(db)) === null,
    initiatives: withoutChannel.filter((initiative) => can(actor, 'initiative.view', { status: initiative.status })).map(({ id, slug, title }) => ({ id, slug, title })),
  };
}

/** Said at the initiative field: the city and each initiative have one channel at most. */
const channelExists = () => new AppError('conflict', { detail: 'grievance channel exists', fieldErrors: { initiativeId: 'grievance.channelExists' } });

export async function createChannel(db: Db, { actor, initiativeId, ...fields }: CreateChannelInput & { actor: Actor }): Promise<{ id: string }> {
  authorize(actor, 'grievance.manageChannels');
  if (initiativeId !== null && !(await findInitiativeById(db, { actor, id: initiativeId }))) {
    throw new AppError('bad_request', { fieldErrors: { initiativeId: 'initiativeNotFound' } });
  }
  const taken = initiativeId === null ? await findCityWideChannel(db) : await findInitiativeChannel(db, { initiativeId });
  if (taken) throw channelExists();
  try {
    const [created] = await db
      .insert(grievanceChannels)
      .values({ ...fields, initiativeId })
      .returning({ id: grievanceChannels.id });
    if (!created) throw new AppError('internal', { detail: 'insert returned no row' });
    return created;
  } catch (error) {
    // Two officers creating the same channel at once: the unique indexes let one through.
    if (isUniqueViolation(error)) throw channelExists();
    throw error;
  }
}

/**
 * Changes the name, the offline instructions and the deadlines. New deadlines apply to
 * grievances received from then on: each case keeps the deadlines it was promised.
 */
export async function updateChannel(
  db: Db,
  { actor, channelId, name, offlineInstructions, acknowledgeDays, resolveDays, appealDays, appealDecisionDays }: UpdateChannelInput & { actor: Actor },
): Promise<void> {
  authorize(actor, 'grievance.manageChannels');
  // Named one by one: the initiative of a channel never changes, whatever else is passed.
  const fields = { name, offlineInstructions, acknowledgeDays, resolveDays, appealDays, appealDecisionDays };
  await db.transaction(async (tx) => {
    const [stored] = await tx.select().from(grievanceChannels).where(eq(grievanceChannels.id, channelId)).for('update');
    if (!stored) throw new AppError('not_found', { detail: 'grievance channel not found', fieldErrors: { form: 'grievance.channelNotFound' } });
    await tx
      .update(grievanceChannels)
      .set({ ...fields, updatedAt: new Date() })
      .where(eq(grievanceChannels.id, channelId));
  });
}
