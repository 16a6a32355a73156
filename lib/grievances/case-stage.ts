// The stage of a case as a handler's page shows it: its status and how many events it
// has. Each step form posts the stage its page was rendered at, so a step refused
// because someone else moved the case on in the meantime can be told apart from a step
// the case never allowed (app/grievances/cases/actions.ts).
import { count, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { grievanceEvents, grievances } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { authorize } from '@/lib/auth/policy';
import type { GrievanceStatus } from './vocabulary';

export function caseStage({ status, eventCount }: { status: GrievanceStatus; eventCount: number }): string {
  return `${status}-${eventCount}`;
}

/** The case's stage now; null when there is no such case. */
export async function currentCaseStage(db: Db, { actor, grievanceId }: { actor: Actor; grievanceId: string }): Promise<string | null> {
  authorize(actor, 'grievance.handle');
  const [row] = await db
    .select({ status: grievances.status, eventCount: count(grievanceEvents.id) })
    .from(grievances)
    .leftJoin(grievanceEvents, eq(grievanceEvents.grievanceId, grievances.id))
    .where(eq(grievances.id, grievanceId))
    .groupBy(grievances.id);
  return row ? caseStage(row) : null;
}
