// Linking accounts of the city's identity provider to Participa accounts.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEntries, identityLinks, users } from '@/db/schema';
import { authenticate } from '@/lib/accounts/authenticate';
import { signInWithIdentity, UNVERIFIED_EMAIL, type ProviderIdentity } from '@/lib/accounts/identity-sign-in';
import { requestPasswordReset } from '@/lib/accounts/password-reset';
import { registerUser } from '@/lib/accounts/register-user';
import { memoryRateLimitStore } from '@/lib/rate-limit/store';
import { createSession, isSessionActive } from '@/lib/auth/sessions';
import { createActor, uniqueEmail } from './support/actors';
import { testBackends, useSuiteDatabase } from './support/databases';

const ISSUER = 'https://id.city.example';
const PASSWORD = 'correct horse battery';

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

  it('takes over an account someone registered with the address without confirming it: its password no longer signs in', async () => {
    const email = uniqueEmail('squatted');
    const squatter = await registerUser(handle.db, { name: 'Not The Staff Member', email, password: PASSWORD });
    const squatterSession = await createSession(handle.db, { userId: squatter.id });
    const staff = await signInWithIdentity(handle.db, identity({ email, role: 'admin' }));
    expect(staff).toMatchObject({ userId: squatter.id, role: 'admin', linked: 'verified_email' });
    await expect(authenticate(handle.db, { email, password: PASSWORD, address: '192.0.2.50', limits: memoryRateLimitStore() })).resolves.toBeNull();
    expect(await isSessionActive(handle.db, { sessionId: squatterSession.id, userId: squatter.id })).toBe(false);
    // And no password can be set again by e-mail: the provider signs this account in.
    await expect(requestPasswordReset(handle.db, { email, address: '192.0.2.51', limits: memoryRateLimitStore() })).resolves.toBeNull();
  });

  it('leaves roles alone when no role map is configured', async () => {
    const moderator = await createActor(handle.db, 'moderator');
    const signedIn = await signInWithIdentity(handle.db, identity({ email: moderator.email, role: null }));
    expect(signedIn).toMatchObject({ userId: moderator.id, role: 'moderator' });
    const created = await signInWithIdentity(handle.db, identity({ role: null }), { defaultRole: 'resident' });
    expect(created.role).toBe('resident');
  });

  it('never demotes the last administrator', async () => {
    // Every other administrator of this suite's database is demoted first.
    await handle.db.update(users).set({ role: 'resident' }).where(eq(users.role, 'admin'));
    const only = identity({ role: 'admin' });
    const { userId } = await signInWithIdentity(handle.db, only);
    await expect(signInWithIdentity(handle.db, { ...only, role: 'resident' })).resolves.toMatchObject({ userId, role: 'admin' });
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
