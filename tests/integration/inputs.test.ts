import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { inputs } from '@/db/schema';
import { ANONYMOUS } from '@/lib/auth/actor';
import { findInputForActor, listConsultationInputs, listMyInputs } from '@/lib/inputs/queries';
import { recordAssistedInput } from '@/lib/inputs/record-assisted-input';
import { replyToInput } from '@/lib/inputs/reply';
import { reportInput } from '@/lib/inputs/report';
import { submitInput } from '@/lib/inputs/submit-input';
import { supportInput, withdrawSupport } from '@/lib/inputs/support';
import { moderateInput } from '@/lib/moderation/moderate';
import { createActor } from './support/actors';
import { createTestConsultation } from './support/consultations';
import { testBackends, useSuiteDatabase } from './support/databases';
import { addTestPlan, createOrganizationWithMember, inputFields, submitTestInput } from './support/inputs';

const DAY_MS = 24 * 60 * 60 * 1000;

describe.each(testBackends)('inputs on $name', (backend) => {
  const handle = useSuiteDatabase(backend);

  describe('submitting', () => {
    it('refuses input before the consultation opens and after it closes, saying which', async () => {
      const resident = await createActor(handle.db, 'resident');
      const informing = await createTestConsultation(handle.db, { status: 'information' });
      const closed = await createTestConsultation(handle.db, { status: 'closed' });
      const open = await createTestConsultation(handle.db, { status: 'open' });

      await expect(submitInput(handle.db, { actor: resident, ...inputFields(informing.id) })).rejects.toMatchObject({
        code: 'conflict',
        fieldErrors: { form: 'consultationNotOpenYet' },
      });
      await expect(submitInput(handle.db, { actor: resident, ...inputFields(closed.id) })).rejects.toMatchObject({
        code: 'conflict',
        fieldErrors: { form: 'consultationClosed' },
      });
      const afterClosingDate = new Date(Date.now() + 6 * DAY_MS);
      await expect(submitInput(handle.db, { actor: resident, now: afterClosingDate, ...inputFields(open.id) })).rejects.toMatchObject({
        fieldErrors: { form: 'consultationClosed' },
      });
    });

    it('does not reveal a draft consultation, and asks anonymous people to sign in', async () => {
      const resident = await createActor(handle.db, 'resident');
      const draft = await createTestConsultation(handle.db, { status: 'draft' });
      const open = await createTestConsultation(handle.db, { status: 'open' });
      await expect(submitInput(handle.db, { actor: resident, ...inputFields(draft.id) })).rejects.toMatchObject({ code: 'not_found' });
      await expect(submitInput(handle.db, { actor: ANONYMOUS, ...inputFields(open.id) })).rejects.toMatchObject({ code: 'unauthenticated' });
    });

    it('publishes at once under post-moderation, for everyone to read', async () => {
      const resident = await createActor(handle.db, 'resident', 'Rosa Park');
      const { id: consultationId } = await createTestConsultation(handle.db, { moderationMode: 'post' });
      const submitted = await submitTestInput(handle.db, resident, consultationId);
      expect(submitted).toMatchObject({ status: 'published', isDuplicate: false });

      const { items } = await listConsultationInputs(handle.db, { actor: ANONYMOUS, consultationId });
      expect(items).toEqual([
        expect.objectContaining({ number: submitted.number, status: 'published', author: { name: 'Rosa Park', isFormerParticipant: false }, isOwn: false, hidden: null, organization: null }),
      ]);
      expect(JSON.stringify(items)).not.toContain(resident.email);
    });

    it('keeps pre-moderated input to its author until a moderator publishes it', async () => {
      const author = await createActor(handle.db, 'resident');
      const neighbour = await createActor(handle.db, 'resident');
      const moderator = await createActor(handle.db, 'moderator');
      const { id: consultationId } = await createTestConsultation(handle.db, { moderationMode: 'pre' });
      const submitted = await submitTestInput(handle.db, author, consultationId);
      expect(submitted.status).toBe('pending');

      expect((await listConsultationInputs(handle.db, { actor: neighbour, consultationId })).items).toEqual([]);
      expect((await listConsultationInputs(handle.db, { actor: ANONYMOUS, consultationId })).total).toBe(0);
      expect(await findInputForActor(handle.db, { actor: neighbour, inputId: submitted.id })).toBeNull();
      expect((await listConsultationInputs(handle.db, { actor: author, consultationId })).items).toEqual([
        expect.objectContaining({ id: submitted.id, status: 'pending', isOwn: true }),
      ]);

      await moderateInput(handle.db, { actor: moderator, action: 'publish', inputId: submitted.id });
      expect((await listConsultationInputs(handle.db, { actor: neighbour, consultationId })).items).toEqual([
        expect.objectContaining({ id: submitted.id, status: 'published', isOwn: false }),
      ]);
    });

    it('lets a member speak for a verified organization, and nobody else', async () => {
      const { id: consultationId } = await createTestConsultation(handle.db);
      const verified = await createOrganizationWithMember(handle.db);
      const unverified = await createOrganizationWithMember(handle.db, { isVerified: false });
      const resident = await createActor(handle.db, 'resident');

      const submitted = await submitTestInput(handle.db, verified.member, consultationId, { organizationId: verified.organizationId });
      const [item] = (await listConsultationInputs(handle.db, { actor: ANONYMOUS, consultationId })).items;
      expect(item).toMatchObject({ id: submitted.id, author: { name: verified.name }, organization: { id: verified.organizationId, name: verified.name } });

      const refusal = { code: 'forbidden', fieldErrors: { organizationId: 'notMemberOfOrganization' } };
      await expect(submitTestInput(handle.db, unverified.member, consultationId, { organizationId: unverified.organizationId })).rejects.toMatchObject(refusal);
      await expect(submitTestInput(handle.db, unverified.member, consultationId, { organizationId: verified.organizationId })).rejects.toMatchObject(refusal);
      await expect(submitTestInput(handle.db, resident, consultationId, { organizationId: verified.organizationId })).rejects.toMatchObject(refusal);
    });

    it('creates one input when the same form is sent twice, one after the other or at once', async () => {
      const resident = await createActor(handle.db, 'resident');
      const { id: consultationId } = await createTestConsultation(handle.db);
      const fields = inputFields(consultationId);

      const first = await submitInput(handle.db, { actor: resident, ...fields });
      const again = await submitInput(handle.db, { actor: resident, ...fields });
      expect(again).toEqual({ ...first, isDuplicate: true });

      const racing = inputFields(consultationId);
      const results = await Promise.all([1, 2, 3].map(() => submitInput(handle.db, { actor: resident, ...racing })));
      expect(new Set(results.map((result) => result.id)).size).toBe(1);
      expect(results.filter((result) => !result.isDuplicate)).toHaveLength(1);

      const [stored] = await handle.db.select({ count: sql<number>`count(*)::int` }).from(inputs).where(eq(inputs.consultationId, consultationId));
      expect(stored?.count).toBe(2);
    });

    it("refuses a submission key that someone else's input already used", async () => {
      const [first, second] = [await createActor(handle.db, 'resident'), await createActor(handle.db, 'resident')];
      const { id: consultationId } = await createTestConsultation(handle.db);
      const fields = inputFields(consultationId);
      await submitInput(handle.db, { actor: first, ...fields });
      await expect(submitInput(handle.db, { actor: second, ...fields })).rejects.toMatchObject({
        code: 'bad_request',
        fieldErrors: { submissionKey: 'submissionKeyInvalid' },
      });
    });

    it('pins input to the plan only when the consultation has one', async () => {
      const resident = await createActor(handle.db, 'resident');
      const { id: consultationId } = await createTestConsultation(handle.db);
      await expect(submitTestInput(handle.db, resident, consultationId, { pinX: 0.25, pinY: 0.75 })).rejects.toMatchObject({
        fieldErrors: { pinX: 'pinWithoutPlan' },
      });

      await addTestPlan(handle.db, consultationId);
      await submitTestInput(handle.db, resident, consultationId, { pinX: 0.25, pinY: 0.75 });
      const [item] = (await listConsultationInputs(handle.db, { actor: ANONYMOUS, consultationId })).items;
      expect(item?.pin).toEqual({ x: 0.25, y: 0.75 });
    });
  });

  describe('assisted input', () => {
    it('links input recorded by staff to the participant’s account, so it is among their own', async () => {
      const moderator = await createActor(handle.db, 'moderator');
      const participant = await createActor(handle.db, 'resident');
      const { id: consultationId } = await createTestConsultation(handle.db, { moderationMode: 'pre' });
      const recorded = await recordAssistedInput(handle.db, {
        actor: moderator,
        ...inputFields(consultationId, { title: 'Benches near the bus stop' }),
        channel: 'paper',
        participantEmail: participant.email,
      });
      expect(recorded.status).toBe('pending');

      const mine = await listMyInputs(handle.db, { actor: participant });
      expect(mine).toEqual([
        expect.objectContaining({ id: recorded.id, title: 'Benches near the bus stop', status: 'pending', channel: 'paper', isReply: false, consultation: expect.objectContaining({ id: consultationId }) }),
      ]);
    });

    it('shows the name the participant gave, and no name when they gave none', async () => {
      const moderator = await createActor(handle.db, 'moderator');
      const participant = await createActor(handle.db, 'resident', 'Account Name');
      const { id: consultationId } = await createTestConsultation(handle.db);
      await recordAssistedInput(handle.db, { actor: moderator, ...inputFields(consultationId), channel: 'meeting', participantName: 'Ana at the meeting' });
      await recordAssistedInput(handle.db, { actor: moderator, ...inputFields(consultationId), channel: 'phone', participantEmail: participant.email });

      const { items } = await listConsultationInputs(handle.db, { actor: ANONYMOUS, consultationId });
      expect(items.map((item) => [item.channel, item.author.name])).toEqual([
        ['phone', null],
        ['meeting', 'Ana at the meeting'],
      ]);
    });

    it('refuses an e-mail without an account, and anyone but staff', async () => {
      const moderator = await createActor(handle.db, 'moderator');
      const resident = await createActor(handle.db, 'resident');
      const { id: consultationId } = await createTestConsultation(handle.db);
      await expect(
        recordAssistedInput(handle.db, { actor: moderator, ...inputFields(consultationId), channel: 'paper', participantEmail: `nobody-${randomUUID()}@example.org` }),
      ).rejects.toMatchObject({ code: 'bad_request', fieldErrors: { participantEmail: 'participantAccountNotFound' } });
      await expect(recordAssistedInput(handle.db, { actor: resident, ...inputFields(consultationId), channel: 'paper' })).rejects.toMatchObject({ code: 'forbidden' });
    });

    it('creates one input when staff send the same form twice', async () => {
      const moderator = await createActor(handle.db, 'moderator');
      const { id: consultationId } = await createTestConsultation(handle.db);
      const fields = { ...inputFields(consultationId), channel: 'paper' as const };
      const first = await recordAssistedInput(handle.db, { actor: moderator, ...fields });
      expect(await recordAssistedInput(handle.db, { actor: moderator, ...fields })).toEqual({ ...first, isDuplicate: true });
    });
  });

  describe('replies', () => {
    it('adds a reply to a reply to the same thread, in order', async () => {
      const author = await createActor(handle.db, 'resident');
      const [first, second] = [await createActor(handle.db, 'resident', 'First Replier'), await createActor(handle.db, 'moderator', 'City Staff')];
      const { id: consultationId } = await createTestConsultation(handle.db);
      const input = await submitTestInput(handle.db, author, consultationId);

      const reply = await replyToInput(handle.db, { actor: first, parentId: input.id, body: 'Which trees, though?', submissionKey: randomUUID() });
      await replyToInput(handle.db, { actor: second, parentId: reply.id, body: 'Native species, as the plan says.', submissionKey: randomUUID() });

      const [item] = (await listConsultationInputs(handle.db, { actor: ANONYMOUS, consultationId })).items;
      expect(item?.replies.map((r) => [r.body, r.author.name])).toEqual([
        ['Which trees, though?', 'First Replier'],
        ['Native species, as the plan says.', 'City Staff'],
      ]);
      expect((await listConsultationInputs(handle.db, { actor: ANONYMOUS, consultationId })).total).toBe(1);
      expect((await findInputForActor(handle.db, { actor: ANONYMOUS, inputId: reply.id }))?.id).toBe(input.id);
    });

    it('keeps a pre-moderated reply to its author until published', async () => {
      const author = await createActor(handle.db, 'resident');
      const replier = await createActor(handle.db, 'resident');
      const moderator = await createActor(handle.db, 'moderator');
      const { id: consultationId } = await createTestConsultation(handle.db, { moderationMode: 'pre' });
      const input = await submitTestInput(handle.db, author, consultationId);
      await moderateInput(handle.db, { actor: moderator, action: 'publish', inputId: input.id });

      const reply = await replyToInput(handle.db, { actor: replier, parentId: input.id, body: 'I agree with this.', submissionKey: randomUUID() });
      expect(reply.status).toBe('pending');
      expect((await listConsultationInputs(handle.db, { actor: author, consultationId })).items[0]?.replies).toEqual([]);
      expect((await listConsultationInputs(handle.db, { actor: replier, consultationId })).items[0]?.replies).toEqual([
        expect.objectContaining({ id: reply.id, status: 'pending', isOwn: true }),
      ]);
    });

    it('refuses replies to input that is not public, and once the consultation closed', async () => {
      const author = await createActor(handle.db, 'resident');
      const replier = await createActor(handle.db, 'resident');
      const { id: consultationId } = await createTestConsultation(handle.db, { moderationMode: 'pre' });
      const pending = await submitTestInput(handle.db, author, consultationId);
      await expect(replyToInput(handle.db, { actor: replier, parentId: pending.id, body: 'Hello there', submissionKey: randomUUID() })).rejects.toMatchObject({
        code: 'not_found',
        fieldErrors: { parentId: 'inputNotFound' },
      });
      await expect(replyToInput(handle.db, { actor: author, parentId: pending.id, body: 'Hello there', submissionKey: randomUUID() })).rejects.toMatchObject({
        code: 'conflict',
        fieldErrors: { form: 'inputNotPublished' },
      });

      const open = await createTestConsultation(handle.db);
      const published = await submitTestInput(handle.db, author, open.id);
      const afterClosing = new Date(Date.now() + 6 * DAY_MS);
      await expect(replyToInput(handle.db, { actor: replier, now: afterClosing, parentId: published.id, body: 'Too late?', submissionKey: randomUUID() })).rejects.toMatchObject({
        fieldErrors: { form: 'consultationClosed' },
      });
    });
  });

  describe('supports', () => {
    it('counts one support per person, and lets them withdraw it', async () => {
      const author = await createActor(handle.db, 'resident');
      const [first, second] = [await createActor(handle.db, 'resident'), await createActor(handle.db, 'organization_member')];
      const { id: consultationId } = await createTestConsultation(handle.db);
      const input = await submitTestInput(handle.db, author, consultationId);

      await supportInput(handle.db, { actor: first, inputId: input.id });
      expect(await supportInput(handle.db, { actor: first, inputId: input.id })).toEqual({ supportCount: 1, supportedByMe: true });
      await supportInput(handle.db, { actor: second, inputId: input.id });

      const seenBy = async (actor: typeof first) => (await listConsultationInputs(handle.db, { actor, consultationId })).items[0];
      expect(await seenBy(first)).toMatchObject({ supportCount: 2, supportedByMe: true });
      expect(await seenBy(author)).toMatchObject({ supportCount: 2, supportedByMe: false });

      expect(await withdrawSupport(handle.db, { actor: first, inputId: input.id })).toEqual({ supportCount: 1, supportedByMe: false });
      expect(await seenBy(first)).toMatchObject({ supportCount: 1, supportedByMe: false });
    });

    it('refuses support of one’s own input, of replies, and by staff', async () => {
      const author = await createActor(handle.db, 'resident');
      const other = await createActor(handle.db, 'resident');
      const moderator = await createActor(handle.db, 'moderator');
      const { id: consultationId } = await createTestConsultation(handle.db);
      const input = await submitTestInput(handle.db, author, consultationId);
      const reply = await replyToInput(handle.db, { actor: other, parentId: input.id, body: 'Good point.', submissionKey: randomUUID() });

      await expect(supportInput(handle.db, { actor: author, inputId: input.id })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(supportInput(handle.db, { actor: moderator, inputId: input.id })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(supportInput(handle.db, { actor: author, inputId: reply.id })).rejects.toMatchObject({ fieldErrors: { inputId: 'repliesCannotBeSupported' } });
      await expect(supportInput(handle.db, { actor: ANONYMOUS, inputId: input.id })).rejects.toMatchObject({ code: 'unauthenticated' });
    });
  });

  describe('reports', () => {
    it('keeps one report per person, which a second report updates, and refuses the author', async () => {
      const author = await createActor(handle.db, 'resident');
      const reader = await createActor(handle.db, 'resident');
      const moderator = await createActor(handle.db, 'moderator');
      const { id: consultationId } = await createTestConsultation(handle.db);
      const input = await submitTestInput(handle.db, author, consultationId);

      expect(await reportInput(handle.db, { actor: reader, inputId: input.id, reason: 'spam' })).toEqual({ isOpen: true });
      expect(await reportInput(handle.db, { actor: reader, inputId: input.id, reason: 'offensive', note: 'Insults a neighbour.' })).toEqual({ isOpen: true });
      await expect(reportInput(handle.db, { actor: author, inputId: input.id, reason: 'spam' })).rejects.toMatchObject({ code: 'forbidden' });

      await moderateInput(handle.db, { actor: moderator, action: 'dismiss_reports', inputId: input.id });
      expect(await reportInput(handle.db, { actor: reader, inputId: input.id, reason: 'spam' })).toEqual({ isOpen: false });
    });
  });

  describe('listing', () => {
    it('pages through 45 inputs, 20 at a time, newest first, with supports counted per input', async () => {
      const author = await createActor(handle.db, 'resident');
      const supporters = [await createActor(handle.db, 'resident'), await createActor(handle.db, 'resident')];
      const { id: consultationId } = await createTestConsultation(handle.db);
      const start = Date.now() - DAY_MS;
      const created = [];
      for (let index = 0; index < 45; index += 1) {
        created.push(await submitInput(handle.db, { actor: author, now: new Date(start + index * 60_000), ...inputFields(consultationId, { title: `Input ${index}` }) }));
      }
      for (const supporter of supporters) await supportInput(handle.db, { actor: supporter, inputId: created[1]!.id });

      const pages = await Promise.all([1, 2, 3, 4].map((page) => listConsultationInputs(handle.db, { actor: ANONYMOUS, consultationId, page })));
      expect(pages.map((page) => [page.items.length, page.total, page.pageCount])).toEqual([
        [20, 45, 3],
        [20, 45, 3],
        [5, 45, 3],
        [0, 45, 3],
      ]);
      expect(pages[0]!.items[0]?.title).toBe('Input 44');
      const lastPage = pages[2]!.items;
      expect(lastPage.map((item) => item.title)).toEqual(['Input 4', 'Input 3', 'Input 2', 'Input 1', 'Input 0']);
      expect(lastPage.map((item) => item.supportCount)).toEqual([0, 0, 0, 2, 0]);
    });

    it('filters by kind', async () => {
      const author = await createActor(handle.db, 'resident');
      const { id: consultationId } = await createTestConsultation(handle.db);
      await submitTestInput(handle.db, author, consultationId, { kind: 'question', title: 'When does work start?' });
      await submitTestInput(handle.db, author, consultationId, { kind: 'objection' });
      const questions = await listConsultationInputs(handle.db, { actor: ANONYMOUS, consultationId, kind: 'question' });
      expect(questions.items.map((item) => item.title)).toEqual(['When does work start?']);
      expect(questions.total).toBe(1);
    });

    // How fast is for npm run bench:http; here, that a deep page holds the right inputs.
    it('pages through a consultation with 5,000 inputs', async () => {
      const author = await createActor(handle.db, 'resident');
      const { id: consultationId } = await createTestConsultation(handle.db);
      const rows = Array.from({ length: 5_000 }, (_, index) => ({
        consultationId,
        kind: 'comment' as const,
        title: `Bulk input ${index}`,
        body: 'A comment among many.',
        authorId: author.id,
        status: 'published' as const,
        publishedAt: new Date(),
        submissionKey: randomUUID(),
      }));
      for (let offset = 0; offset < rows.length; offset += 1_000) await handle.db.insert(inputs).values(rows.slice(offset, offset + 1_000));

      const page = await listConsultationInputs(handle.db, { actor: ANONYMOUS, consultationId, page: 120 });
      expect(page).toMatchObject({ total: 5_000, pageCount: 250, page: 120 });
      // Newest first: page 120 holds inputs 2,400 to 2,381 counted from the newest.
      expect(page.items.map((item) => item.title)).toEqual(Array.from({ length: 20 }, (_, index) => `Bulk input ${4_999 - 2_380 - index}`));
    });
  });
});
