// What stays confidential in a grievance, against both databases: the files of a
// confidential case are listed and downloaded only by the officer it is assigned to and
// administrators, and each of their downloads is written into the case's history for
// staff to see (not for the complainant, and without making anyone's open form stale);
// and the access key of a case filed online is handed out exactly once, by the receipt's
// first display.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { auditEntries, grievanceChannels, grievanceEvents, grievances, initiatives } from '@/db/schema';
import { ANONYMOUS, type Actor } from '@/lib/auth/actor';
import { accessOfNewCase } from '@/lib/grievances/access';
import { findGrievanceAttachment } from '@/lib/grievances/attachment-download';
import { caseStage, currentCaseStage } from '@/lib/grievances/case-stage';
import { findCaseForHandler } from '@/lib/grievances/case-queries';
import { accessKeyMatches } from '@/lib/grievances/codes';
import { loadComplainantView } from '@/lib/grievances/complainant-view';
import { fileGrievance, type GrievanceFiling } from '@/lib/grievances/file-grievance';
import { awaitReceipt, claimAccessKey } from '@/lib/grievances/receipt';
import { takeStep } from '@/lib/grievances/take-step';
import { createActor } from './support/actors';
import { testBackends, useSuiteDatabase } from './support/databases';

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

/** A channel of its own (through an initiative of its own), so tests sharing a database never collide. */
async function createChannel(db: Db): Promise<string> {
  const slug = `grievance-confidential-${randomUUID().slice(0, 8)}`;
  const [initiative] = await db
    .insert(initiatives)
    .values({ slug, title: `Initiative ${slug}`, summary: 'An initiative made by a test.', status: 'active', responsibleUnit: 'Test Unit' })
    .returning({ id: initiatives.id });
  const [channel] = await db
    .insert(grievanceChannels)
    .values({ initiativeId: initiative!.id, name: `Channel of ${slug}`, offlineInstructions: 'Town hall, desk 3, weekdays 9–14.' })
    .returning({ id: grievanceChannels.id });
  return channel!.id;
}

function filing(channelId: string, overrides: Partial<GrievanceFiling> = {}): GrievanceFiling {
  return {
    channelId,
    category: 'retaliation',
    description: 'After I complained about the works, the site manager stopped hiring people from my street.',
    place: null,
    eventDate: null,
    outcomeSought: null,
    isConfidential: true,
    contactName: null,
    contactEmail: null,
    contactPhone: null,
    submissionKey: randomUUID(),
    attachments: [],
    ...overrides,
  };
}

