// Decisions and answers for the decision suites: a consultation that took input and
// then closed, a decision's form values, and the answer staff give most often.
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { consultations } from '@/db/schema';
import { createDecision } from '@/lib/decisions/manage-decisions';
import type { DecisionFields } from '@/lib/decisions/schemas';
import type { createActor } from './actors';

type UserActor = Awaited<ReturnType<typeof createActor>>;

/** An explanation in plain words, long enough for the response form. */
export const EXPLANATION = 'Trees are planted on the south side; the market keeps the north side.';

/** A reason for publishing while inputs are unanswered, long enough for the form. */
export const UNANSWERED_REASON = 'Two late objections are still being checked with the heritage office.';

/** Stops input now, as the status control would once the closing date has passed. */
export async function closeConsultation(db: Db, consultationId: string, now = new Date()): Promise<void> {
  await db.update(consultations).set({ status: 'closed', closedAt: now, updatedAt: now }).where(eq(consultations.id, consultationId));
}

/** What the decision form sends, as parsed by decisionFieldsSchema. */
export function decisionFields(overrides: Partial<DecisionFields> = {}): DecisionFields {
  return {
    title: 'Plaza Mayor layout, final',
    summary: 'Trees on the south side, benches in the shade.',
    body: 'The city council adopts the layout with a row of trees on the south side of the square.',
    decidingBody: 'City council',
    decidedOn: '2026-05-04',
    ...overrides,
  };
}

/** A draft decision of the consultation, prepared by `actor`. */
export async function createTestDecision(db: Db, actor: UserActor, consultationId: string, overrides: Partial<DecisionFields> = {}): Promise<string> {
  const { decisionId } = await createDecision(db, { actor, consultationId, ...decisionFields(overrides) });
  return decisionId;
}
