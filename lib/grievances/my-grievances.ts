// The cases a signed-in account filed, newest first, each with the deadline that runs.
// Cases filed without an account, or recorded by staff from paper, are not linked to
// any account and are opened with their codes instead.
import { desc, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { grievanceChannels, grievances } from '@/db/schema';
import { isSignedIn, type Actor } from '@/lib/auth/actor';
import { caseTimesOf, deadlineDaysOf } from './case-state';
import { caseClock, type CaseClock } from './deadlines';
import type { GrievanceCategory, GrievanceStatus } from './vocabulary';

export interface MyGrievance {
  reference: string;
  channelName: string;
  category: GrievanceCategory;
  status: GrievanceStatus;
  receivedAt: Date;
  clock: CaseClock | null;
}

/** Anonymous visitors have filed nothing they could be shown: an empty list. */
export async function listMyGrievances(db: Db, { actor, now = new Date() }: { actor: Actor; now?: Date }): Promise<MyGrievance[]> {
  if (!isSignedIn(actor)) return [];
  const rows = await db
    .select({ grievance: grievances, channel: grievanceChannels })
    .from(grievances)
    .innerJoin(grievanceChannels, eq(grievanceChannels.id, grievances.channelId))
    .where(eq(grievances.filerId, actor.id))
    .orderBy(desc(grievances.receivedAt), desc(grievances.reference));
  return rows.map(({ grievance, channel }) => ({
    reference: grievance.reference,
    channelName: channel.name,
    category: grievance.category,
    status: grievance.status,
    receivedAt: grievance.receivedAt,
    clock: caseClock(caseTimesOf(grievance), deadlineDaysOf(grievance), now),
  }));
}