describe.each(testBackends)('confidential grievances on $name', (backend) => {
  const handle = useSuiteDatabase(backend);

  /** A confidential case with a file naming its complainant, acknowledged and assigned to `assigned` by `admin`. */
  async function assignedConfidentialCase(assigned: Actor, admin: Actor, overrides: Partial<GrievanceFiling> = {}) {
    const channelId = await createChannel(handle.db);
    const filed = await fileGrievance(handle.db, {
      actor: ANONYMOUS,
      ...filing(channelId, { attachments: [{ fileName: 'letter from Carmen Ruiz.pdf', file: new Blob([PDF]) }], ...overrides }),
    });
    const assignedId = (assigned as Extract<Actor, { kind: 'user' }>).id;
    await takeStep(handle.db, { grievanceId: filed.grievanceId, by: { kind: 'staff', actor: admin }, step: 'acknowledge', message: 'Received.' });
    await takeStep(handle.db, { grievanceId: filed.grievanceId, by: { kind: 'staff', actor: admin }, step: 'assign', message: '', officerId: assignedId });
    return filed;
  }

  it('lets only the assigned officer and administrators list and download a confidential case’s files, and records each of their downloads', async () => {
    const assigned = await createActor(handle.db, 'grievance_officer', 'Olga Assigned');
    const other = await createActor(handle.db, 'grievance_officer', 'Oscar Other');
    const admin = await createActor(handle.db, 'admin', 'Ada Admin');
    const filed = await assignedConfidentialCase(assigned, admin);
    const caseFor = async (actor: Actor) => (await findCaseForHandler(handle.db, { actor, grievanceId: filed.grievanceId }))!;

    // The officer it is not assigned to learns neither the files nor their names.
    const otherView = await caseFor(other);
    expect(otherView).toMatchObject({ isConfidential: true, areAttachmentsWithheld: true, attachments: [] });
    expect(JSON.stringify(otherView)).not.toContain('Carmen');

    const assignedView = await caseFor(assigned);
    expect(assignedView).toMatchObject({ areAttachmentsWithheld: false });
    expect(assignedView.attachments.map((attachment) => attachment.fileName)).toEqual(['letter from Carmen Ruiz.pdf']);
    expect((await caseFor(admin)).attachments).toHaveLength(1);
    const attachmentId = assignedView.attachments[0]!.id;

    const download = (actor: Actor) => findGrievanceAttachment(handle.db, { attachmentId, actor, pass: null });
    expect(await download(other)).toBeNull();
    expect(await download(assigned)).toMatchObject({ fileName: 'letter from Carmen Ruiz.pdf', contentType: 'application/pdf' });
    expect(await download(admin)).toMatchObject({ fileName: 'letter from Carmen Ruiz.pdf' });

    // Staff see who opened which file and when; the refused attempt opened nothing and is not there.
    const opened = (await caseFor(admin)).history.filter((event) => event.kind === 'attachment_opened');
    expect(opened.map((event) => [event.actor, event.openedAttachment])).toEqual([
      [{ kind: 'officer', name: 'Olga Assigned' }, { id: attachmentId, fileName: 'letter from Carmen Ruiz.pdf' }],
      [{ kind: 'administrator', name: 'Ada Admin' }, { id: attachmentId, fileName: 'letter from Carmen Ruiz.pdf' }],
    ]);
    for (const event of opened) expect(event.createdAt).toBeInstanceOf(Date);
    // The other officer sees that the files were opened and by whom, not what they are called.
    const seenByOther = (await caseFor(other)).history.filter((event) => event.kind === 'attachment_opened');
    expect(seenByOther.map((event) => [event.actor.kind, event.openedAttachment])).toEqual([
      ['officer', { id: attachmentId, fileName: null }],
      ['administrator', { id: attachmentId, fileName: null }],
    ]);

    // Not a step of the case: the complainant's history and the case's stage leave them out.
    const view = await loadComplainantView(handle.db, { access: accessOfNewCase(filed.grievanceId, filed.reference) });
    expect(view.history.map((entry) => entry.kind)).toEqual(['received', 'acknowledge', 'assign']);
    expect(await currentCaseStage(handle.db, { actor: admin, grievanceId: filed.grievanceId })).toBe(caseStage({ status: 'in_review', eventCount: 3 }));

    // The audit log records each opening of the case by someone who saw the complainant, and not the other officer's.
    const openings = await handle.db.select().from(auditEntries).where(and(eq(auditEntries.action, 'confidential_case_opened'), eq(auditEntries.subjectId, filed.grievanceId)));
    const viewers = openings.map((entry) => entry.actorId);
    expect(viewers).toContain((assigned as Extract<Actor, { kind: 'user' }>).id);
    expect(viewers).toContain((admin as Extract<Actor, { kind: 'user' }>).id);
    expect(viewers).not.toContain((other as Extract<Actor, { kind: 'user' }>).id);
    expect(JSON.stringify(openings)).not.toContain('Carmen');
  });

  it('stores an opening under a kind of its own and still reads the ones stored as kind-less messages before it existed', async () => {
    const assigned = await createActor(handle.db, 'grievance_officer', 'Olga Assigned');
    const admin = await createActor(handle.db, 'admin', 'Ada Admin');
    const filed = await assignedConfidentialCase(assigned, admin);
    const caseFor = async () => (await findCaseForHandler(handle.db, { actor: admin, grievanceId: filed.grievanceId }))!;
    const attachmentId = (await caseFor()).attachments[0]!.id;
    // An opening as the interim encoding stored it (before migration 0008): a message with no from_status.
    await handle.db.insert(grievanceEvents).values({
      grievanceId: filed.grievanceId,
      kind: 'message',
      fromStatus: null,
      toStatus: 'in_review',
      actorKind: 'officer',
      actorId: (assigned as Extract<Actor, { kind: 'user' }>).id,
      message: attachmentId,
    });
    await findGrievanceAttachment(handle.db, { attachmentId, actor: admin, pass: null });

    const stored = await handle.db.select({ kind: grievanceEvents.kind }).from(grievanceEvents).where(eq(grievanceEvents.grievanceId, filed.grievanceId));
    expect(stored.map((event) => event.kind)).toContain('attachment_opened');
    const opened = (await caseFor()).history.filter((event) => event.kind === 'attachment_opened');
    expect(opened.map((event) => [event.actor.kind, event.openedAttachment?.id])).toEqual([
      ['officer', attachmentId],
      ['administrator', attachmentId],
    ]);
    const view = await loadComplainantView(handle.db, { access: accessOfNewCase(filed.grievanceId, filed.reference) });
    expect(view.history.map((entry) => entry.kind)).toEqual(['received', 'acknowledge', 'assign']);
    expect(await currentCaseStage(handle.db, { actor: admin, grievanceId: filed.grievanceId })).toBe(caseStage({ status: 'in_review', eventCount: 3 }));
  });

  it('lets every grievance handler open the files of a case that is not confidential, recording nothing', async () => {
    const assigned = await createActor(handle.db, 'grievance_officer');
    const other = await createActor(handle.db, 'grievance_officer');
    const admin = await createActor(handle.db, 'admin');
    const filed = await assignedConfidentialCase(assigned, admin, { isConfidential: false });
    const otherView = (await findCaseForHandler(handle.db, { actor: other, grievanceId: filed.grievanceId }))!;
    expect(otherView).toMatchObject({ areAttachmentsWithheld: false });
    expect(await findGrievanceAttachment(handle.db, { attachmentId: otherView.attachments[0]!.id, actor: other, pass: null })).toMatchObject({
      fileName: 'letter from Carmen Ruiz.pdf',
    });
    const history = (await findCaseForHandler(handle.db, { actor: admin, grievanceId: filed.grievanceId }))!.history;
    expect(history.map((event) => event.kind)).toEqual(['received', 'acknowledge', 'assign']);
  });

  it('hands out the access key of a case filed online once, on the receipt’s first display', async () => {
    const channelId = await createChannel(handle.db);
    const filed = await fileGrievance(handle.db, { actor: ANONYMOUS, ...filing(channelId) });
    const storedHash = async () => (await handle.db.select({ hash: grievances.accessKeyHash }).from(grievances).where(eq(grievances.id, filed.grievanceId)))[0]!.hash;

    const receipt = await awaitReceipt(handle.db, filed);
    expect(JSON.stringify(receipt)).not.toContain(filed.accessKey);
    // The key filing made is never shown, so it opens nothing.
    expect(accessKeyMatches(filed.accessKey, await storedHash())).toBe(false);

    const shown = await claimAccessKey(handle.db, receipt);
    expect(shown).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    expect(accessKeyMatches(shown!, await storedHash())).toBe(true);
    // A reload, or the same cookie from elsewhere, gets no key, and the one shown still opens the case.
    expect(await claimAccessKey(handle.db, receipt)).toBeNull();
    expect(accessKeyMatches(shown!, await storedHash())).toBe(true);
    // A made-up ticket gets nothing either.
    expect(await claimAccessKey(handle.db, { grievanceId: filed.grievanceId, ticket: 'guessed' })).toBeNull();
  });
});
