// The stage of a case as a page shows it: its status and how many steps it has had (its
// events but staff's access records, attachment-access-log.ts). Each step form, the
// handler's and the complainant's, posts the stage its page was rendered at, so a step
// refused because the case moved on in the meantime can be told apart from a step the
// case never allowed (answerIfMovedOn, used by app/grievances/cases/actions.ts
// and app/grievances/complainant-actions.ts).
import { and, count, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { grievanceEvents, grievances } from '@/db/schema';
import type { FormState } from '@/lib/actions/form-state';
import type { Actor } from '@/lib/auth/actor';
import { authorize } from '@/lib/auth/policy';
import { isAppError } from '@/lib/errors';
import type { ComplainantAccess } from './access';
import { isStepEvent } from './attachment-access-log';
import type { GrievanceStatus } from './vocabulary';

export function caseStage({ status, eventCount }: { status: GrievanceStatus; eventCount: number }): string {
  return `${status}-${eventCount}`;
}

async function stageOf(db: Db, grievanceId: string): Promise<string | null> {
  const [row] = await db
    .select({ status: grievances.status, eventCount: count(grievanceEvents.id) })
    .from(grievances)
    .leftJoin(grievanceEvents, and(eq(grievanceEvents.grievanceId, grievances.id), isStepEvent()))
    .where(eq(grievances.id, grievanceId))
    .groupBy(grievances.id);
  return row ? caseStage(row) : null;
}

/** The case's stage now, for a handler; null when there is no such case. */
export async function currentCaseStage(db: Db, { actor, grievanceId }: { actor: Actor; grievanceId: string }): Promise<string | null> {
  authorize(actor, 'grievance.handle');
  return stageOf(db, grievanceId);
}

/** The case's stage now, for its complainant; null when the case is gone. */
export async function complainantCaseStage(db: Db, { access }: { access: ComplainantAccess }): Promise<string | null> {
  return stageOf(db, access.grievanceId);
}

/** The explanation for each side: a complainant may have moved the case on themselves, in another tab. */
const MOVED_ON_EXPLANATIONS = { handler: 'grievance.caseMovedOn', complainant: 'grievance.caseMovedOnWhileOpen' } as const;

export interface MovedOnQuestion {
  /** What taking the step threw. */
  error: unknown;
  /** The stage the form was shown at; undefined when the form sent none. */
  stageShown: string | undefined;
  /** Reads the case's stage now; called only for a refusal that may be one of a moved-on case. */
  stageNow: () => Promise<string | null>;
  /** What was typed, to show again. */
  values: Record<string, string>;
  shownTo: keyof typeof MOVED_ON_EXPLANATIONS;
}

/**
 * The answer to a step refused because the case moved on after its page was rendered:
 * why, what was typed, and the stage now, so that the form stays on the refreshed page
 * (a form drops answers given at another stage than the one its page shows). Null when
 * the refusal has another cause — not a refusal of the stage, or the case is where the
 * page showed it (the step was never possible there), or gone — and the error stands.
 */
export async function answerIfMovedOn({ error, stageShown, stageNow, values, shownTo }: MovedOnQuestion): Promise<FormState | null> {
  if (!isAppError(error) || error.code !== 'conflict' || stageShown === undefined) return null;
  const stage = await stageNow();
  if (stage === null || stage === stageShown) return null;
  return { status: 'error', message: 'errors.conflict', fieldErrors: { form: MOVED_ON_EXPLANATIONS[shownTo] }, values: { ...values, stage } };
}
