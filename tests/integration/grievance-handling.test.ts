// The grievance officer's side against both databases: the whole procedure step by step,
// the refusals a person would meet, who sees a confidential complainant, the history's
// append-only guarantee, the overdue list under an injected clock, the notification a
// complainant with an account receives, and the e-mail to the contact address of one
// without an account.
import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db';
import { grievanceAttachments, grievanceChannels, grievanceEvents, initiatives, storedFiles } from '@/db/schema';
import { ANONYMOUS, type Actor } from '@/lib/auth/actor';
import { accessOfNewCase, openCaseAsFiler } from '@/lib/grievances/access';
import { caseStage, complainantCaseStage, currentCaseStage } from '@/lib/grievances/case-stage';
import { countOverdueCases, findCaseForHandler, listAssignableOfficers, listCases, listOverdueCases } from '@/lib/grievances/case-queries';
import { loadComplainantView } from '@/lib/grievances/complainant-view';
import { fileGrievance, recordOfflineGrievance, type GrievanceFiling } from '@/lib/grievances/file-grievance';
import { takeStep, type StepBy } from '@/lib/grievances/take-step';
import { findGrievanceAttachment } from '@/lib/grievances/attachment-download';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, type GrievanceStep } from '@/lib/grievances/vocabulary';
import { parseEnvironment } from '@/lib/env';
import { createMailer, setMailerForTests, type MailMessage } from '@/lib/notifications/mailer';
import { listNotifications } from '@/lib/notifications/queries';
import { createActor } from './support/actors';
import { testBackends, useSuiteDatabase } from './support/databases';

const DAY_MS = 24 * 60 * 60 * 1000;
const REASONS = 'The works permit covers this street, as explained in the attached letter.';
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

/** A channel of its own (per initiative: there is only one city-wide channel), with the default deadlines unless told otherwise. */
async function createChannel(db: Db, deadlines: Partial<Pick<typeof grievanceChannels.$inferInsert, 'acknowledgeDays' | 'resolveDays' | 'appealDays'>> = {}) {
  const slug = `grievance-test-${randomUUID().slice(0, 8)}`;
  const [initiative] = await db
    .insert(initiatives)
    .values({ slug, title: `Initiative ${slug}`, summary: 'An initiative made by a test.', status: 'active', responsibleUnit: 'Test Unit' })
    .returning({ id: initiatives.id });
  const [channel] = await db
    .insert(grievanceChannels)
    .values({ initiativeId: initiative!.id, name: `Channel ${slug}`, offlineInstructions: 'Town hall, desk 3, weekdays 9–14.', ...deadlines })
    .returning({ id: grievanceChannels.id });
  return channel!.id;
}

function filing(channelId: string, overrides: Partial<GrievanceFiling> = {}): GrievanceFiling {
  return {
    channelId,
    category: 'nuisance_environment',
    description: 'Trucks for the works start at 5 in the morning every day, waking the whole street.',
    place: 'Calle Mayor 12',
    eventDate: null,
    outcomeSought: 'Start the works at 8.',
    isConfidential: false,
    contactName: null,
    contactEmail: null,
    contactPhone: null,
    submissionKey: randomUUID(),
    attachments: [],
    ...overrides,
  };
}

/** A mailer whose transport keeps what it is given, or fails like a server refusing the recipient; returns what was sent. */
function useFakeMailer({ failWith }: { failWith?: Error } = {}): MailMessage[] {
  const sent: MailMessage[] = [];
  const environment = parseEnvironment({ SMTP_URL: 'smtp://mail.participa.example:587', NEXTAUTH_URL: 'https://participa.example/' });
  setMailerForTests(
    createMailer(environment, () => ({
      sendMail: async (message: MailMessage) => {
        if (failWith) throw failWith;
        sent.push(message);
      },
    })),
  );
  return sent;
}

