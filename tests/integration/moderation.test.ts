import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ANONYMOUS } from '@/lib/auth/actor';
import { findInputForActor, listConsultationInputs, listMyInputs } from '@/lib/inputs/queries';
import { replyToInput } from '@/lib/inputs/reply';
import { reportInput } from '@/lib/inputs/report';
import { publicModerationLog } from '@/lib/moderation/log';
import { moderateInput } from '@/lib/moderation/moderate';
import { moderationQueue } from '@/lib/moderation/queue';
import { listNotifications } from '@/lib/notifications/queries';
import { createActor } from './support/actors';
import { createTestConsultation } from './support/consultations';
import { testBackends, useSuiteDatabase } from './support/databases';
import { submitTestInput } from './support/inputs';

const hideAsOffensive = { action: 'hide', reason: 'offensive', note: 'Insults a named neighbour.' } as const;

describe.each(testBackends)('moderation on $name', (backend) => {
  const handle = useSuiteDatabase(backend);

  it('publishes pending input oldest first from the queue, and tells its author', async () => {
    const author = await createActor(handle.db, 'resident', 'Pending Author');
    const moderator = await createActor(handle.db, 'moderator');
    const { id: consultationId } = await createTestConsultation(handle.db, { moderationMode: 'pre' });
    const first = await submitTestInput(handle.db, author, consultationId, { title: 'First in line' });
    const second = await submitTestInput(handle.db, author, consultationId, { title: 'Second in line' });

    const pending = (await moderationQueue(handle.db, { actor: moderator })).pending.filter((item) => item.consultation.id === consultationId);
    expect(pending.map((item) => [item.number, item.title, item.author.name])).toEqual([
      [first.number, 'First in line', 'Pending Author'],
      [second.number, 'Second in line', 'Pending Author'],
    ]);

    expect(await moderateInput(handle.db, { actor: moderator, action: 'publish', inputId: first.id })).toMatchObject({ status: 'published' });
    const queue = await moderationQueue(handle.db, { actor: moderator });
    expect(queue.pending.map((item) => item.id)).not.toContain(first.id);
    expect(await listNotifications(handle.db, { actor: author })).toEqual([
      expect.objectContaining({ kind: 'input_published', input: { id: first.id, number: first.number } }),
    ]);
  });

  it('shows why input was hidden to its author and staff, and hides it from everyone else', async () => {
    const author = await createActor(handle.db, 'resident');
    const reader = await createActor(handle.db, 'resident');
    const moderator = await createActor(handle.db, 'moderator');
    const otherModerator = await createActor(handle.db, 'admin');
    const { id: consultationId } = await createTestConsultation(handle.db);
    const input = await submitTestInput(handle.db, author, consultationId);

    await moderateInput(handle.db, { actor: moderator, inputId: input.id, ...hideAsOffensive });

    expect((await listConsultationInputs(handle.db, { actor: reader, consultationId })).items).toEqual([]);
    expect((await listConsultationInputs(handle.db, { actor: ANONYMOUS, consultationId })).total).toBe(0);
    expect(await findInputForActor(handle.db, { actor: reader, inputId: input.id })).toBeNull();

    const hidden = { reason: 'offensive', note: 'Insults a named neighbour.' };
    expect((await listConsultationInputs(handle.db, { actor: author, consultationId })).items).toEqual([expect.objectContaining({ status: 'hidden', hidden })]);
    expect(await findInputForActor(handle.db, { actor: otherModerator, inputId: input.id })).toMatchObject({ status: 'hidden', hidden });
    expect(await listMyInputs(handle.db, { actor: author })).toEqual([expect.objectContaining({ id: input.id, status: 'hidden', hidden })]);
    expect(await listNotifications(handle.db, { actor: author })).toEqual([expect.objectContaining({ kind: 'input_hidden', ...hidden })]);
  });

  it('logs every decision publicly by number and role, never the text or the moderator', async () => {
    const author = await createActor(handle.db, 'resident');
    const moderator = await createActor(handle.db, 'moderator', 'Mona Moderator');
    const { id: consultationId } = await createTestConsultation(handle.db);
    const input = await submitTestInput(handle.db, author, consultationId, { title: 'A very secret title', body: 'A body nobody may read again.' });
    const reply = await replyToInput(handle.db, { actor: author, parentId: input.id, body: 'And a reply of mine.', submissionKey: randomUUID() });

    const start = Date.now();
    const at = (minutes: number) => new Date(start + minutes * 60_000);
    await moderateInput(handle.db, { actor: moderator, now: at(1), inputId: reply.id, ...hideAsOffensive });
    await moderateInput(handle.db, { actor: moderator, now: at(2), inputId: input.id, ...hideAsOffensive });
    await moderateInput(handle.db, { actor: moderator, now: at(3), action: 'restore', inputId: input.id });

    const log = await publicModerationLog(handle.db, { actor: ANONYMOUS, consultationId });
    expect(log).toEqual([
      { at: at(3), action: 'restore', reason: null, note: null, actorRole: 'moderator', inputNumber: input.number, isReply: false },
      { at: at(2), action: 'hide', reason: 'offensive', note: 'Insults a named neighbour.', actorRole: 'moderator', inputNumber: input.number, isReply: false },
      { at: at(1), action: 'hide', reason: 'offensive', note: 'Insults a named neighbour.', actorRole: 'moderator', inputNumber: reply.number, isReply: true },
    ]);
    const published = JSON.stringify(log);
    for (const secret of ['A very secret title', 'A body nobody may read again.', 'And a reply of mine.', 'Mona Moderator', moderator.id]) {
      expect(published).not.toContain(secret);
    }
  });

  it('shows the log of a draft consultation to staff, and to nobody else', async () => {
    const moderator = await createActor(handle.db, 'moderator');
    const resident = await createActor(handle.db, 'resident');
    const { id: consultationId } = await createTestConsultation(handle.db, { status: 'draft' });

    expect(await publicModerationLog(handle.db, { actor: moderator, consultationId })).toEqual([]);
    for (const actor of [resident, ANONYMOUS]) {
      await expect(publicModerationLog(handle.db, { actor, consultationId })).rejects.toMatchObject({ code: 'not_found', status: 404 });
    }
  });

  it('refuses to "publish" a hidden input, and restores it instead', async () => {
    const author = await createActor(handle.db, 'resident');
    const moderator = await createActor(handle.db, 'moderator');
    const { id: consultationId } = await createTestConsultation(handle.db);
    const input = await submitTestInput(handle.db, author, consultationId);
    await moderateInput(handle.db, { actor: moderator, inputId: input.id, ...hideAsOffensive });

    await expect(moderateInput(handle.db, { actor: moderator, action: 'publish', inputId: input.id })).rejects.toMatchObject({
      code: 'conflict',
      fieldErrors: { form: 'inputNotPending' },
    });
    await expect(moderateInput(handle.db, { actor: moderator, inputId: input.id, ...hideAsOffensive })).rejects.toMatchObject({
      fieldErrors: { form: 'inputAlreadyHidden' },
    });

    await moderateInput(handle.db, { actor: moderator, action: 'restore', inputId: input.id });
    expect((await listConsultationInputs(handle.db, { actor: ANONYMOUS, consultationId })).items).toEqual([
      expect.objectContaining({ id: input.id, status: 'published', hidden: null }),
    ]);
    await expect(moderateInput(handle.db, { actor: moderator, action: 'restore', inputId: input.id })).rejects.toMatchObject({
      fieldErrors: { form: 'inputNotHidden' },
    });
    expect((await listNotifications(handle.db, { actor: author })).map((n) => n.kind)).toEqual(['input_restored', 'input_hidden']);
  });

  it('lets one of two moderators deciding at once win, and refuses the other', async () => {
    const author = await createActor(handle.db, 'resident');
    const [first, second] = [await createActor(handle.db, 'moderator'), await createActor(handle.db, 'admin')];
    const { id: consultationId } = await createTestConsultation(handle.db, { moderationMode: 'pre' });
    const input = await submitTestInput(handle.db, author, consultationId);

    const outcomes = await Promise.allSettled([first, second].map((actor) => moderateInput(handle.db, { actor, action: 'publish', inputId: input.id })));
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await listNotifications(handle.db, { actor: author })).toHaveLength(1);
  });

  it('feeds reports into the queue without the reporters, and resolves them with any decision', async () => {
    const author = await createActor(handle.db, 'resident');
    const [reader, neighbour] = [await createActor(handle.db, 'resident', 'Rita Reporter'), await createActor(handle.db, 'organization_member', 'Nina Neighbour')];
    const moderator = await createActor(handle.db, 'moderator');
    const { id: consultationId } = await createTestConsultation(handle.db);
    const dismissed = await submitTestInput(handle.db, author, consultationId);
    const hidden = await submitTestInput(handle.db, author, consultationId);
    await reportInput(handle.db, { actor: reader, inputId: dismissed.id, reason: 'spam', note: 'Posted three times.' });
    await reportInput(handle.db, { actor: neighbour, inputId: dismissed.id, reason: 'off_topic' });
    await reportInput(handle.db, { actor: reader, inputId: hidden.id, reason: 'personal_data', note: 'Names my neighbour.' });

    const reported = (await moderationQueue(handle.db, { actor: moderator })).reported.filter((item) => item.consultation.id === consultationId);
    expect(reported.map((item) => [item.id, item.reportCount, item.reports.map((report) => [report.reason, report.note])])).toEqual([
      [
        dismissed.id,
        2,
        [
          ['spam', 'Posted three times.'],
          ['off_topic', null],
        ],
      ],
      [hidden.id, 1, [['personal_data', 'Names my neighbour.']]],
    ]);
    expect(JSON.stringify(reported)).not.toMatch(/Rita Reporter|Nina Neighbour/);

    expect(await moderateInput(handle.db, { actor: moderator, action: 'dismiss_reports', inputId: dismissed.id })).toMatchObject({ status: 'published', resolvedReports: 2 });
    expect(await moderateInput(handle.db, { actor: moderator, action: 'hide', reason: 'personal_data', note: 'Names a private person.', inputId: hidden.id })).toMatchObject({
      resolvedReports: 1,
    });
    const queue = await moderationQueue(handle.db, { actor: moderator });
    expect(queue.reported.filter((item) => item.consultation.id === consultationId)).toEqual([]);
    expect(queue.recentlyHidden.find((item) => item.id === hidden.id)).toMatchObject({ reason: 'personal_data', note: 'Names a private person.' });
    await expect(moderateInput(handle.db, { actor: moderator, action: 'dismiss_reports', inputId: dismissed.id })).rejects.toMatchObject({
      code: 'conflict',
      fieldErrors: { form: 'noOpenReports' },
    });
    expect((await listConsultationInputs(handle.db, { actor: ANONYMOUS, consultationId })).items.map((item) => item.id)).toEqual([dismissed.id]);
  });

  it('tells the thread’s author of a pre-moderated reply only once it is published', async () => {
    const author = await createActor(handle.db, 'resident');
    const replier = await createActor(handle.db, 'resident');
    const moderator = await createActor(handle.db, 'moderator');
    const { id: consultationId } = await createTestConsultation(handle.db, { moderationMode: 'pre' });
    const input = await submitTestInput(handle.db, author, consultationId);
    await moderateInput(handle.db, { actor: moderator, action: 'publish', inputId: input.id });
    const reply = await replyToInput(handle.db, { actor: replier, parentId: input.id, body: 'Yes, and more benches.', submissionKey: randomUUID() });

    expect((await listNotifications(handle.db, { actor: author })).map((n) => n.kind)).toEqual(['input_published']);
    await moderateInput(handle.db, { actor: moderator, action: 'publish', inputId: reply.id });
    expect((await listNotifications(handle.db, { actor: author }))[0]).toMatchObject({ kind: 'input_replied', input: { id: input.id, number: input.number } });
    expect((await listNotifications(handle.db, { actor: replier })).map((n) => n.kind)).toEqual(['input_published']);
  });

  it('is for staff only', async () => {
    const author = await createActor(handle.db, 'resident');
    const { id: consultationId } = await createTestConsultation(handle.db);
    const input = await submitTestInput(handle.db, author, consultationId);
    for (const role of ['resident', 'organization_member'] as const) {
      const actor = await createActor(handle.db, role);
      await expect(moderateInput(handle.db, { actor, inputId: input.id, ...hideAsOffensive })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(moderationQueue(handle.db, { actor })).rejects.toMatchObject({ code: 'forbidden' });
    }
    await expect(moderationQueue(handle.db, { actor: ANONYMOUS })).rejects.toMatchObject({ code: 'unauthenticated' });
  });
});
