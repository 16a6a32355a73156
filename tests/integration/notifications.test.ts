import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ANONYMOUS } from '@/lib/auth/actor';
import { parseEnvironment } from '@/lib/env';
import { replyToInput } from '@/lib/inputs/reply';
import { moderateInput } from '@/lib/moderation/moderate';
import { createMailer, setMailerForTests, type MailMessage, type MailTransport } from '@/lib/notifications/mailer';
import { countUnread, listNotifications, markAllRead, markRead } from '@/lib/notifications/queries';
import { updatePreferences } from '@/lib/accounts/profile';
import { startMailCatcher } from '../support/mail-catcher';
import { createActor } from './support/actors';
import { createTestConsultation } from './support/consultations';
import { testBackends, useSuiteDatabase } from './support/databases';
import { submitTestInput } from './support/inputs';

/** A transport that keeps what it was given, or fails like a mail server refusing the recipient. */
function fakeTransport({ failWith }: { failWith?: Error } = {}): MailTransport & { sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  return {
    sent,
    async sendMail(message) {
      if (failWith) throw failWith;
      sent.push(message);
    },
  };
}

function useFakeMailer(transport: MailTransport): void {
  const environment = parseEnvironment({ SMTP_URL: 'smtp://mail.participa.example:587', NEXTAUTH_URL: 'https://participa.example/' });
  setMailerForTests(createMailer(environment, () => transport));
}

