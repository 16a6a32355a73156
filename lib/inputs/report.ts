// Reports: anyone signed in can point moderators at a published input or reply they
// think breaks the rules. Each person has one report per input. While it is open, a
// second report replaces its reason and note (the person changed their mind); once a
// moderator has acted on it, reporting again changes nothing, so one person cannot put
// an input back in the queue after every decision.
import { isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { inputReports } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { authorize } from '@/lib/auth/policy';
import { isAuthor, loadInputContext, refuseUnlessPublished, signedInId } from './context';
import type { ReportInput } from './schemas';

export interface ReportResult {
  /** False when the person's earlier report on this input was already resolved: nothing changed. */
  isOpen: boolean;
}

export async function reportInput(
  db: Db,
  { actor, now = new Date(), inputId, reason, note }: ReportInput & { actor: Actor; now?: Date },
): Promise<ReportResult> {
  const input = await loadInputContext(db, { actor, inputId, now });
  refuseUnlessPublished(input);
  authorize(actor, 'input.report', { isAuthor: isAuthor(actor, input.authorId) });

  const stored = await db
    .insert(inputReports)
    .values({ inputId: input.id, reporterId: signedInId(actor), reason, note: note ?? null, createdAt: now })
    .onConflictDoUpdate({
      target: [inputReports.inputId, inputReports.reporterId],
      set: { reason: sql`excluded.reason`, note: sql`excluded.note` },
      setWhere: isNull(inputReports.resolvedAt),
    })
    .returning({ id: inputReports.id });
  return { isOpen: stored.length > 0 };
}
