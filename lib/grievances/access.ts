// How a complainant gets into their case: with the reference and the access key (no
// account needed), with the follow cookie the codes (or filing) earned their browser
// (follow-cookie.ts), or as the signed-in account that filed it. A ComplainantAccess can
// only be made here, so a function that acts for the complainant (take-step.ts) cannot
// be called without one of these checks having passed.
//
// Guessing is answered the same way whatever was wrong (no such reference, wrong key,
// malformed input): "not found". Failures slow down further attempts on the same case
// from the same address, and, far later, from the same address on any case
// (lib/rate-limit/secret-attempts.ts); the right codes typed from anywhere else always
// open the case at once, and nobody waits longer than half a minute.
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { grievances } from '@/db/schema';
import { isSignedIn, type Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import { AppError, isAppError } from '@/lib/errors';
import { beginSecretAttempt } from '@/lib/rate-limit/secret-attempts';
import { databaseRateLimitStore, rateLimitKey, type RateLimitStore } from '@/lib/rate-limit/store';
import { accessKeyMatches, normalizeAccessKey, normalizeReference } from './codes';
import type { FollowPass } from './follow-cookie';

declare const verified: unique symbol;

/** Proof that the complainant of `grievanceId` is asking. */
export interface ComplainantAccess {
  readonly grievanceId: string;
  readonly reference: string;
  readonly [verified]: true;
}

const grant = (grievanceId: string, reference: string) => ({ grievanceId, reference }) as ComplainantAccess;

const notFound = () => new AppError('not_found', { detail: 'grievance code not matched', fieldErrors: { form: 'grievance.caseNotFound' } });

/**
 * Opens a case with what the complainant typed. `address` is the client's address
 * (lib/auth/client-address.ts), used only for counting failures.
 */
export async function openCaseWithKey(
  db: Db,
  {
    reference: typedReference,
    accessKey: typedKey,
    address,
    limits = databaseRateLimitStore(db),
  }: { reference: string; accessKey: string; address: string; limits?: RateLimitStore },
): Promise<ComplainantAccess> {
  const reference = normalizeReference(typedReference);
  const accessKey = normalizeAccessKey(typedKey);
  let attempt;
  try {
    attempt = await beginSecretAttempt(limits, [
      // Malformed references count together: they cannot open anything either.
      { policy: 'grievanceCodeCaseAddress', key: rateLimitKey(reference ?? 'malformed', address), clearsOnSuccess: true },
      { policy: 'grievanceCodeAddress', key: rateLimitKey(address), clearsOnSuccess: false },
    ]);
  } catch (error) {
    if (isAppError(error) && error.code === 'rate_limited') {
      throw new AppError('rate_limited', { detail: error.message, retryAfterSeconds: error.retryAfterSeconds, fieldErrors: { form: 'grievance.tooManyAttempts' } });
    }
    throw error;
  }
  const [found] = reference
    ? await db.select({ id: grievances.id, reference: grievances.reference, accessKeyHash: grievances.accessKeyHash }).from(grievances).where(eq(grievances.reference, reference)).limit(1)
    : [];
  const matches = found !== undefined && accessKey !== null && accessKeyMatches(accessKey, found.accessKeyHash);
  if (!matches) throw notFound();
  await attempt.succeeded();
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
