// Throttling of password guessing and mass sign-ups, shared by every process of a
// deployment through the database.
//
// Sign-in: more than SIGN_IN_MAX_FAILURES failed attempts for one e-mail, or from one
// address, within the window are refused. The attempt is written as failed *before*
// the password is checked and counted after, so guesses sent in parallel cannot all
// slip past the count; a correct password then marks its row as succeeded. Refused
// attempts count as failures too: someone who keeps guessing stays locked out.
//
// Sign-up: more than SIGN_UP_MAX_PER_ADDRESS attempts from one address within the
// window are refused, which bounds both the scrypt work and probing for registered
// e-mails through the "already in use" message.
import { createHash } from 'node:crypto';
import { and, count, eq, gte, lt } from 'drizzle-orm';
import type { Db } from '@/db';
import { authAttempts } from '@/db/schema';

export const SIGN_IN_MAX_FAILURES = 10;
export const SIGN_UP_MAX_PER_ADDRESS = 10;
export const THROTTLE_WINDOW_MS = 10 * 60 * 1000;

/** Pseudonymises an e-mail for the attempts table. */
export function hashEmailForThrottle(email: string): string {
  return createHash('sha256').update(`participa-throttle:${email.trim().toLowerCase()}`).digest('hex');
}

interface AttemptInput {
  email: string;
  address: string;
  now?: Date;
}

async function countSince(db: Db, since: Date, ...conditions: Parameters<typeof and>) {
  const [row] = await db
    .select({ attempts: count() })
    .from(authAttempts)
    .where(and(gte(authAttempts.attemptedAt, since), ...conditions));
  return row?.attempts ?? 0;
}

export type SignInAttempt = { isThrottled: true } | { isThrottled: false; attemptId: string };

export async function beginSignInAttempt(db: Db, { email, address, now = new Date() }: AttemptInput): Promise<SignInAttempt> {
  const emailHash = hashEmailForThrottle(email);
  const [attempt] = await db
    .insert(authAttempts)
    .values({ kind: 'sign_in', emailHash, address, succeeded: false, attemptedAt: now })
    .returning({ id: authAttempts.id });
  if (!attempt) throw new Error('attempt insert returned no row');

  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const isFailure = and(eq(authAttempts.kind, 'sign_in'), eq(authAttempts.succeeded, false));
  const failuresForEmail = await countSince(db, since, isFailure, eq(authAttempts.emailHash, emailHash));
  const failuresFromAddress = await countSince(db, since, isFailure, eq(authAttempts.address, address));
  // Both counts include this attempt: the (MAX + 1)th is the first refused.
  const isThrottled = failuresForEmail > SIGN_IN_MAX_FAILURES || failuresFromAddress > SIGN_IN_MAX_FAILURES;
  return isThrottled ? { isThrottled } : { isThrottled, attemptId: attempt.id };
}

export async function markSignInSucceeded(db: Db, attemptId: string): Promise<void> {
  await db.update(authAttempts).set({ succeeded: true }).where(eq(authAttempts.id, attemptId));
}

/** Records a sign-up attempt and says whether it may go ahead. */
export async function allowSignUpAttempt(db: Db, { email, address, now = new Date() }: AttemptInput): Promise<boolean> {
  await db.insert(authAttempts).values({ kind: 'sign_up', emailHash: hashEmailForThrottle(email), address, succeeded: true, attemptedAt: now });
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const fromAddress = await countSince(db, since, eq(authAttempts.kind, 'sign_up'), eq(authAttempts.address, address));
  return fromAddress <= SIGN_UP_MAX_PER_ADDRESS;
}

/** Attempts older than the window no longer count; deleting them keeps no address for long. */
export async function pruneAuthAttempts(db: Db, now = new Date()): Promise<void> {
  await db.delete(authAttempts).where(lt(authAttempts.attemptedAt, new Date(now.getTime() - THROTTLE_WINDOW_MS)));
}
