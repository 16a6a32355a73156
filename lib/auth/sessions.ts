// Server-side sessions. The session cookie (next-auth's JWT) names one user_sessions row
// by its id (`sid`); the cookie is worth something only while that row exists, belongs to
// the same user, is not revoked and has not expired. Signing out, "sign out everywhere",
// a role change and (issue 14) a password change revoke rows, so a copied or forgotten
// cookie stops working on the server, not only in the browser that signed out.
import { and, eq, gt, isNotNull, isNull, lte, ne, or } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db';
import { userSessions } from '@/db/schema';

/**
 * How long a session lasts from sign-in, whatever the cookie says: next-auth slides the
 * cookie's own expiry forward, the row does not, so no session outlives this.
 */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** How often server/index.ts deletes ended sessions. */
export const SESSION_PRUNE_INTERVAL_MS = 60 * 60 * 1000;

const sessionIdSchema = z.uuid();

/** Opens a session for a user who has just proved who they are; its id goes into the cookie. */
export async function createSession(db: Db, { userId, now = new Date() }: { userId: string; now?: Date }): Promise<{ id: string; expiresAt: Date }> {
  const [session] = await db
    .insert(userSessions)
    .values({ userId, createdAt: now, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000) })
    .returning({ id: userSessions.id, expiresAt: userSessions.expiresAt });
  return session!;
}

/** One primary-key lookup: is this cookie's session still open for this user? */
export async function isSessionActive(
  db: Db,
  { sessionId, userId, now = new Date() }: { sessionId: unknown; userId: unknown; now?: Date },
): Promise<boolean> {
  const id = sessionIdSchema.safeParse(sessionId);
  const user = sessionIdSchema.safeParse(userId);
  if (!id.success || !user.success) return false;
  const [row] = await db
    .select({ id: userSessions.id })
    .from(userSessions)
    .where(and(eq(userSessions.id, id.data), eq(userSessions.userId, user.data), isNull(userSessions.revokedAt), gt(userSessions.expiresAt, now)))
    .limit(1);
  return row !== undefined;
}

/** Ends one session (signing out). Ending a session that is gone or already ended does nothing. */
export async function revokeSession(db: Db, { sessionId, now = new Date() }: { sessionId: unknown; now?: Date }): Promise<void> {
  const id = sessionIdSchema.safeParse(sessionId);
  if (!id.success) return;
  await db
    .update(userSessions)
    .set({ revokedAt: now })
    .where(and(eq(userSessions.id, id.data), isNull(userSessions.revokedAt)));
}

/**
 * Ends every open session of a user, or every one but `except` (the session the person
 * is using when they change their own password). Returns how many were ended.
 */
export async function revokeAllSessions(db: Db, userId: string, { except, now = new Date() }: { except?: string; now?: Date } = {}): Promise<number> {
  const kept = except === undefined ? undefined : sessionIdSchema.safeParse(except);
  const ended = await db
    .update(userSessions)
    .set({ revokedAt: now })
    .where(
      and(
        eq(userSessions.userId, userId),
        isNull(userSessions.revokedAt),
        kept?.success ? ne(userSessions.id, kept.data) : undefined,
      ),
    )
    .returning({ id: userSessions.id });
  return ended.length;
}

/** After a password change: every other device signs in again, this one stays signed in. */
export function revokeOtherSessions(db: Db, userId: string, currentSessionId: string, { now = new Date() }: { now?: Date } = {}): Promise<number> {
  return revokeAllSessions(db, userId, { except: currentSessionId, now });
}

/**
 * Deletes the rows that can no longer let anyone in: expired or revoked ones (a missing
 * row refuses a cookie just as a revoked one does). Run periodically by server/index.ts.
 */
export async function pruneExpiredSessions(db: Db, { now = new Date() }: { now?: Date } = {}): Promise<number> {
  const deleted = await db
    .delete(userSessions)
    .where(or(lte(userSessions.expiresAt, now), isNotNull(userSessions.revokedAt)))
    .returning({ id: userSessions.id });
  return deleted.length;
}
