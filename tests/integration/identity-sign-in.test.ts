// Linking accounts of the city's identity provider to Participa accounts.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEntries, identityLinks, users } from '@/db/schema';
import { signInWithIdentity, UNVERIFIED_EMAIL, type ProviderIdentity } from '@/lib/accounts/identity-sign-in';
import { createSession, isSessionActive } from '@/lib/auth/sessions';
import { createActor, uniqueEmail } from './support/actors';
import { testBackends, useSuiteDatabase } from './support/databases';

const ISSUER = 'https://id.city.example';

describe.each(testBackends)('signing in through the identity provider on $name', (backend) => {
  const handle = useSuiteDatabase(backend);
  const identity = (overrides: Partial<ProviderIdentity> = {}): ProviderIdentity => ({
    issuer: ISSUER,
    subject: randomUUID(),
    email: uniqueEmail('staff'),
    emailVerified: true,
    name: 'Lena Staff',
    role: 'moderator',
    ...overrides,
  });

  it('creates an account the first time and finds it by the link afterwards, even with another address', async () => {
    const first = identity();
    const created = await signInWithIdentity(handle.db, first);
    expect(created).toMatchObject({ name: 'Lena Staff', role: 'moderator', linked: 'new_account' });
    const [row] = await handle.db.select().from(users).where(eq(users.id, created.userId));
    expect(row).toMatchObject({ email: first.email, passwordHash: null, role: 'moderator' });
    expect(row?.emailVerifiedAt).not.toBeNull();

    const again = await signInWithIdentity(handle.db, { ...first, email: uniqueEmail('renamed') });
    expect(again).toMatchObject({ userId: created.userId, linked: 'existing_link' });
  });

  it('joins an existing account by a verified address, and refuses to when the provider does not vouch for it', async () => {
    const resident = await createActor(handle.db, 'resident');
    await expect(signInWithIdentity(handle.db, identity({ email: resident.email.toUpperCase(), emailVerified: false }))).rejects.toMatchObject({ message: UNVERIFIED_EMAIL });
    expect(await handle.db.select().from(identityLinks).where(eq(identityLinks.userId, resident.id))).toEqual([]);

    const joined = await signInWithIdentity(handle.db, identity({ email: resident.email, role: 'admin' }));
    expect(joined).toMatchObject({ userId: resident.id, role: 'admin', linked: 'verified_email' });
  });

  it('follows the provider’s groups at every sign-in, ending old sessions and recording the change', async () => {
    const staff = identity({ role: 'admin' });
    const { userId } = await signInWithIdentity(handle.db, staff);
    const session = await createSession(handle.db, { userId });
    await signInWithIdentity(handle.db, { ...staff, role: 'resident' });
    const [row] = await handle.db.select({ role: users.role }).from(users).where(eq(users.id, userId));
    expect(row?.role).toBe('resident');
    expect(await isSessionActive(handle.db, { sessionId: session.id, userId })).toBe(false);
    const [entry] = await handle.db.select().from(auditEntries).where(eq(auditEntries.subjectId, userId));
    expect(entry).toMatchObject({ action: 'role_changed', actorId: null, details: { from: 'admin', to: 'resident', by: 'identity_provider' } });
  });
});
