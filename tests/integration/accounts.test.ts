import { afterEach, describe, expect, it, vi } from 'vitest';
import { authenticate } from '@/lib/accounts/authenticate';
import { changeUserRole } from '@/lib/accounts/change-user-role';
import { findUserById } from '@/lib/accounts/find-user';
import { listUsers } from '@/lib/accounts/list-users';
import { registerUser } from '@/lib/accounts/register-user';
import { ANONYMOUS } from '@/lib/auth/actor';
import { signUp } from '@/lib/accounts/sign-up';
import { FAILURE_BACKOFF_POLICIES, RATE_LIMIT_POLICIES } from '@/lib/rate-limit/policies';
import { AppError } from '@/lib/errors';
import { createActor, uniqueEmail } from './support/actors';
import { testBackends, useSuiteDatabase } from './support/databases';

const PASSWORD = 'a long enough password';
/** This suite's database has no privacy notice or terms published, so there is nothing to agree to. */
const NO_TEXTS_PUBLISHED = { privacy_notice: 0, terms: 0 };
const SIGN_UP_PER_ADDRESS = RATE_LIMIT_POLICIES.signUp.points;

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

    // Guessing is slowed down, never locked: see lib/rate-limit/secret-attempts.ts.
    const accountAddress = FAILURE_BACKOFF_POLICIES.signInAccountAddress;
    const addressWide = FAILURE_BACKOFF_POLICIES.signInAddress;
    const refusal = (attempt: Promise<unknown>) => attempt.then(() => null, (error: unknown) => error as AppError);

    /** Clock of the counters, moved by hand so a test can wait out a delay at once. */
    function useClock(start: string) {
      let now = new Date(start).getTime();
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(now);
      return {
        advance(seconds: number) {
          now += seconds * 1000;
          vi.setSystemTime(now);
        },
      };
    }
    afterEach(() => {
      vi.useRealTimers();
    });

    async function failFor(email: string, address: string, times: number, clock: ReturnType<typeof useClock>) {
      for (let attempt = 0; attempt < times; attempt += 1) {
        const error = await refusal(authenticate(handle.db, { email, password: `guess ${attempt}`, address }));
        // A guesser who waits each delay out gets a real (wrong) answer every time.
        if (error) {
          expect(error.code).toBe('rate_limited');
          clock.advance(error.retryAfterSeconds!);
          attempt -= 1;
        }
      }
    }

    it("lets the owner in at once from another address while an attacker has failed 50 times for the account", async () => {
      const clock = useClock('2026-01-01T10:00:00Z');
      const email = uniqueEmail();
      const { id } = await registerUser(handle.db, { name: 'Target', email, password: PASSWORD });
      // The upper-case variant counts as the same account.
      await failFor(email, '192.0.2.10', 25, clock);
      await failFor(email.toUpperCase(), '192.0.2.10', 25, clock);
      await expect(authenticate(handle.db, { email, password: PASSWORD, address: '192.0.2.200' })).resolves.toMatchObject({ id });
    }, 120_000);

    it('makes the owner wait at most a short, bounded delay from the attacker’s own address, and then lets them in', async () => {
      const clock = useClock('2026-01-02T10:00:00Z');
      const email = uniqueEmail();
      const { id } = await registerUser(handle.db, { name: 'Shared address', email, password: PASSWORD });
      const address = '192.0.2.11';
      await failFor(email, address, 50, clock);
      const slowed = await refusal(authenticate(handle.db, { email, password: PASSWORD, address }));
      expect(slowed).toMatchObject({ code: 'rate_limited' });
      expect(slowed!.retryAfterSeconds).toBeLessThanOrEqual(accountAddress.maxDelaySeconds);
      clock.advance(slowed!.retryAfterSeconds!);
      await expect(authenticate(handle.db, { email, password: PASSWORD, address })).resolves.toMatchObject({ id });
    }, 120_000);

    it('does not count refused attempts: trying again during the wait never makes it longer', async () => {
      const clock = useClock('2026-01-03T10:00:00Z');
      const email = uniqueEmail();
      await registerUser(handle.db, { name: 'Patient', email, password: PASSWORD });
      const address = '192.0.2.12';
      await failFor(email, address, accountAddress.freeFailures + 3, clock);
      const first = await refusal(authenticate(handle.db, { email, password: 'again', address }));
      for (let retry = 0; retry < 20; retry += 1) {
        const again = await refusal(authenticate(handle.db, { email, password: 'again', address }));
        expect(again).toMatchObject({ code: 'rate_limited' });
        expect(again!.retryAfterSeconds).toBeLessThanOrEqual(first!.retryAfterSeconds!);
      }
      clock.advance(first!.retryAfterSeconds!);
      await expect(authenticate(handle.db, { email, password: PASSWORD, address })).resolves.not.toBeNull();
    });

    it('lets the other accounts of an address in at once after failures on made-up e-mails from it', async () => {
      const clock = useClock('2026-01-04T10:00:00Z');
      const address = '198.51.100.20';
      for (let attempt = 0; attempt < 11; attempt += 1) {
        await expect(authenticate(handle.db, { email: uniqueEmail('made-up'), password: 'guess', address })).resolves.toBeNull();
      }
      const email = uniqueEmail();
      await registerUser(handle.db, { name: 'Bystander', email, password: PASSWORD });
      await expect(authenticate(handle.db, { email, password: PASSWORD, address })).resolves.not.toBeNull();
      clock.advance(1);
    });

    it(`slows an address spraying many e-mails after ${addressWide.freeFailures} failures, for at most ${addressWide.maxDelaySeconds} s`, async () => {
      const clock = useClock('2026-01-05T10:00:00Z');
      const address = '198.51.100.21';
      for (let attempt = 0; attempt < addressWide.freeFailures; attempt += 1) {
        await expect(authenticate(handle.db, { email: uniqueEmail('sprayed'), password: 'guess', address })).resolves.toBeNull();
      }
      // Further failures are allowed only one per delay, whichever e-mail.
      await expect(authenticate(handle.db, { email: uniqueEmail('sprayed'), password: 'guess', address })).resolves.toBeNull();
      const slowed = await refusal(authenticate(handle.db, { email: uniqueEmail('sprayed'), password: 'guess', address }));
      expect(slowed).toMatchObject({ code: 'rate_limited' });
      for (let round = 0; round < 12; round += 1) {
        const error = await refusal(authenticate(handle.db, { email: uniqueEmail('sprayed'), password: 'guess', address }));
        if (error) {
          expect(error.retryAfterSeconds).toBeLessThanOrEqual(addressWide.maxDelaySeconds);
          clock.advance(error.retryAfterSeconds!);
        }
      }
      const email = uniqueEmail();
      await registerUser(handle.db, { name: 'Neighbour', email, password: PASSWORD });
      await expect(authenticate(handle.db, { email, password: PASSWORD, address: '203.0.113.21' })).resolves.not.toBeNull();
    }, 120_000);
  });

  it('checks at most one of a burst of guesses sent at once once the free failures are spent', async () => {
    const email = uniqueEmail();
    await registerUser(handle.db, { name: 'Parallel', email, password: PASSWORD });
    const address = '203.0.113.30';
    for (let attempt = 0; attempt < FAILURE_BACKOFF_POLICIES.signInAccountAddress.freeFailures; attempt += 1) {
      await authenticate(handle.db, { email, password: `guess ${attempt}`, address });
    }
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, attempt) => authenticate(handle.db, { email, password: `burst ${attempt}`, address })),
    );
    const answered = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const refused = outcomes.filter((outcome) => outcome.status === 'rejected' && (outcome.reason as AppError).code === 'rate_limited');
    expect(answered.length).toBeLessThanOrEqual(1);
    expect(answered.length + refused.length).toBe(20);
  });

  it(`refuses more than ${SIGN_UP_PER_ADDRESS} sign-ups from one address in the window, and keeps nothing of the refused one`, async () => {
    const address = `2001:db8::${Math.floor(Math.random() * 9999)}`;
    for (let attempt = 0; attempt < SIGN_UP_PER_ADDRESS; attempt += 1) {
      await signUp(handle.db, { name: 'Many', email: uniqueEmail('burst'), password: PASSWORD, agreed: NO_TEXTS_PUBLISHED, sendConfirmation: false, locale: 'en', address });
    }
    const refusedEmail = uniqueEmail('refused');
    const refused = signUp(handle.db, { name: 'One too many', email: refusedEmail, password: PASSWORD, agreed: NO_TEXTS_PUBLISHED, sendConfirmation: false, locale: 'en', address });
    await expect(refused).rejects.toMatchObject({ code: 'rate_limited' });
    expect(((await refused.catch((error: unknown) => error)) as AppError).retryAfterSeconds).toBeGreaterThan(0);
    await expect(authenticate(handle.db, { email: refusedEmail, password: PASSWORD, address: '192.0.2.77' })).resolves.toBeNull();
    await expect(
      signUp(handle.db, { name: 'Elsewhere', email: uniqueEmail(), password: PASSWORD, agreed: NO_TEXTS_PUBLISHED, sendConfirmation: false, locale: 'en', address: '192.0.2.78' }),
    ).resolves.toMatchObject({ user: { role: 'resident' } });
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
