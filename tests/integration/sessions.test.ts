// Server-side sessions: what makes a session cookie stop working (lib/auth/sessions.ts),
// and that a role change ends the changed person's sessions.
import { eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { userSessions } from '@/db/schema';
import { changeUserRole } from '@/lib/accounts/change-user-role';
import {
  createSession,
  isSessionActive,
  pruneExpiredSessions,
  revokeAllSessions,
  revokeOtherSessions,
  revokeSession,
  SESSION_MAX_AGE_SECONDS,
} from '@/lib/auth/sessions';
import { createActor } from './support/actors';
import { testBackends, useSuiteDatabase } from './support/databases';

const DAY_MS = 24 * 60 * 60 * 1000;

describe.each(testBackends)('user sessions on $name', (backend) => {
  const handle = useSuiteDatabase(backend);

  async function resident() {
    return createActor(handle.db, 'resident');
  }

  function isActive(sessionId: unknown, userId: unknown, now?: Date) {
    return isSessionActive(handle.db, { sessionId, userId, now });
  }

  it('a new session is open for its own user only', async () => {
    const [owner, other] = [await resident(), await resident()];
    const session = await createSession(handle.db, { userId: owner.id });
    await expect(isActive(session.id, owner.id)).resolves.toBe(true);
    // A cookie is honoured only with the user it was issued to.
    await expect(isActive(session.id, other.id)).resolves.toBe(false);
  });

  it('a cookie without a session id, with a made-up one or with garbage is worth nothing', async () => {
    const owner = await resident();
    await expect(isActive(undefined, owner.id)).resolves.toBe(false);
    await expect(isActive(randomUUID(), owner.id)).resolves.toBe(false);
    await expect(isActive("x' or 1=1 --", owner.id)).resolves.toBe(false);
    const session = await createSession(handle.db, { userId: owner.id });
    await expect(isActive(session.id, undefined)).resolves.toBe(false);
  });

  it(`a session ends ${SESSION_MAX_AGE_SECONDS / 86_400} days after sign-in`, async () => {
    const owner = await resident();
    const signedInAt = new Date('2026-03-01T09:00:00Z');
    const session = await createSession(handle.db, { userId: owner.id, now: signedInAt });
    await expect(isActive(session.id, owner.id, new Date(signedInAt.getTime() + 29 * DAY_MS))).resolves.toBe(true);
    await expect(isActive(session.id, owner.id, new Date(signedInAt.getTime() + SESSION_MAX_AGE_SECONDS * 1000))).resolves.toBe(false);
    await expect(isActive(session.id, owner.id, new Date(signedInAt.getTime() + 31 * DAY_MS))).resolves.toBe(false);
  });

  it('signing out ends that session and no other', async () => {
    const owner = await resident();
    const laptop = await createSession(handle.db, { userId: owner.id });
    const phone = await createSession(handle.db, { userId: owner.id });
    await revokeSession(handle.db, { sessionId: laptop.id });
    await expect(isActive(laptop.id, owner.id)).resolves.toBe(false);
    await expect(isActive(phone.id, owner.id)).resolves.toBe(true);
    // Signing out twice, or with a cookie that named no session, is harmless.
    await expect(revokeSession(handle.db, { sessionId: laptop.id })).resolves.toBeUndefined();
    await expect(revokeSession(handle.db, { sessionId: undefined })).resolves.toBeUndefined();
  });

  it('signing out everywhere ends every session of that person, and nobody else’s', async () => {
    const [owner, neighbour] = [await resident(), await resident()];
    const sessions = [await createSession(handle.db, { userId: owner.id }), await createSession(handle.db, { userId: owner.id })];
    const neighbours = await createSession(handle.db, { userId: neighbour.id });
    await expect(revokeAllSessions(handle.db, owner.id)).resolves.toBe(2);
    for (const session of sessions) await expect(isActive(session.id, owner.id)).resolves.toBe(false);
    await expect(isActive(neighbours.id, neighbour.id)).resolves.toBe(true);
  });

  it('after a password change the other devices are signed out and the current one stays', async () => {
    const owner = await resident();
    const current = await createSession(handle.db, { userId: owner.id });
    const others = [await createSession(handle.db, { userId: owner.id }), await createSession(handle.db, { userId: owner.id })];
    await expect(revokeOtherSessions(handle.db, owner.id, current.id)).resolves.toBe(2);
    await expect(isActive(current.id, owner.id)).resolves.toBe(true);
    for (const session of others) await expect(isActive(session.id, owner.id)).resolves.toBe(false);
    // A session signed in afterwards is a new one and works.
    const later = await createSession(handle.db, { userId: owner.id });
    await expect(isActive(later.id, owner.id)).resolves.toBe(true);
  });

  it('pruning deletes expired and revoked sessions and keeps the open ones', async () => {
    const owner = await resident();
    const now = new Date('2026-06-01T12:00:00Z');
    const expired = await createSession(handle.db, { userId: owner.id, now: new Date(now.getTime() - 31 * DAY_MS) });
    const revoked = await createSession(handle.db, { userId: owner.id, now });
    await revokeSession(handle.db, { sessionId: revoked.id, now });
    const open = await createSession(handle.db, { userId: owner.id, now });
    await pruneExpiredSessions(handle.db, { now });
    const left = await handle.db.select({ id: userSessions.id }).from(userSessions).where(eq(userSessions.userId, owner.id));
    expect(left.map((row) => row.id)).toEqual([open.id]);
    expect([expired.id, revoked.id]).not.toContain(left[0]?.id);
    await expect(isActive(open.id, owner.id, now)).resolves.toBe(true);
  });

  it('an administrator changing a person’s role ends that person’s sessions, not the administrator’s', async () => {
    const admin = await createActor(handle.db, 'admin');
    const person = await resident();
    const adminSession = await createSession(handle.db, { userId: admin.id });
    const personSession = await createSession(handle.db, { userId: person.id });
    await changeUserRole(handle.db, { actor: admin, userId: person.id, role: 'moderator' });
    await expect(isActive(personSession.id, person.id)).resolves.toBe(false);
    await expect(isActive(adminSession.id, admin.id)).resolves.toBe(true);
  });

  it('saving the role a person already has signs nobody out', async () => {
    const admin = await createActor(handle.db, 'admin');
    const person = await resident();
    const personSession = await createSession(handle.db, { userId: person.id });
    await changeUserRole(handle.db, { actor: admin, userId: person.id, role: 'resident' });
    await expect(isActive(personSession.id, person.id)).resolves.toBe(true);
  });
});
