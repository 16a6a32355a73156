// The account life cycle against a real SMTP server started by the test: password reset,
// e-mail confirmation and change, password change, consent to the privacy notice and
// terms, and the e-mail choices of the profile. On PGlite and on PostgreSQL.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountTokens, consents, users } from '@/db/schema';
import { sendAccountEmailLater } from '@/lib/accounts/account-emails';
import { hashAccountToken } from '@/lib/accounts/account-tokens';
import { authenticate } from '@/lib/accounts/authenticate';
import { confirmEmail, prepareEmailConfirmation, resendEmailConfirmation } from '@/lib/accounts/email-verification';
import { findUserById } from '@/lib/accounts/find-user';
import { currentLegalDocuments, ensureLegalDocuments, publishLegalDocument, recordConsent } from '@/lib/accounts/legal-documents';
import { isPasswordResetLinkUsable, requestPasswordReset, resetPassword } from '@/lib/accounts/password-reset';
import { changePassword, loadProfile, requestEmailChange, updatePreferences, updatePublicName } from '@/lib/accounts/profile';
import { createSession, isSessionActive } from '@/lib/auth/sessions';
import { createMailer, type Mailer } from '@/lib/notifications/mailer';
import { parseEnvironment } from '@/lib/env';
import { memoryRateLimitStore } from '@/lib/rate-limit/store';
import { linkIn, startMailCatcher, type MailCatcher } from '../support/mail-catcher';
import { createActor, uniqueEmail } from './support/actors';
import { testBackends, useSuiteDatabase } from './support/databases';

const PASSWORD = 'correct horse battery';
const NEW_PASSWORD = 'a brand new passphrase';
let addressCounter = 0;
const address = () => `198.51.100.${(addressCounter += 1) % 250}`;
const tokenFrom = (link: string) => new URL(link).searchParams.get('token')!;

let catcher: MailCatcher;
let mailer: Mailer;

beforeAll(async () => {
  catcher = await startMailCatcher();
  mailer = createMailer(parseEnvironment({ SMTP_URL: catcher.smtpUrl, NEXTAUTH_URL: 'https://participa.example' }))!;
});
afterAll(() => catcher.close());

