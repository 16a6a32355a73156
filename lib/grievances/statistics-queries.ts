// The public statistics of one channel: only the category and the times of its cases are
// read, so nothing about a complainant (who, what they wrote, where) can reach a page or
// an export through this function.
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { grievances } from '@/db/schema';
import { computeStatistics, type GrievanceStatistics } from './statistics';
import type { DeadlineDays } from './vocabulary';

export async function channelStatistics(
  db: Db,
  { channel, now = new Date(), timeZone }: { channel: DeadlineDays & { id: string }; now?: Date; timeZone: string },
): Promise<GrievanceStatistics> {
  const cases = await db
    .select({
      category: grievances.category,
      receivedAt: grievances.receivedAt,
      acknowledgedAt: grievances.acknowledgedAt,
      respondedAt: grievances.respondedAt,
      closedAt: grievances.closedAt,
      acknowledgeDays: grievances.acknowledgeDays,
      resolveDays: grievances.resolveDays,
      appealDays: grievances.appealDays,
      appealDecisionDays: grievances.appealDecisionDays,
    })
    .from(grievances)
    .where(eq(grievances.channelId, channel.id));
  // Each case is measured against the deadlines it was promised.
  return computeStatistics(
    cases.map(({ acknowledgeDays, resolveDays, appealDays, appealDecisionDays, ...times }) => ({ ...times, days: { acknowledgeDays, resolveDays, appealDays, appealDecisionDays } })),
    channel,
    now,
    timeZone,
  );
}