describe.each(testBackends)('grievance handling on $name', (backend) => {
  const handle = useSuiteDatabase(backend);

  afterEach(() => {
    setMailerForTests(undefined);
    vi.restoreAllMocks();
  });

  /** Steps taken at increasing times from `start`, one hour apart, as `by`. */
  function stepper(grievanceId: string, start: Date) {
    let hours = 0;
    return (by: StepBy, step: GrievanceStep, message = '', officerId?: string) => {
      hours += 1;
      return takeStep(handle.db, { grievanceId, by, step, message, officerId, now: new Date(start.getTime() + hours * 3_600_000) });
    };
  }
  const staff = (actor: Actor): StepBy => ({ kind: 'staff', actor });

  it('takes a case from receipt to an accepted resolution and closes it, with a history naming staff and never the complainant', async () => {
    const resident = await createActor(handle.db, 'resident', 'Rosa Resident');
    const officer = await createActor(handle.db, 'grievance_officer', 'Olga Officer');
    const admin = await createActor(handle.db, 'admin', 'Ada Admin');
    const channelId = await createChannel(handle.db);
    const start = new Date(Date.now() - 2 * DAY_MS);
    const filed = await fileGrievance(handle.db, { actor: resident, now: start, ...filing(channelId) });
    const step = stepper(filed.grievanceId, start);

    expect(await step(staff(officer), 'acknowledge', 'We received your grievance and will look into it.')).toMatchObject({ status: 'acknowledged' });
    expect(await step(staff(admin), 'assign', '', officer.id)).toMatchObject({ status: 'in_review' });
    const asOfficer = await findCaseForHandler(handle.db, { actor: officer, grievanceId: filed.grievanceId });
    expect(asOfficer).toMatchObject({ status: 'in_review', isAssignedToMe: true, assignedOfficer: { id: officer.id, name: 'Olga Officer' } });
    expect(asOfficer!.availableSteps).toEqual(expect.arrayContaining(['assign', 'reject', 'propose_resolution', 'message']));
    expect(asOfficer!.availableSteps).not.toContain('close');
    expect(asOfficer!.clock).toMatchObject({ kind: 'resolve', party: 'city', isOverdue: false });

    expect(await step(staff(officer), 'propose_resolution', 'The contractor will start at 8 from next Monday on.')).toMatchObject({ status: 'resolution_proposed' });
    const access = await openCaseAsFiler(handle.db, resident, filed.reference);
    expect(await step({ kind: 'complainant', access }, 'accept_resolution')).toMatchObject({ status: 'resolved' });
    expect(await step(staff(officer), 'close', 'Resolution accepted; the contractor confirmed the new hours.')).toMatchObject({ status: 'closed' });

    const closed = await findCaseForHandler(handle.db, { actor: admin, grievanceId: filed.grievanceId });
    expect(closed).toMatchObject({ status: 'closed', clock: null, availableSteps: [] });
    expect(closed!.history.map((event) => [event.kind, event.toStatus, event.actor])).toEqual([
      ['received', 'received', { kind: 'complainant' }],
      ['acknowledge', 'acknowledged', { kind: 'officer', name: 'Olga Officer' }],
      ['assign', 'in_review', { kind: 'administrator', name: 'Ada Admin' }],
      ['propose_resolution', 'resolution_proposed', { kind: 'officer', name: 'Olga Officer' }],
      ['accept_resolution', 'resolved', { kind: 'complainant' }],
      ['close', 'closed', { kind: 'officer', name: 'Olga Officer' }],
    ]);
    expect(closed!.history[2]!.assignedTo).toEqual({ id: officer.id, name: 'Olga Officer' });
    expect(JSON.stringify(closed!.history)).not.toContain('Rosa');
    expect(closed!.identity).toEqual({ kind: 'shown', account: { name: 'Rosa Resident', email: resident.email }, contact: null });

    const closedList = await listCases(handle.db, { actor: officer, filters: { channelId, status: 'closed' } });
    expect(closedList.items.map((item) => item.reference)).toEqual([filed.reference]);
    expect((await listCases(handle.db, { actor: officer, filters: { channelId } })).items).toEqual([]);
  });

  it('rejects, hears the appeal by another officer, decides it and closes', async () => {
    const officer = await createActor(handle.db, 'grievance_officer', 'First Officer');
    const otherOfficer = await createActor(handle.db, 'grievance_officer', 'Second Officer');
    const channelId = await createChannel(handle.db);
    const start = new Date(Date.now() - DAY_MS);
    const filed = await fileGrievance(handle.db, { actor: ANONYMOUS, now: start, ...filing(channelId, { contactEmail: 'someone@example.org' }) });
    const step = stepper(filed.grievanceId, start);
    const complainant: StepBy = { kind: 'complainant', access: accessOfNewCase(filed.grievanceId, filed.reference) };

    await step(staff(officer), 'acknowledge', 'Received, thank you.');
    await step(staff(officer), 'assign', '', officer.id);
    expect(await step(staff(officer), 'reject', REASONS)).toMatchObject({ status: 'rejected' });
    expect(await step(complainant, 'appeal', 'The permit does not cover night work, only daytime.')).toMatchObject({ status: 'appealed' });

    const asAssigned = await findCaseForHandler(handle.db, { actor: officer, grievanceId: filed.grievanceId });
    expect(asAssigned!.availableSteps).not.toContain('decide_appeal');
    expect(asAssigned!.refusedSteps).toContainEqual({ step: 'decide_appeal', refusal: 'notImpartial' });
    await expect(step(staff(officer), 'decide_appeal', 'I maintain my earlier decision entirely.')).rejects.toMatchObject({
      code: 'conflict',
      fieldErrors: { form: 'grievance.notImpartial' },
    });

    const asOther = await findCaseForHandler(handle.db, { actor: otherOfficer, grievanceId: filed.grievanceId });
    expect(asOther!.availableSteps).toContain('decide_appeal');
    expect(asOther!.clock).toMatchObject({ kind: 'decideAppeal', party: 'city' });
    expect(await step(staff(otherOfficer), 'decide_appeal', 'Appeal upheld: night work is not covered by the permit.')).toMatchObject({ status: 'appeal_decided' });
    expect(await step(staff(otherOfficer), 'close', 'Appeal decided; the contractor has been told to stop night work.')).toMatchObject({ status: 'closed' });
  });

  it('keeps whoever rejected a case from deciding its appeal, even when the case was never assigned to them', async () => {
    const officer = await createActor(handle.db, 'grievance_officer');
    const admin = await createActor(handle.db, 'admin');
    const channelId = await createChannel(handle.db);
    const start = new Date(Date.now() - DAY_MS);
    const filed = await fileGrievance(handle.db, { actor: ANONYMOUS, now: start, ...filing(channelId) });
    const step = stepper(filed.grievanceId, start);

    await step(staff(admin), 'reject', REASONS);
    await step({ kind: 'complainant', access: accessOfNewCase(filed.grievanceId, filed.reference) }, 'appeal', 'The street is inside the project area, see the map.');

    const asAdmin = await findCaseForHandler(handle.db, { actor: admin, grievanceId: filed.grievanceId });
    expect(asAdmin!.availableSteps).not.toContain('decide_appeal');
    expect(asAdmin!.refusedSteps).toContainEqual({ step: 'decide_appeal', refusal: 'notImpartial' });
    await expect(step(staff(admin), 'decide_appeal', 'I confirm my own rejection of this case.')).rejects.toMatchObject({ fieldErrors: { form: 'grievance.notImpartial' } });
    expect(await step(staff(officer), 'decide_appeal', 'Appeal upheld: the street is inside the project area.')).toMatchObject({ status: 'appeal_decided' });
  });

  it('refuses jumps, closing while the appeal window is open, and anyone who is not a handler', async () => {
    const officer = await createActor(handle.db, 'grievance_officer');
    const moderator = await createActor(handle.db, 'moderator');
    const resident = await createActor(handle.db, 'resident');
    const channelId = await createChannel(handle.db, { appealDays: 10 });
    const start = new Date(Date.now() - 30 * DAY_MS);
    const filed = await fileGrievance(handle.db, { actor: resident, now: start, ...filing(channelId) });
    const at = (days: number) => new Date(start.getTime() + days * DAY_MS);
    const take = (actor: Actor, step: GrievanceStep, message: string, days: number, officerId?: string) =>
      takeStep(handle.db, { grievanceId: filed.grievanceId, by: staff(actor), step, message, officerId, now: at(days) });

    await expect(take(moderator, 'acknowledge', 'Received.', 1)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(take(resident, 'acknowledge', 'Received.', 1)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(take(ANONYMOUS, 'acknowledge', 'Received.', 1)).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(listCases(handle.db, { actor: moderator })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(findCaseForHandler(handle.db, { actor: resident, grievanceId: filed.grievanceId })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(recordOfflineGrievance(handle.db, { actor: moderator, receivedVia: 'phone', ...filing(channelId) })).rejects.toMatchObject({ code: 'forbidden' });

    await take(officer, 'acknowledge', 'Received.', 1);
    await take(officer, 'assign', '', 1.5, officer.id);
    await expect(take(officer, 'close', 'Closing this case right away without an answer.', 2)).rejects.toMatchObject({
      code: 'conflict',
      fieldErrors: { form: 'grievance.wrongStatus' },
    });
    await expect(take(officer, 'reject', 'Too short.', 2)).rejects.toMatchObject({ code: 'bad_request', fieldErrors: { message: 'grievance.explanationRequired' } });

    await take(officer, 'reject', REASONS, 3);
    await expect(take(officer, 'close', 'No appeal came in, so the case is closed.', 5)).rejects.toMatchObject({
      code: 'conflict',
      fieldErrors: { form: 'grievance.appealWindowOpen' },
    });
    const whileOpen = await findCaseForHandler(handle.db, { actor: officer, grievanceId: filed.grievanceId, now: at(5) });
    expect(whileOpen!.refusedSteps).toContainEqual({ step: 'close', refusal: 'appealWindowOpen' });
    expect(whileOpen!.clock).toMatchObject({ kind: 'appealWindow', party: 'complainant', isOverdue: false });

    expect(await take(officer, 'close', 'No appeal came in, so the case is closed.', 14)).toMatchObject({ status: 'closed' });
    await expect(take(officer, 'message', 'One more thing.', 15)).rejects.toMatchObject({ fieldErrors: { form: 'grievance.caseClosed' } });
  });

  it('shows a confidential complainant to the assigned officer and administrators only', async () => {
    const assigned = await createActor(handle.db, 'grievance_officer');
    const other = await createActor(handle.db, 'grievance_officer');
    const admin = await createActor(handle.db, 'admin');
    const resident = await createActor(handle.db, 'resident', 'Carmen Confidential');
    const channelId = await createChannel(handle.db);
    const filed = await fileGrievance(handle.db, {
      actor: resident,
      ...filing(channelId, { isConfidential: true, category: 'retaliation', contactPhone: '+34 600 111 222' }),
    });
    const shown = { kind: 'shown', account: { name: 'Carmen Confidential', email: resident.email }, contact: { name: null, email: null, phone: '+34 600 111 222' } };
    const identityFor = async (actor: Actor) => (await findCaseForHandler(handle.db, { actor, grievanceId: filed.grievanceId }))!.identity;

    expect(await identityFor(assigned)).toEqual({ kind: 'confidential' });
    expect(await identityFor(admin)).toEqual(shown);
    await takeStep(handle.db, { grievanceId: filed.grievanceId, by: staff(admin), step: 'acknowledge', message: 'Received.' });
    await takeStep(handle.db, { grievanceId: filed.grievanceId, by: staff(admin), step: 'assign', message: '', officerId: assigned.id });

    expect(await identityFor(assigned)).toEqual(shown);
    expect(await identityFor(other)).toEqual({ kind: 'confidential' });
    expect(await identityFor(admin)).toEqual(shown);
    const otherView = await findCaseForHandler(handle.db, { actor: other, grievanceId: filed.grievanceId });
    expect(JSON.stringify(otherView)).not.toContain('Carmen');
    expect(JSON.stringify(otherView)).not.toContain('600 111 222');
  });

  it('keeps the history append-only: no update, no delete', async () => {
    const channelId = await createChannel(handle.db);
    const filed = await fileGrievance(handle.db, { actor: ANONYMOUS, ...filing(channelId) });
    const [event] = await handle.db.select({ id: grievanceEvents.id }).from(grievanceEvents).where(eq(grievanceEvents.grievanceId, filed.grievanceId));

    await expect(handle.db.update(grievanceEvents).set({ message: 'rewritten' }).where(eq(grievanceEvents.id, event!.id))).rejects.toThrow();
    await expect(handle.db.delete(grievanceEvents).where(eq(grievanceEvents.id, event!.id))).rejects.toThrow();
    const [kept] = await handle.db.select().from(grievanceEvents).where(eq(grievanceEvents.id, event!.id));
    expect(kept).toMatchObject({ kind: 'received', message: null });
  });

  it('lists overdue cases by the injected clock, most overdue first, and orders the queue by what is due first', async () => {
    const officer = await createActor(handle.db, 'grievance_officer');
    const channelId = await createChannel(handle.db, { acknowledgeDays: 5, resolveDays: 30 });
    const start = new Date(Date.now() - 60 * DAY_MS);
    const at = (days: number) => new Date(start.getTime() + days * DAY_MS);
    const oldest = await fileGrievance(handle.db, { actor: ANONYMOUS, now: at(0), ...filing(channelId) });
    const newer = await fileGrievance(handle.db, { actor: ANONYMOUS, now: at(3), ...filing(channelId) });
    const recent = await recordOfflineGrievance(handle.db, { actor: officer, receivedVia: 'phone', receivedAt: at(5), now: at(6), ...filing(channelId, { contactPhone: '+34 600 000 000' }) });
    const ofChannel = (list: { items: Array<{ channel: { id: string }; reference: string }> }) => list.items.filter((item) => item.channel.id === channelId).map((item) => item.reference);

    // Day 7: the first two missed their acknowledgement deadline (days 5 and 8 → only the first); the phone call is due on day 10.
    const day7 = await listOverdueCases(handle.db, { actor: officer, now: at(7) });
    expect(ofChannel(day7)).toEqual([oldest.reference]);
    expect(day7.items.find((item) => item.reference === oldest.reference)!.clock).toMatchObject({ kind: 'acknowledge', isOverdue: true, daysLeft: -2 });
    expect(await countOverdueCases(handle.db, { actor: officer, now: at(7) })).toBeGreaterThanOrEqual(1);

    const day12 = await listOverdueCases(handle.db, { actor: officer, now: at(12) });
    expect(ofChannel(day12)).toEqual([oldest.reference, newer.reference, recent.reference]);

    await takeStep(handle.db, { grievanceId: oldest.grievanceId, by: staff(officer), step: 'acknowledge', message: 'Received, sorry for the delay.', now: at(12) });
    expect(ofChannel(await listOverdueCases(handle.db, { actor: officer, now: at(12) }))).toEqual([newer.reference, recent.reference]);

    // The queue: acknowledgement deadlines (days 8 and 10) before the resolution deadline (day 30).
    const queue = await listCases(handle.db, { actor: officer, now: at(12), filters: { channelId } });
    expect(queue.items.map((item) => [item.reference, item.clock?.kind, item.clock?.isOverdue])).toEqual([
      [newer.reference, 'acknowledge', true],
      [recent.reference, 'acknowledge', true],
      [oldest.reference, 'resolve', false],
    ]);
    expect(queue.items[1]).toMatchObject({ receivedVia: 'phone', receivedAt: at(5) });
    expect(ofChannel(await listCases(handle.db, { actor: officer, now: at(12), filters: { channelId, receivedVia: 'phone' } }))).toEqual([recent.reference]);
    expect(ofChannel(await listCases(handle.db, { actor: officer, now: at(12), filters: { channelId, status: 'acknowledged' } }))).toEqual([oldest.reference]);

    await takeStep(handle.db, { grievanceId: newer.grievanceId, by: staff(officer), step: 'acknowledge', message: 'Received.', now: at(12) });
    await takeStep(handle.db, { grievanceId: newer.grievanceId, by: staff(officer), step: 'assign', message: '', officerId: officer.id, now: at(12) });
    expect(ofChannel(await listCases(handle.db, { actor: officer, now: at(12), filters: { channelId, assignedToMe: true } }))).toEqual([newer.reference]);
  });

  it('offers grievance officers and administrators for assignment, and refuses anyone else as assignee', async () => {
    const officer = await createActor(handle.db, 'grievance_officer', 'Assignable Officer');
    const admin = await createActor(handle.db, 'admin', 'Assignable Admin');
    const moderator = await createActor(handle.db, 'moderator', 'Not Assignable');
    const channelId = await createChannel(handle.db);
    const filed = await fileGrievance(handle.db, { actor: ANONYMOUS, ...filing(channelId) });

    const officers = await listAssignableOfficers(handle.db, { actor: officer });
    expect(officers).toEqual(expect.arrayContaining([{ id: officer.id, name: 'Assignable Officer', role: 'grievance_officer' }, { id: admin.id, name: 'Assignable Admin', role: 'admin' }]));
    expect(officers.map((person) => person.id)).not.toContain(moderator.id);

    await takeStep(handle.db, { grievanceId: filed.grievanceId, by: staff(officer), step: 'acknowledge', message: 'Received.' });
    await expect(takeStep(handle.db, { grievanceId: filed.grievanceId, by: staff(officer), step: 'assign', message: '', officerId: moderator.id })).rejects.toMatchObject({
      fieldErrors: { officerId: 'grievance.officerInvalid' },
    });
  });

  it('tells a complainant with an account of each step the city takes, by reference and step, never with the text', async () => {
    const sent = useFakeMailer();
    const resident = await createActor(handle.db, 'resident');
    const officer = await createActor(handle.db, 'grievance_officer');
    const channelId = await createChannel(handle.db);
    const filed = await fileGrievance(handle.db, { actor: resident, ...filing(channelId, { description: 'A secret description that must stay out of e-mail.' }) });

    await takeStep(handle.db, { grievanceId: filed.grievanceId, by: staff(officer), step: 'acknowledge', message: 'A secret acknowledgement message.' });
    await takeStep(handle.db, { grievanceId: filed.grievanceId, by: staff(officer), step: 'assign', message: '', officerId: officer.id });

    const notifications = await listNotifications(handle.db, { actor: resident });
    expect(notifications).toEqual([expect.objectContaining({ kind: 'grievance_updated', note: 'acknowledge', grievance: { id: filed.grievanceId, reference: filed.reference } })]);

    await expect.poll(() => sent.length).toBe(1);
    expect(sent[0]).toMatchObject({ to: resident.email, subject: `Your grievance ${filed.reference} has moved on` });
    expect(sent[0]!.text).toContain(`There is news on your grievance ${filed.reference}: Receipt acknowledged`);
    expect(sent[0]!.text).not.toContain('secret');

    // A case recorded offline has no account to notify.
    const recorded = await recordOfflineGrievance(handle.db, { actor: officer, receivedVia: 'paper', ...filing(channelId) });
    await takeStep(handle.db, { grievanceId: recorded.grievanceId, by: staff(officer), step: 'acknowledge', message: 'Received by letter.' });
    expect(await listNotifications(handle.db, { actor: resident })).toHaveLength(1);
  });

  it('reads the stage each side’s page shows, and a new one after every step', async () => {
    const officer = await createActor(handle.db, 'grievance_officer');
    const channelId = await createChannel(handle.db);
    const filed = await fileGrievance(handle.db, { actor: ANONYMOUS, ...filing(channelId) });
    const access = accessOfNewCase(filed.grievanceId, filed.reference);
    const pageStages = async () => {
      const view = await loadComplainantView(handle.db, { access });
      const found = await findCaseForHandler(handle.db, { actor: officer, grievanceId: filed.grievanceId });
      return [caseStage({ status: view.status, eventCount: view.history.length }), caseStage({ status: found!.status, eventCount: found!.history.length })];
    };

    const atReceipt = await complainantCaseStage(handle.db, { access });
    expect(await pageStages()).toEqual([atReceipt, atReceipt]);
    expect(await currentCaseStage(handle.db, { actor: officer, grievanceId: filed.grievanceId })).toBe(atReceipt);
    await takeStep(handle.db, { grievanceId: filed.grievanceId, by: { kind: 'complainant', access }, step: 'message', message: 'One more detail.' });
    const afterMessage = await complainantCaseStage(handle.db, { access });
    expect(afterMessage).not.toBe(atReceipt);
    expect(await pageStages()).toEqual([afterMessage, afterMessage]);
    await expect(currentCaseStage(handle.db, { actor: ANONYMOUS, grievanceId: filed.grievanceId })).rejects.toMatchObject({ code: 'unauthenticated' });
  });

  it('stores files sent with a message from either side under that message', async () => {
    const officer = await createActor(handle.db, 'grievance_officer');
    const channelId = await createChannel(handle.db);
    const filed = await fileGrievance(handle.db, { actor: ANONYMOUS, ...filing(channelId) });
    const access = accessOfNewCase(filed.grievanceId, filed.reference);

    const fromComplainant = await takeStep(handle.db, {
      grievanceId: filed.grievanceId,
      by: { kind: 'complainant', access },
      step: 'message',
      message: 'Here is the noise log I kept.',
      attachments: [{ fileName: 'noise log.pdf', file: new Blob([PDF]) }],
    });
    const fromOfficer = await takeStep(handle.db, {
      grievanceId: filed.grievanceId,
      by: staff(officer),
      step: 'message',
      message: 'The contractor’s schedule is attached.',
      attachments: [{ fileName: 'schedule.pdf', file: new Blob([PDF]) }],
    });

    const view = await loadComplainantView(handle.db, { access });
    const filesOf = (eventId: string) => view.history.find((entry) => entry.id === eventId)!.attachments;
    expect(filesOf(fromComplainant.eventId)).toEqual([expect.objectContaining({ fileName: 'noise log.pdf', contentType: 'application/pdf', addedBy: 'complainant' })]);
    expect(filesOf(fromOfficer.eventId)).toEqual([expect.objectContaining({ fileName: 'schedule.pdf', contentType: 'application/pdf', addedBy: 'officer' })]);
    const found = await findCaseForHandler(handle.db, { actor: officer, grievanceId: filed.grievanceId });
    expect(found!.attachments.map((attachment) => [attachment.fileName, attachment.eventId])).toEqual([
      ['noise log.pdf', fromComplainant.eventId],
      ['schedule.pdf', fromOfficer.eventId],
    ]);

    // Who may download is the route's check (grievance-filing.test.ts); the complainant's download is in the e2e test.
    const complainantFile = filesOf(fromComplainant.eventId)[0]!;
    expect(await findGrievanceAttachment(handle.db, { attachmentId: complainantFile.id, actor: officer, pass: null })).toMatchObject({ fileName: 'noise log.pdf', content: expect.objectContaining({ byteSize: PDF.byteLength }) });
  });

  it('refuses a file of a wrong type, too large or one too many at the field, and files with any step but a message, storing nothing', async () => {
    const officer = await createActor(handle.db, 'grievance_officer');
    const channelId = await createChannel(handle.db);
    const filed = await fileGrievance(handle.db, { actor: ANONYMOUS, ...filing(channelId) });
    const access = accessOfNewCase(filed.grievanceId, filed.reference);
    const countOf = async () => ({
      files: (await handle.db.select({ n: count() }).from(storedFiles))[0]!.n,
      attachments: (await handle.db.select({ n: count() }).from(grievanceAttachments).where(eq(grievanceAttachments.grievanceId, filed.grievanceId)))[0]!.n,
      events: (await handle.db.select({ n: count() }).from(grievanceEvents).where(eq(grievanceEvents.grievanceId, filed.grievanceId)))[0]!.n,
    });
    const before = await countOf();
    const fine = { fileName: 'fine.pdf', file: new Blob([PDF]) };
    const refused = [
      { by: { kind: 'complainant', access } as StepBy, file: { fileName: 'letter.pdf', file: new Blob(['#!/bin/sh\necho not a pdf\n']) }, fieldError: 'fileTypeNotAccepted' },
      { by: staff(officer), file: { fileName: 'scan.pdf', file: new Blob([new Uint8Array(MAX_ATTACHMENT_BYTES + 1)]) }, fieldError: 'grievance.attachmentTooLarge' },
    ];
    for (const { by, file, fieldError } of refused) {
      await expect(takeStep(handle.db, { grievanceId: filed.grievanceId, by, step: 'message', message: 'With a file.', attachments: [fine, file] })).rejects.toMatchObject({
        code: 'bad_request',
        fieldErrors: { attachments: fieldError },
      });
    }
    const tooMany = Array.from({ length: MAX_ATTACHMENTS + 1 }, () => fine);
    await expect(takeStep(handle.db, { grievanceId: filed.grievanceId, by: staff(officer), step: 'message', message: 'Many files.', attachments: tooMany })).rejects.toMatchObject({
      fieldErrors: { attachments: 'grievance.tooManyAttachments' },
    });
    await expect(takeStep(handle.db, { grievanceId: filed.grievanceId, by: staff(officer), step: 'acknowledge', message: 'Received.', attachments: [fine] })).rejects.toMatchObject({
      code: 'bad_request',
      fieldErrors: { attachments: 'grievance.attachmentsNotAllowed' },
    });
    expect(await countOf()).toEqual(before);
    expect((await findCaseForHandler(handle.db, { actor: officer, grievanceId: filed.grievanceId }))!.status).toBe('received');
  });

  describe('the contact address of a complainant without an account', () => {
    const SECRET_DESCRIPTION = 'A secret description that must stay out of e-mail.';
    const newsLine = (mail: MailMessage) => /There is news on your grievance (\S+): (.+)/.exec(mail.text)?.slice(1);

    it('is e-mailed at each step the city takes, not for an assignment or the complainant’s own steps, by reference and step only', async () => {
      const sent = useFakeMailer();
      const officer = await createActor(handle.db, 'grievance_officer');
      const otherOfficer = await createActor(handle.db, 'grievance_officer');
      const channelId = await createChannel(handle.db);
      const contact = `contact-${randomUUID().slice(0, 8)}@example.org`;
      const start = new Date(Date.now() - 2 * DAY_MS);
      const filed = await fileGrievance(handle.db, { actor: ANONYMOUS, now: start, ...filing(channelId, { contactEmail: contact, description: SECRET_DESCRIPTION }) });
      const step = stepper(filed.grievanceId, start);
      const complainant: StepBy = { kind: 'complainant', access: accessOfNewCase(filed.grievanceId, filed.reference) };
      const secretMessages = [
        'A secret acknowledgement: we received it.',
        'A secret question from the officer.',
        'A secret resolution: the contractor starts at 8.',
        'A secret answer from the complainant.',
        'A secret reason for closing the resolution.',
        'A secret appeal: the contractor still starts at 5.',
        'A secret appeal decision: night work stops.',
        'A secret closing note after the appeal.',
      ] as const;

      await step(staff(officer), 'acknowledge', secretMessages[0]);
      await step(staff(officer), 'assign', '', officer.id);
      await step(staff(officer), 'message', secretMessages[1]);
      await step(staff(officer), 'propose_resolution', secretMessages[2]);
      await step(complainant, 'message', secretMessages[3]);
      await step(staff(officer), 'close_with_reasons', secretMessages[4]);
      await step(complainant, 'appeal', secretMessages[5]);
      await step(staff(otherOfficer), 'decide_appeal', secretMessages[6]);
      await step(staff(otherOfficer), 'close', secretMessages[7]);

      const labels = ['Receipt acknowledged', 'Message', 'Resolution proposed', 'Resolution closed by the officer, with reasons', 'Appeal decided', 'Case closed'];
      await expect.poll(() => sent.length).toBe(labels.length);
      expect(sent.map(newsLine)).toEqual(labels.map((label) => [filed.reference, label]));
      for (const mail of sent) {
        expect(mail).toMatchObject({ to: contact, subject: `Your grievance ${filed.reference} has moved on` });
        expect(mail.text).toContain(`open the case at https://participa.example/grievances/follow with its reference, ${filed.reference},`);
        expect(mail.text).not.toContain('/notifications');
        expect(mail.text).not.toContain(filed.accessKey);
        expect(mail.text).not.toMatch(/secret/i);
      }
    });

    it('is e-mailed for a case recorded offline; no address, or an account besides it, gets no e-mail to it', async () => {
      const sent = useFakeMailer();
      const officer = await createActor(handle.db, 'grievance_officer');
      const resident = await createActor(handle.db, 'resident');
      const channelId = await createChannel(handle.db);
      const contact = `caller-${randomUUID().slice(0, 8)}@example.org`;

      const recorded = await recordOfflineGrievance(handle.db, { actor: officer, receivedVia: 'phone', ...filing(channelId, { contactEmail: contact }) });
      await takeStep(handle.db, { grievanceId: recorded.grievanceId, by: staff(officer), step: 'reject', message: REASONS });
      const withoutAddress = await fileGrievance(handle.db, { actor: ANONYMOUS, ...filing(channelId) });
      await takeStep(handle.db, { grievanceId: withoutAddress.grievanceId, by: staff(officer), step: 'acknowledge', message: 'Received.' });
      const withAccount = await fileGrievance(handle.db, { actor: resident, ...filing(channelId, { contactEmail: `other-${contact}` }) });
      await takeStep(handle.db, { grievanceId: withAccount.grievanceId, by: staff(officer), step: 'acknowledge', message: 'Received.' });

      await expect.poll(() => sent.length).toBe(2);
      expect(sent.map((mail) => [mail.to, ...(newsLine(mail) ?? [])])).toEqual([
        [contact, recorded.reference, 'Rejected as outside the mechanism’s scope'],
        [resident.email, withAccount.reference, 'Receipt acknowledged'],
      ]);
      // The account's e-mail is the one with its link to the notifications.
      expect(sent[1]!.text).toContain('https://participa.example/notifications');
    });

    it('is not e-mailed without SMTP_URL, and a failed e-mail is logged without the address and keeps the step', async () => {
      const officer = await createActor(handle.db, 'grievance_officer');
      const channelId = await createChannel(handle.db);
      const contact = `refused-${randomUUID().slice(0, 8)}@example.org`;
      const createTransport = vi.fn(() => ({ sendMail: async () => undefined }));
      setMailerForTests(createMailer(parseEnvironment({}), createTransport));
      const first = await fileGrievance(handle.db, { actor: ANONYMOUS, ...filing(channelId, { contactEmail: contact }) });
      expect(await takeStep(handle.db, { grievanceId: first.grievanceId, by: staff(officer), step: 'acknowledge', message: 'Received.' })).toMatchObject({ status: 'acknowledged' });
      expect(createTransport).not.toHaveBeenCalled();

      const refusal = Object.assign(new Error(`550 5.1.1 <${contact}>: Recipient address rejected`), { code: 'EENVELOPE', responseCode: 550 });
      useFakeMailer({ failWith: refusal });
      const lines: string[] = [];
      vi.spyOn(console, 'error').mockImplementation((line: string) => lines.push(line));
      const second = await fileGrievance(handle.db, { actor: ANONYMOUS, ...filing(channelId, { contactEmail: contact }) });
      expect(await takeStep(handle.db, { grievanceId: second.grievanceId, by: staff(officer), step: 'acknowledge', message: 'Received.' })).toMatchObject({ status: 'acknowledged' });
      await vi.waitFor(() => expect(lines).toHaveLength(1));
      expect(lines[0]).toContain('grievance_updated_contact');
      expect(lines[0]).toContain('EENVELOPE');
      expect(lines[0]).not.toContain(contact);
    });
  });
});