describe.each(testBackends)('the account life cycle on $name', (backend) => {
  const handle = useSuiteDatabase(backend);

  describe('password reset', () => {
    it('mails a single-use link that sets a new password, ends every session and confirms the address', async () => {
      const person = await createActor(handle.db, 'resident');
      const sessions = await Promise.all([createSession(handle.db, { userId: person.id }), createSession(handle.db, { userId: person.id })]);

      const mail = await requestPasswordReset(handle.db, { email: person.email.toUpperCase(), address: address(), limits: memoryRateLimitStore() });
      expect(mail).not.toBeNull();
      await sendAccountEmailLater(mail!, mailer);
      const received = await catcher.waitForMail(person.email, (message) => message.subject === 'Reset your Participa password');
      const link = linkIn(received, '/reset-password');
      expect(link.startsWith('https://participa.example/reset-password?token=')).toBe(true);
      expect(received.text).toContain('within 1 hour');

      // Only the hash is stored.
      const [stored] = await handle.db.select().from(accountTokens).where(eq(accountTokens.userId, person.id));
      expect(stored?.tokenHash).toBe(hashAccountToken(tokenFrom(link)));
      expect(JSON.stringify(stored)).not.toContain(tokenFrom(link));

      const outcome = await resetPassword(handle.db, { token: tokenFrom(link), password: NEW_PASSWORD });
      expect(outcome).toEqual({ userId: person.id, sessionsEnded: 2 });
      for (const session of sessions) expect(await isSessionActive(handle.db, { sessionId: session.id, userId: person.id })).toBe(false);
      await expect(authenticate(handle.db, { email: person.email, password: NEW_PASSWORD, address: address(), limits: memoryRateLimitStore() })).resolves.toMatchObject({ id: person.id });
      await expect(authenticate(handle.db, { email: person.email, password: PASSWORD, address: address(), limits: memoryRateLimitStore() })).resolves.toBeNull();
      expect((await findUserById(handle.db, person.id))?.emailVerified).toBe(true);

      // Used once only.
      await expect(resetPassword(handle.db, { token: tokenFrom(link), password: 'yet another passphrase' })).rejects.toMatchObject({ fieldErrors: { form: 'resetLinkExpired' } });
    });

    it('leaves one usable link when two are asked for at the same moment', async () => {
      const person = await createActor(handle.db, 'resident');
      const now = new Date();
      const mails = await Promise.all([0, 1, 2].map(() => requestPasswordReset(handle.db, { email: person.email, address: address(), limits: memoryRateLimitStore(), now })));
      const usable = await Promise.all(mails.map((mail) => isPasswordResetLinkUsable(handle.db, mail!.token, now)));
      expect(usable.filter(Boolean)).toHaveLength(1);
    });

    it('answers alike for an unknown address and sends nothing', async () => {
      const unknown = uniqueEmail('nobody');
      await expect(requestPasswordReset(handle.db, { email: unknown, address: address(), limits: memoryRateLimitStore() })).resolves.toBeNull();
    });

    it('refuses a link older than an hour, and one superseded by a newer mail', async () => {
      const person = await createActor(handle.db, 'resident');
      const asked = new Date('2026-03-01T10:00:00Z');
      const first = await requestPasswordReset(handle.db, { email: person.email, address: address(), limits: memoryRateLimitStore(), now: asked });
      await expect(resetPassword(handle.db, { token: first!.token, password: NEW_PASSWORD, now: new Date(asked.getTime() + 61 * 60_000) })).rejects.toMatchObject({
        fieldErrors: { form: 'resetLinkExpired' },
      });
      const second = await requestPasswordReset(handle.db, { email: person.email, address: address(), limits: memoryRateLimitStore(), now: asked });
      const third = await requestPasswordReset(handle.db, { email: person.email, address: address(), limits: memoryRateLimitStore(), now: asked });
      await expect(resetPassword(handle.db, { token: second!.token, password: NEW_PASSWORD, now: asked })).rejects.toMatchObject({ fieldErrors: { form: 'resetLinkExpired' } });
      await expect(resetPassword(handle.db, { token: third!.token, password: NEW_PASSWORD, now: new Date(asked.getTime() + 59 * 60_000) })).resolves.toMatchObject({ userId: person.id });
    });

    it('voids reset links once the password or the address has changed since', async () => {
      const person = await createActor(handle.db, 'resident');
      const beforePasswordChange = await requestPasswordReset(handle.db, { email: person.email, address: address(), limits: memoryRateLimitStore() });
      await changePassword(handle.db, { actor: person, currentPassword: PASSWORD, newPassword: NEW_PASSWORD, currentSessionId: null, address: address(), limits: memoryRateLimitStore() });
      await expect(resetPassword(handle.db, { token: beforePasswordChange!.token, password: 'yet another passphrase' })).rejects.toMatchObject({ fieldErrors: { form: 'resetLinkExpired' } });

      const beforeMove = await requestPasswordReset(handle.db, { email: person.email, address: address(), limits: memoryRateLimitStore() });
      const move = await requestEmailChange(handle.db, { actor: person, email: uniqueEmail('moved-again'), currentPassword: NEW_PASSWORD, address: address(), limits: memoryRateLimitStore() });
      await confirmEmail(handle.db, { token: move!.token });
      await expect(resetPassword(handle.db, { token: beforeMove!.token, password: 'yet another passphrase' })).rejects.toMatchObject({ fieldErrors: { form: 'resetLinkExpired' } });
    });

    it('keeps the link usable when the new password is refused', async () => {
      const person = await createActor(handle.db, 'resident');
      const mail = await requestPasswordReset(handle.db, { email: person.email, address: address(), limits: memoryRateLimitStore() });
      await expect(resetPassword(handle.db, { token: mail!.token, password: 'password12' })).rejects.toMatchObject({ fieldErrors: { password: 'passwordCommon' } });
      await expect(resetPassword(handle.db, { token: mail!.token, password: person.email })).rejects.toMatchObject({ fieldErrors: { password: 'passwordIsEmail' } });
      await expect(resetPassword(handle.db, { token: mail!.token, password: NEW_PASSWORD })).resolves.toMatchObject({ userId: person.id });
    });

    it('sends an account at most five mails an hour asked from one address and twenty from all, with the same answer beyond', async () => {
      const person = await createActor(handle.db, 'resident');
      const limits = memoryRateLimitStore();
      const ask = (from: string) => requestPasswordReset(handle.db, { email: person.email, address: from, limits });
      const fromOne = [];
      for (let attempt = 0; attempt < 7; attempt += 1) fromOne.push(await ask('203.0.113.1'));
      expect(fromOne.filter((answer) => answer !== null)).toHaveLength(5);
      // The holder, from their own connection, still gets one.
      expect(await ask('203.0.113.200')).not.toBeNull();
      const fromMany = [];
      for (let attempt = 0; attempt < 20; attempt += 1) fromMany.push(await ask(`203.0.113.${10 + attempt}`));
      expect(fromMany.filter((answer) => answer !== null)).toHaveLength(14);
    });
  });

  describe('e-mail confirmation', () => {
    it('confirms the address from the received link, once', async () => {
      const person = await createActor(handle.db, 'resident');
      expect((await findUserById(handle.db, person.id))?.emailVerified).toBe(false);
      await sendAccountEmailLater(await prepareEmailConfirmation(handle.db, { userId: person.id, email: person.email, locale: 'en' }), mailer);
      const link = linkIn(await catcher.waitForMail(person.email, (mail) => mail.subject === 'Confirm your e-mail address for Participa'), '/verify-email');

      await expect(confirmEmail(handle.db, { token: tokenFrom(link) })).resolves.toEqual({ status: 'confirmed', userId: person.id, addressChanged: false });
      expect((await findUserById(handle.db, person.id))?.emailVerified).toBe(true);
      await expect(confirmEmail(handle.db, { token: tokenFrom(link) })).resolves.toEqual({ status: 'invalid' });
      // Confirmed already: nothing more to send.
      await expect(resendEmailConfirmation(handle.db, { actor: person, address: address(), limits: memoryRateLimitStore() })).resolves.toBeNull();
    });

    it('changes the address only once the new one is confirmed, after the current password', async () => {
      const person = await createActor(handle.db, 'resident');
      const newAddress = uniqueEmail('moved');
      await expect(requestEmailChange(handle.db, { actor: person, email: newAddress, currentPassword: 'not my password', address: address(), limits: memoryRateLimitStore() })).rejects.toMatchObject({
        fieldErrors: { currentPassword: 'currentPasswordWrong' },
      });
      const mail = await requestEmailChange(handle.db, { actor: person, email: newAddress, currentPassword: PASSWORD, address: address(), limits: memoryRateLimitStore() });
      await sendAccountEmailLater(mail!, mailer);
      const link = linkIn(await catcher.waitForMail(newAddress, (message) => message.subject === 'Confirm your new e-mail address for Participa'), '/verify-email');
      expect((await loadProfile(handle.db, { actor: person })).email).toBe(person.email);

      await expect(confirmEmail(handle.db, { token: tokenFrom(link) })).resolves.toMatchObject({ status: 'confirmed', addressChanged: true });
      const profile = await loadProfile(handle.db, { actor: person });
      expect(profile.email).toBe(newAddress);
      expect(profile.emailVerifiedAt).not.toBeNull();
      await expect(authenticate(handle.db, { email: newAddress, password: PASSWORD, address: address(), limits: memoryRateLimitStore() })).resolves.toMatchObject({ id: person.id });
    });

    it('does not hand over an address another account took meanwhile', async () => {
      const person = await createActor(handle.db, 'resident');
      const contested = uniqueEmail('contested');
      const mail = await requestEmailChange(handle.db, { actor: person, email: contested, currentPassword: PASSWORD, address: address(), limits: memoryRateLimitStore() });
      await handle.db.update(users).set({ email: contested }).where(eq(users.id, (await createActor(handle.db, 'resident')).id));
      await expect(confirmEmail(handle.db, { token: mail!.token })).resolves.toEqual({ status: 'taken' });
      expect((await loadProfile(handle.db, { actor: person })).email).toBe(person.email);
    });
  });

  describe('the profile', () => {
    it('changes the password after the current one, ending the other sessions but not this one', async () => {
      const person = await createActor(handle.db, 'resident');
      const here = await createSession(handle.db, { userId: person.id });
      const elsewhere = await createSession(handle.db, { userId: person.id });
      await expect(
        changePassword(handle.db, { actor: person, currentPassword: 'wrong', newPassword: NEW_PASSWORD, currentSessionId: here.id, address: address(), limits: memoryRateLimitStore() }),
      ).rejects.toMatchObject({ fieldErrors: { currentPassword: 'currentPasswordWrong' } });
      await expect(
        changePassword(handle.db, { actor: person, currentPassword: PASSWORD, newPassword: 'password12', currentSessionId: here.id, address: address(), limits: memoryRateLimitStore() }),
      ).rejects.toMatchObject({ fieldErrors: { newPassword: 'passwordCommon' } });
      await expect(
        changePassword(handle.db, { actor: person, currentPassword: PASSWORD, newPassword: NEW_PASSWORD, currentSessionId: here.id, address: address(), limits: memoryRateLimitStore() }),
      ).resolves.toBe(1);
      expect(await isSessionActive(handle.db, { sessionId: here.id, userId: person.id })).toBe(true);
      expect(await isSessionActive(handle.db, { sessionId: elsewhere.id, userId: person.id })).toBe(false);
    });

    it('shows a pseudonym instead of the name, and refuses a staff member’s name as one', async () => {
      const moderator = await createActor(handle.db, 'moderator', `Moderator ${uniqueEmail('m').slice(0, 12)}`);
      const person = await createActor(handle.db, 'resident');
      await updatePublicName(handle.db, { actor: person, name: 'Rosa Vidal', pseudonym: 'Rosa V.' });
      expect(await loadProfile(handle.db, { actor: person })).toMatchObject({ name: 'Rosa Vidal', pseudonym: 'Rosa V.' });
      await expect(updatePublicName(handle.db, { actor: person, name: 'Rosa Vidal', pseudonym: moderator.name })).rejects.toMatchObject({ fieldErrors: { pseudonym: 'nameOfStaffMember' } });
      await updatePublicName(handle.db, { actor: person, name: 'Rosa Vidal', pseudonym: undefined });
      expect((await loadProfile(handle.db, { actor: person })).pseudonym).toBeNull();
    });

    it('keeps the language and the e-mail choice', async () => {
      const person = await createActor(handle.db, 'resident');
      await updatePreferences(handle.db, { actor: person, locale: 'en', emailDelivery: 'none' });
      expect(await loadProfile(handle.db, { actor: person })).toMatchObject({ locale: 'en', emailDelivery: 'none' });
    });
  });

  describe('the privacy notice and the terms', () => {
    it('asks everyone again when an administrator publishes a new version, and refuses agreement to a stale one', async () => {
      await ensureLegalDocuments(handle.db);
      const before = await currentLegalDocuments(handle.db);
      const person = await createActor(handle.db, 'resident');
      expect((await findUserById(handle.db, person.id))?.hasConsentOutstanding).toBe(true);
      await recordConsent(handle.db, { userId: person.id, agreed: { privacy_notice: before.privacy_notice!.version, terms: before.terms!.version } });
      expect((await findUserById(handle.db, person.id))?.hasConsentOutstanding).toBe(false);

      const admin = await createActor(handle.db, 'admin');
      await expect(publishLegalDocument(handle.db, { actor: person, kind: 'terms', body: 'New terms', changeSummary: null })).rejects.toMatchObject({ code: 'forbidden' });
      const published = await publishLegalDocument(handle.db, { actor: admin, kind: 'terms', body: '## Terms\nNew terms.', changeSummary: 'Clearer rules' });
      expect(published.version).toBe(before.terms!.version + 1);
      expect((await findUserById(handle.db, person.id))?.hasConsentOutstanding).toBe(true);

      await expect(recordConsent(handle.db, { userId: person.id, agreed: { privacy_notice: before.privacy_notice!.version, terms: before.terms!.version } })).rejects.toMatchObject({
        fieldErrors: { form: 'legalDocumentsChanged' },
      });
      const at = new Date('2026-12-01T09:30:00Z');
      await recordConsent(handle.db, { userId: person.id, agreed: { privacy_notice: before.privacy_notice!.version, terms: published.version }, now: at });
      expect((await findUserById(handle.db, person.id))?.hasConsentOutstanding).toBe(false);
      const recorded = await handle.db.select().from(consents).where(eq(consents.userId, person.id));
      expect(recorded).toContainEqual({ userId: person.id, kind: 'terms', version: published.version, acceptedAt: at });
    });
  });
});
