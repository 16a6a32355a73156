import { describe, expect, it } from 'vitest';
import { authenticate } from '@/lib/accounts/authenticate';
import { changeUserRole } from '@/lib/accounts/change-user-role';
import { findUserById } from '@/lib/accounts/find-user';
import { listUsers } from '@/lib/accounts/list-users';
import { registerUser } from '@/lib/accounts/register-user';
import { ANONYMOUS } from '@/lib/auth/actor';
import { signUp } from '@/lib/accounts/sign-up';
import { SIGN_IN_MAX_FAILURES as MAX_FAILURES, SIGN_UP_MAX_PER_ADDRESS, THROTTLE_WINDOW_MS as FAILURE_WINDOW_MS } from '@/lib/auth/throttle';
import { AppError } from '@/lib/errors';
import { createActor, uniqueEmail } from './support/actors';
import { testBackends, useSuiteDatabase } from './support/databases';

const PASSWORD = 'a long enough password';

describe.each(testBackends)('accounts on $name', (backend) => {
  const handle = useSuiteDatabase(backend);

  describe('sign-up', () => {
    it('creates a resident whose e-mail is stored lower-case', async () => {
      const email = uniqueEmail('Mixed.Case');
      const user = await registerUser(handle.db, { name: '  Lucía  ', email: email.toUpperCase(), password: PASSWORD });
      expect(user).toMatchObject({ name: 'Lucía', email: email.toLowerCase(), role: 'resident' });
    });

    it('refuses an e-mail already in use, whatever its case, with a field error', async () => {
      const email = uniqueEmail();
      await registerUser(handle.db, { name: 'First', email, password: PASSWORD });
      const attempt = registerUser(handle.db, { name: 'Second', email: email.toUpperCase(), password: PASSWORD });
      await expect(attempt).rejects.toBeInstanceOf(AppError);
      await expect(attempt).rejects.toMatchObject({ code: 'conflict', fieldErrors: { email: 'emailTaken' } });
    });

    it('never stores the password itself', async () => {
      const email = uniqueEmail();
      const { id } = await registerUser(handle.db, { name: 'Hash', email, password: PASSWORD });
      const rows = await handle.db.query.users.findFirst({ where: (users, { eq }) => eq(users.id, id) });
      expect(rows?.passwordHash).toMatch(/^scrypt\$/);
      expect(rows?.passwordHash).not.toContain(PASSWORD);
    });
  });

  describe('sign-in', () => {
    it('accepts the right password and rejects a wrong one or an unknown e-mail alike', async () => {
      const email = uniqueEmail();
      const { id } = await registerUser(handle.db, { name: 'Signer', email, password: PASSWORD });
      const address = `10.0.0.${Math.floor(Math.random() * 200)}`;
      await expect(authenticate(handle.db, { email, password: PASSWORD, address })).resolves.toMatchObject({ id, role: 'resident' });
      await expect(authenticate(handle.db, { email, password: 'wrong password!', address })).resolves.toBeNull();
      await expect(authenticate(handle.db, { email: uniqueEmail('nobody'), password: PASSWORD, address })).resolves.toBeNull();
    });

    it(`refuses every attempt after ${MAX_FAILURES} failures for one e-mail, even the right password, until the window passes`, async () => {
      const email = uniqueEmail();
      await registerUser(handle.db, { name: 'Target', email, password: PASSWORD });
      const start = new Date('2026-01-01T10:00:00Z');
      for (let attempt = 0; attempt < MAX_FAILURES; attempt += 1) {
        // Different addresses: the per-e-mail limit must hold on its own.
        const result = await authenticate(handle.db, { email, password: 'guess', address: `192.0.2.${attempt}`, now: start });
        expect(result).toBeNull();
      }
      await expect(authenticate(handle.db, { email, password: PASSWORD, address: '192.0.2.200', now: start })).rejects.toMatchObject({
        code: 'rate_limited',
      });
      const later = new Date(start.getTime() + FAILURE_WINDOW_MS + 1000);
      await expect(authenticate(handle.db, { email, password: PASSWORD, address: '192.0.2.200', now: later })).resolves.not.toBeNull();
    });

    it(`refuses an address after ${MAX_FAILURES} failures from it, whichever e-mails were tried`, async () => {
      const address = `198.51.100.${Math.floor(Math.random() * 250)}`;
      const now = new Date('2026-02-01T10:00:00Z');
      for (let attempt = 0; attempt < MAX_FAILURES; attempt += 1) {
        await authenticate(handle.db, { email: uniqueEmail('sprayed'), password: 'guess', address, now });
      }
      const email = uniqueEmail();
      await registerUser(handle.db, { name: 'Bystander', email, password: PASSWORD });
      await expect(authenticate(handle.db, { email, password: PASSWORD, address, now })).rejects.toMatchObject({ code: 'rate_limited' });
      await expect(authenticate(handle.db, { email, password: PASSWORD, address: '203.0.113.9', now })).resolves.not.toBeNull();
    });
  });

  it('counts guesses sent all at once: no more than the limit get a real answer', async () => {
    const email = uniqueEmail();
    await registerUser(handle.db, { name: 'Parallel', email, password: PASSWORD });
    const now = new Date('2026-03-01T10:00:00Z');
    const outcomes = await Promise.allSettled(
      Array.from({ length: 3 * MAX_FAILURES }, (_, attempt) =>
        authenticate(handle.db, { email, password: `guess ${attempt}`, address: `203.0.113.${attempt}`, now }),
      ),
    );
    const answered = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const refused = outcomes.filter((outcome) => outcome.status === 'rejected' && (outcome.reason as AppError).code === 'rate_limited');
    expect(answered.length).toBeLessThanOrEqual(MAX_FAILURES);
    expect(answered.length + refused.length).toBe(3 * MAX_FAILURES);
  });

  it(`refuses more than ${SIGN_UP_MAX_PER_ADDRESS} sign-ups from one address in the window, and keeps nothing of the refused one`, async () => {
    const address = `2001:db8::${Math.floor(Math.random() * 9999)}`;
    const now = new Date('2026-04-01T10:00:00Z');
    for (let attempt = 0; attempt < SIGN_UP_MAX_PER_ADDRESS; attempt += 1) {
      await signUp(handle.db, { name: 'Many', email: uniqueEmail('burst'), password: PASSWORD, locale: 'en', address, now });
    }
    const refusedEmail = uniqueEmail('refused');
    await expect(signUp(handle.db, { name: 'One too many', email: refusedEmail, password: PASSWORD, locale: 'en', address, now })).rejects.toMatchObject({
      code: 'rate_limited',
    });
    await expect(authenticate(handle.db, { email: refusedEmail, password: PASSWORD, address: '192.0.2.77', now })).resolves.toBeNull();
    await expect(
      signUp(handle.db, { name: 'Elsewhere', email: uniqueEmail(), password: PASSWORD, locale: 'en', address: '192.0.2.78', now }),
    ).resolves.toMatchObject({ role: 'resident' });
  });

  describe('roles', () => {
    it('lets an administrator change another account’s role, effective on the next lookup', async () => {
      const admin = await createActor(handle.db, 'admin');
      const resident = await createActor(handle.db, 'resident');
      await changeUserRole(handle.db, { actor: admin, userId: resident.id, role: 'moderator' });
      expect((await findUserById(handle.db, resident.id))?.role).toBe('moderator');
    });

    it('refuses role changes by anyone but an administrator, and an administrator’s change of their own role', async () => {
      const admin = await createActor(handle.db, 'admin');
      const moderator = await createActor(handle.db, 'moderator');
      const resident = await createActor(handle.db, 'resident');
      await expect(changeUserRole(handle.db, { actor: moderator, userId: resident.id, role: 'admin' })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(changeUserRole(handle.db, { actor: ANONYMOUS, userId: resident.id, role: 'admin' })).rejects.toMatchObject({
        code: 'unauthenticated',
      });
      await expect(changeUserRole(handle.db, { actor: admin, userId: admin.id, role: 'resident' })).rejects.toMatchObject({ code: 'forbidden' });
      expect((await findUserById(handle.db, resident.id))?.role).toBe('resident');
    });

    it('reports a missing account as not found', async () => {
      const admin = await createActor(handle.db, 'admin');
      await expect(
        changeUserRole(handle.db, { actor: admin, userId: '00000000-0000-4000-8000-000000000000', role: 'admin' }),
      ).rejects.toMatchObject({ code: 'not_found' });
    });

    it('lists accounts to administrators only', async () => {
      const admin = await createActor(handle.db, 'admin');
      const resident = await createActor(handle.db, 'resident');
      const listed = await listUsers(handle.db, { actor: admin });
      expect(listed.map((user) => user.email)).toEqual(expect.arrayContaining([admin.email, resident.email]));
      await expect(listUsers(handle.db, { actor: resident })).rejects.toMatchObject({ code: 'forbidden' });
    });
  });
});