describe.each(testBackends)('notifications on $name', (backend) => {
  const handle = useSuiteDatabase(backend);

  afterEach(() => {
    setMailerForTests(undefined);
    vi.restoreAllMocks();
  });

  it('tells an author about replies by others, not about their own', async () => {
    const author = await createActor(handle.db, 'resident');
    const replier = await createActor(handle.db, 'resident');
    const consultation = await createTestConsultation(handle.db);
    const input = await submitTestInput(handle.db, author, consultation.id);

    await replyToInput(handle.db, { actor: author, parentId: input.id, body: 'Adding a detail myself.', submissionKey: randomUUID() });
    expect(await countUnread(handle.db, { actor: author })).toBe(0);

    const replyFields = { parentId: input.id, body: 'Good idea!', submissionKey: randomUUID() };
    await replyToInput(handle.db, { actor: replier, ...replyFields });
    await replyToInput(handle.db, { actor: replier, ...replyFields });
    expect(await countUnread(handle.db, { actor: author })).toBe(1);
    expect(await listNotifications(handle.db, { actor: author })).toEqual([
      expect.objectContaining({
        kind: 'input_replied',
        consultation: { id: consultation.id, title: 'Test consultation (open)' },
        input: { id: input.id, number: input.number },
        readAt: null,
      }),
    ]);
    expect(await listNotifications(handle.db, { actor: replier })).toEqual([]);
  });

  it('marks one or all notifications read, only the reader’s own', async () => {
    const author = await createActor(handle.db, 'resident');
    const stranger = await createActor(handle.db, 'resident');
    const moderator = await createActor(handle.db, 'moderator');
    const { id: consultationId } = await createTestConsultation(handle.db, { moderationMode: 'pre' });
    for (let index = 0; index < 3; index += 1) {
      const input = await submitTestInput(handle.db, author, consultationId);
      await moderateInput(handle.db, { actor: moderator, action: 'publish', inputId: input.id });
    }
    expect(await countUnread(handle.db, { actor: author })).toBe(3);

    const [newest] = await listNotifications(handle.db, { actor: author });
    await expect(markRead(handle.db, { actor: stranger, notificationId: newest!.id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(markAllRead(handle.db, { actor: ANONYMOUS })).rejects.toMatchObject({ code: 'unauthenticated' });
    await markAllRead(handle.db, { actor: stranger });
    expect(await countUnread(handle.db, { actor: author })).toBe(3);

    await markRead(handle.db, { actor: author, notificationId: newest!.id });
    await markRead(handle.db, { actor: author, notificationId: newest!.id });
    expect(await countUnread(handle.db, { actor: author })).toBe(2);
    await markAllRead(handle.db, { actor: author });
    expect(await countUnread(handle.db, { actor: author })).toBe(0);
    expect((await listNotifications(handle.db, { actor: author })).every((notification) => notification.readAt !== null)).toBe(true);
  });

  it('e-mails the recipient in their language, with the reason and a link, through a real SMTP server', async () => {
    const catcher = await startMailCatcher();
    try {
      setMailerForTests(createMailer(parseEnvironment({ SMTP_URL: catcher.smtpUrl, NEXTAUTH_URL: 'https://participa.example/' })));
      const author = await createActor(handle.db, 'resident');
      const moderator = await createActor(handle.db, 'moderator');
      const { id: consultationId } = await createTestConsultation(handle.db);
      const input = await submitTestInput(handle.db, author, consultationId);

      await moderateInput(handle.db, { actor: moderator, inputId: input.id, action: 'hide', reason: 'personal_data', note: 'Names a private person.' });
      const mail = await catcher.waitForMail(author.email);
      expect(mail).toMatchObject({ from: 'no-reply@participa.example', subject: `Your input #${input.number} was hidden` });
      expect(mail.headers.from).toContain('Participa');
      expect(mail.text).toContain('Contains personal data');
      expect(mail.text).toContain('Names a private person.');
      expect(mail.text).toContain('https://participa.example/notifications');

      // Someone who chose no e-mail is told in the app only.
      await updatePreferences(handle.db, { actor: author, locale: 'en', emailDelivery: 'none' });
      await moderateInput(handle.db, { actor: moderator, inputId: input.id, action: 'restore' });
      expect(await countUnread(handle.db, { actor: author })).toBe(2);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(catcher.messages.filter((message) => message.to.includes(author.email))).toHaveLength(1);

      // A mail server that refuses is logged without the address; the decision stands.
      const lines: string[] = [];
      vi.spyOn(console, 'error').mockImplementation((line: string) => lines.push(line));
      await updatePreferences(handle.db, { actor: author, locale: 'en', emailDelivery: 'immediate' });
      catcher.failNext(1);
      await moderateInput(handle.db, { actor: moderator, inputId: input.id, action: 'hide', reason: 'spam', note: 'Again.' });
      await vi.waitFor(() => expect(lines.join('\n')).toContain('SMTP 451'));
      expect(lines.join('\n')).not.toContain(author.email);
      expect(await countUnread(handle.db, { actor: author })).toBe(3);
    } finally {
      await catcher.close();
    }
  });

  it('sends no e-mail without SMTP_URL, and still notifies in the app', async () => {
    const createTransport = vi.fn(() => fakeTransport());
    setMailerForTests(createMailer(parseEnvironment({}), createTransport));
    const author = await createActor(handle.db, 'resident');
    const moderator = await createActor(handle.db, 'moderator');
    const { id: consultationId } = await createTestConsultation(handle.db);
    const input = await submitTestInput(handle.db, author, consultationId);

    await moderateInput(handle.db, { actor: moderator, inputId: input.id, action: 'hide', reason: 'spam', note: 'The same link ten times.' });
    expect(await countUnread(handle.db, { actor: author })).toBe(1);
    expect(createTransport).not.toHaveBeenCalled();
  });

  it('logs a failed e-mail without the address, and keeps the decision', async () => {
    const author = await createActor(handle.db, 'resident');
    const refusal = Object.assign(new Error(`550 5.1.1 <${author.email}>: Recipient address rejected`), { code: 'EENVELOPE', responseCode: 550 });
    useFakeMailer(fakeTransport({ failWith: refusal }));
    const lines: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: string) => lines.push(line));
    const moderator = await createActor(handle.db, 'moderator');
    const { id: consultationId } = await createTestConsultation(handle.db, { moderationMode: 'pre' });
    const input = await submitTestInput(handle.db, author, consultationId);

    await moderateInput(handle.db, { actor: moderator, action: 'publish', inputId: input.id });
    await vi.waitFor(() => expect(lines).toHaveLength(1));
    expect(lines[0]).toContain('EENVELOPE');
    expect(lines[0]).not.toContain(author.email);
    expect(await countUnread(handle.db, { actor: author })).toBe(1);
  });
});
