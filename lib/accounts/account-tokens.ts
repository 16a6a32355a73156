// Single-use links sent by e-mail: a password reset, an e-mail confirmation. The token is
// 256 random bits; only its SHA-256 is stored (a token this strong needs no slow hash),
// so neither a copy of the database nor its logs let anyone use a link. A token is used
// at most once: the update that marks it used is the check.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { accountTokens } from '@/db/schema';
import type { AccountTokenPurpose } from './vocabulary';

/** How long each kind of link works. */
export const ACCOUNT_TOKEN_LIFETIME_SECONDS: Record<AccountTokenPurpose, number> = {
  password_reset: 60 * 60,
  email_verification: 48 * 60 * 60,
};

/** A token as it travels in a link: 43 URL-safe characters. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function hashAccountToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function isWellFormedAccountToken(token: unknown): token is string {
  return typeof token === 'string' && TOKEN_PATTERN.test(token);
}

/**
 * Creates a link for one account and purpose, sent to `email`; earlier unused links of
 * the same purpose stop working, so only the newest mail counts. Returns the token.
 */
export async function issueAccountToken(
  db: Db,
  { userId, purpose, email, now = new Date() }: { userId: string; purpose: AccountTokenPurpose; email: string; now?: Date },
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.transaction(async (tx) => {
    // One account's links are made one at a time, so two requests at once leave one usable link.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`account-token:${userId}`}))`);
    await tx
      .update(accountTokens)
      .set({ usedAt: now })
      .where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt)));
    await tx.insert(accountTokens).values({
      userId,
      purpose,
      email,
      tokenHash: hashAccountToken(token),
      createdAt: now,
      expiresAt: new Date(now.getTime() + ACCOUNT_TOKEN_LIFETIME_SECONDS[purpose] * 1000),
    });
  });
  return token;
}

export interface RedeemedAccountToken {
  userId: string;
  email: string;
}

/**
 * Uses a link: returns whose it is and the address it went to, once; null when the token
 * is unknown, used, superseded or expired. Run inside the transaction that does what the
 * link allows, so that a failure there leaves the link usable.
 */
export async function redeemAccountToken(
  db: Db,
  { token, purpose, now = new Date() }: { token: unknown; purpose: AccountTokenPurpose; now?: Date },
): Promise<RedeemedAccountToken | null> {
  if (!isWellFormedAccountToken(token)) return null;
  const [redeemed] = await db
    .update(accountTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(accountTokens.tokenHash, hashAccountToken(token)),
        eq(accountTokens.purpose, purpose),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, now),
      ),
    )
    .returning({ userId: accountTokens.userId, email: accountTokens.email });
  return redeemed ?? null;
}

/** Whether a link would still work, without using it: the reset page asks before showing its form. */
export async function isAccountTokenUsable(db: Db, { token, purpose, now = new Date() }: { token: unknown; purpose: AccountTokenPurpose; now?: Date }): Promise<boolean> {
  if (!isWellFormedAccountToken(token)) return false;
  const [row] = await db
    .select({ id: accountTokens.id })
    .from(accountTokens)
    .where(and(eq(accountTokens.tokenHash, hashAccountToken(token)), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, now)))
    .limit(1);
  return row !== undefined;
}

/**
 * Ends every unused link of an account (of one purpose, or all): after its password or
 * address changes, a link mailed before must not work any more.
 */
export async function invalidateAccountTokens(db: Db, userId: string, { purpose, now = new Date() }: { purpose?: AccountTokenPurpose; now?: Date } = {}): Promise<void> {
  await db
    .update(accountTokens)
    .set({ usedAt: now })
    .where(and(eq(accountTokens.userId, userId), isNull(accountTokens.usedAt), purpose ? eq(accountTokens.purpose, purpose) : undefined));
}

/** Deletes used and expired links (they hold an address): run by the daily retention job. */
export async function pruneAccountTokens(db: Db, { now = new Date() }: { now?: Date } = {}): Promise<number> {
  const deleted = await db
    .delete(accountTokens)
    .where(or(isNotNull(accountTokens.usedAt), lt(accountTokens.expiresAt, now)))
    .returning({ id: accountTokens.id });
  return deleted.length;
}
