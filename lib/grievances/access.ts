// How a complainant gets into their case: with the reference and the access key (no
// account needed), with the follow cookie the codes (or filing) earned their browser
// (follow-cookie.ts), or as the signed-in account that filed it. A ComplainantAccess can
// only be made here, so a function that acts for the complainant (take-step.ts) cannot
// be called without one of these checks having passed.
//
// Guessing is answered the same way whatever was wrong (no such reference, wrong key,
// malformed input): "not found". Failed attempts are counted per address in the
// throttling table shared with sign-in; past GRIEVANCE_CODE_MAX_FAILURES within the
// window every attempt from that address is refused, right key or not, until the window
// has passed.
import { and, count, eq, gte } from 'drizzle-orm';
import type { Db } from '@/db';
import { authAttempts, grievances } from '@/db/schema';
import { isSignedIn, type Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import { THROTTLE_WINDOW_MS } from '@/lib/auth/throttle';
import { AppError } from '@/lib/errors';
import { accessKeyMatches, normalizeAccessKey, normalizeReference } from './codes';
import type { FollowPass } from './follow-cookie';

export const GRIEVANCE_CODE_MAX_FAILURES = 10;

declare const verified: unique symbol;

/** Proof that the complainant of `grievanceId` is asking. */
export interface ComplainantAccess {
  readonly grievanceId: string;
  readonly reference: string;
  readonly [verified]: true;
}

const grant = (grievanceId: string, reference: string) => ({ grievanceId, reference }) as ComplainantAccess;

const notFound = () => new AppError('not_found', { detail: 'grievance code not matched', fieldErrors: { form: 'grievance.caseNotFound' } });

async function failuresFrom(db: Db, address: string, now: Date): Promise<number> {
  const [row] = await db
    .select({ failures: count() })
    .from(authAttempts)
    .where(
      and(
        eq(authAttempts.kind, 'grievance_code'),
        eq(authAttempts.address, address),
        eq(authAttempts.succeeded, false),
        gte(authAttempts.attemptedAt, new Date(now.getTime() - THROTTLE_WINDOW_MS)),
      ),
    );
  return row?.failures ?? 0;
}

/**
 * Opens a case with what the complainant typed. `address` is the client's address
 * (lib/auth/client-address.ts), used only for counting failures.
 */
export async function openCaseWithKey(
  db: Db,
  { reference: typedReference, accessKey: typedKey, address, now = new Date() }: { reference: string; accessKey: string; address: string; now?: Date },
): Promise<ComplainantAccess> {
  if ((await failuresFrom(db, address, now)) >= GRIEVANCE_CODE_MAX_FAILURES) {
    throw new AppError('rate_limited', { detail: 'grievance code attempts throttled', fieldErrors: { form: 'grievance.tooManyAttempts' } });
  }
  const reference = normalizeReference(typedReference);
  const accessKey = normalizeAccessKey(typedKey);
  const [found] = reference
    ? await db.select({ id: grievances.id, reference: grievances.reference, accessKeyHash: grievances.accessKeyHash }).from(grievances).where(eq(grievances.reference, reference)).limit(1)
    : [];
  const matches = found !== undefined && accessKey !== null && accessKeyMatches(accessKey, found.accessKeyHash);
  if (!matches) {
    // The reference is not stored with the failure: the table only counts.
    await db.insert(authAttempts).values({ kind: 'grievance_code', emailHash: '', address, succeeded: false, attemptedAt: now });
    throw notFound();
  }
  return grant(found.id, found.reference);
}

/** Opens a case for the signed-in account that filed it; anyone else gets "not found". */
export async function openCaseAsFiler(db: Db, actor: Actor, typedReference: string): Promise<ComplainantAccess> {
  const reference = normalizeReference(typedReference);
  if (!reference || !isSignedIn(actor)) throw notFound();
  const [found] = await db.select({ id: grievances.id, reference: grievances.reference, filerId: grievances.filerId }).from(grievances).where(eq(grievances.reference, reference)).limit(1);
  if (!found || !can(actor, 'grievance.follow', { holdsAccessKey: false, isFiler: found.filerId === actor.id })) throw notFound();
  return grant(found.id, found.reference);
}

/**
 * Opens a case for the browser that holds a verified follow cookie for it
 * (follow-cookie.ts): the pass must name this reference, and the case must still be
 * the one it was issued for. Anything else is "not found".
 */
export async function openCaseWithFollowPass(db: Db, { pass, reference: typedReference }: { pass: FollowPass | null; reference: string }): Promise<ComplainantAccess> {
  const reference = normalizeReference(typedReference);
  if (!pass || !reference || pass.reference !== reference) throw notFound();
  const [found] = await db
    .select({ id: grievances.id, reference: grievances.reference })
    .from(grievances)
    .where(and(eq(grievances.id, pass.grievanceId), eq(grievances.reference, reference)))
    .limit(1);
  if (!found) throw notFound();
  return grant(found.id, found.reference);
}

/** For a case just filed: the filer holds the key they were given a moment ago. */
export function accessOfNewCase(grievanceId: string, reference: string): ComplainantAccess {
  return grant(grievanceId, reference);
}
