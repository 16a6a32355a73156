// Throttling of password guessing: more than MAX_FAILURES failed sign-ins for one
// e-mail or from one address within the window are refused. Kept in the database so
// every process of a deployment shares one count.
import { createHash } from 'node:crypto';
import { and, count, eq, gte, lt } from 'drizzle-orm';
import type { Db } from '@/db';
import { signInAttempts } from '@/db/schema';

export const MAX_FAILURES = 10;
export const FAILURE_WINDOW_MS = 10 * 60 * 1000;

/** Pseudonymises an e-mail for the attempts table. */
export function hashEmailForThrottle(email: string): string {
  return createHash('sha256').update(`participa-sign-in:${email.trim().toLowerCase()}`).digest('hex');
}

export async function isSignInThrottled(db: Db, { email, address, now = new Date() }: { email: string; address: string; now?: Date }): Promise<boolean> {
  const since = new Date(now.getTime() - FAILURE_WINDOW_MS);
  const emailHash = hashEmailForThrottle(email);
  const [byEmail] = await db
    .select({ failures: count() })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.succeeded, false), gte(signInAttempts.attemptedAt, since), eq(signInAttempts.emailHash, emailHash)));
  const [byAddress] = await db
    .select({ failures: count() })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.succeeded, false), gte(signInAttempts.attemptedAt, since), eq(signInAttempts.address, address)));
  return (byEmail?.failures ?? 0) >= MAX_FAILURES || (byAddress?.failures ?? 0) >= MAX_FAILURES;
}

export async function recordSignInAttempt(
  db: Db,
  { email, address, succeeded, now = new Date() }: { email: string; address: string; succeeded: boolean; now?: Date },
): Promise<void> {
  await db.insert(signInAttempts).values({ emailHash: hashEmailForThrottle(email), address, succeeded, attemptedAt: now });
}

/** Attempts older than the window no longer count; removing them keeps the table small. */
export async function pruneSignInAttempts(db: Db, now = new Date()): Promise<void> {
  const cutoff = new Date(now.getTime() - FAILURE_WINDOW_MS);
  await db.delete(signInAttempts).where(lt(signInAttempts.attemptedAt, cutoff));
}
