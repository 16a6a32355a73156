// The complainant's side against the real database: filing with or without an account,
// the codes that open the case (and the same "not found" for every wrong guess), the
// throttling of guesses, and the steps the complainant takes through takeStep.
import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** The request's cookie jar, as next/headers hands it to server code. */
const jar = vi.hoisted(() => {
  const values = new Map<string, string>();
  return {
    values,
    store: {
      get: (name: string) => (values.has(name) ? { name, value: values.get(name)! } : undefined),
      set: (name: string, value: string) => {
        values.set(name, value);
      },
    },
  };
});
vi.mock('next/headers', () => ({ cookies: async () => jar.store }));

import { grievanceChannels, grievances, initiatives, storedFiles } from '@/db/schema';
import type { Db } from '@/db';
import { ANONYMOUS, type Actor } from '@/lib/auth/actor';
import { isAppError } from '@/lib/errors';
import { FAILURE_BACKOFF_POLICIES } from '@/lib/rate-limit/policies';
import { accessOfNewCase, openCaseAsFiler, openCaseWithKey, openCaseWithFollowPass, type ComplainantAccess } from '@/lib/grievances/access';
import { findGrievanceAttachment } from '@/lib/grievances/attachment-download';
import { loadComplainantView } from '@/lib/grievances/complainant-view';
import { fileGrievance, type GrievanceFiling } from '@/lib/grievances/file-grievance';
import { complainantAccessFor, readFollowPass, setFollowCookie } from '@/lib/grievances/follow-cookie';
import { listMyGrievances } from '@/lib/grievances/my-grievances';
import { takeStep } from '@/lib/grievances/take-step';
import { MAX_ATTACHMENT_BYTES } from '@/lib/grievances/vocabulary';
import { createActor } from './support/actors';
import { testBackends, useSuiteDatabase } from './support/databases';

const DAY_MS = 24 * 60 * 60 * 1000;
const later = (from: Date, days: number) => new Date(from.getTime() + days * DAY_MS);

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

/** A channel of its own (through an initiative of its own), so tests sharing a database never collide. */
async function createChannel(db: Db, appealDays = 15): Promise<string> {
  const slug = `grievance-filing-${randomUUID().slice(0, 8)}`;
  const [initiative] = await db
    .insert(initiatives)
    .values({ slug, title: `Initiative ${slug}`, summary: 'An initiative made by a test.', status: 'active', responsibleUnit: 'Test Unit' })
    .returning({ id: initiatives.id });
  const [channel] = await db
    .insert(grievanceChannels)
    .values({ initiativeId: initiative!.id, name: `Channel of ${slug}`, offlineInstructions: 'Town hall, desk 3, weekdays 9–14.', appealDays })
    .returning({ id: grievanceChannels.id });
  return channel!.id;
}

function filing(channelId: string, overrides: Partial<GrievanceFiling> = {}): GrievanceFiling {
  return {
    channelId,
    category: 'nuisance_environment',
    description: 'Trucks idle outside the school every morning from 7 to 9.',
    place: 'Calle Mayor 3',
    eventDate: '2026-03-02',
    outcomeSought: 'Move the waiting area away from the school.',
    isConfidential: true,
    contactName: 'Ana Pérez',
    contactEmail: 'ana@example.org',
    contactPhone: null,
    submissionKey: randomUUID(),
    attachments: [],
    ...overrides,
  };
}

/** A fresh address per test: the attempts table is shared by the suite. */
const newAddress = () => `203.0.113.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 8)}`;

/** What a person (or a guesser) learns from a refusal. */
async function refusal(attempt: Promise<unknown>) {
  try {
    await attempt;
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { code: error.code, status: error.status, fieldErrors: error.fieldErrors, message: error.message, retryAfterSeconds: error.retryAfterSeconds };
  }
  throw new Error('expected a refusal');
}

describe.each(testBackends)('the complainant’s side of grievances on $name', (backend) => {
  const handle = useSuiteDatabase(backend);

  beforeEach(() => {
    jar.values.clear();
    vi.stubEnv('NEXTAUTH_SECRET', 'a-session-secret-of-at-least-thirty-two-characters');
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  const file = (actor: Actor, fields: GrievanceFiling, now = new Date()) => fileGrievance(handle.db, { ...fields, actor, now });
  const open = (reference: string, accessKey: string, address = newAddress()) => openCaseWithKey(handle.db, { reference, accessKey, address });
  const staffStep = (actor: Actor, access: ComplainantAccess, step: Parameters<typeof takeStep>[1]['step'], message: string, now: Date, officerId?: string) =>
    takeStep(handle.db, { grievanceId: access.grievanceId, by: { kind: 'staff', actor }, step, message, now, officerId });

  it('files a grievance without an account and opens it with the codes it gave', async () => {
    const channelId = await createChannel(handle.db);
    const now = new Date();
    const filed = await file(ANONYMOUS, filing(channelId), now);
    expect(filed.reference).toMatch(/^GR-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(filed.accessKey).toMatch(/^([0-9A-Z]{4}-){4}[0-9A-Z]{4}$/);

    const [stored] = await handle.db.select().from(grievances).where(eq(grievances.id, filed.grievanceId));
    expect(stored).toMatchObject({ filerId: null, status: 'received', receivedVia: 'online', isConfidential: true, contactName: 'Ana Pérez' });
    expect(stored!.accessKeyHash).not.toContain(filed.accessKey.replace(/-/g, ''));

    // As typed by a person: lower case, spaces instead of dashes.
    const access = await open(filed.reference.toLowerCase().replace(/-/g, ' '), filed.accessKey.toLowerCase());
    expect(access).toMatchObject({ grievanceId: filed.grievanceId, reference: filed.reference });

    const view = await loadComplainantView(handle.db, { access, now });
    expect(view).toMatchObject({
      reference: filed.reference,
      category: 'nuisance_environment',
      description: 'Trucks idle outside the school every morning from 7 to 9.',
      place: 'Calle Mayor 3',
      eventDate: '2026-03-02',
      outcomeSought: 'Move the waiting area away from the school.',
      status: 'received',
      clock: { kind: 'acknowledge', party: 'city', dueAt: later(now, 5), isOverdue: false, daysLeft: 5 },
      steps: ['message'],
      appealPossibleUntil: null,
    });
    expect(view.history).toEqual([expect.objectContaining({ kind: 'received', actor: 'complainant', toStatus: 'received', message: null })]);
  });

  it('links a grievance filed while signed in to the account, and to nobody else', async () => {
    const channelId = await createChannel(handle.db);
    const resident = await createActor(handle.db, 'resident');
    const someoneElse = await createActor(handle.db, 'resident');
    const filed = await file(resident, filing(channelId, { contactName: null, contactEmail: null, isConfidential: false }));

    expect(await openCaseAsFiler(handle.db, resident, filed.reference)).toMatchObject({ grievanceId: filed.grievanceId });
    expect(await refusal(openCaseAsFiler(handle.db, someoneElse, filed.reference))).toMatchObject({ code: 'not_found', fieldErrors: { form: 'grievance.caseNotFound' } });
    expect(await refusal(openCaseAsFiler(handle.db, ANONYMOUS, filed.reference))).toMatchObject({ code: 'not_found' });

    const mine = await listMyGrievances(handle.db, { actor: resident });
    expect(mine).toEqual([expect.objectContaining({ reference: filed.reference, status: 'received', clock: expect.objectContaining({ kind: 'acknowledge' }) })]);
    expect(await listMyGrievances(handle.db, { actor: someoneElse })).toEqual([]);
    expect(await listMyGrievances(handle.db, { actor: ANONYMOUS })).toEqual([]);
  });

  it('stores one case for a form sent twice; the key of the last answer opens it', async () => {
    const channelId = await createChannel(handle.db);
    const fields = filing(channelId);
    const [first, second] = [await file(ANONYMOUS, fields), await file(ANONYMOUS, fields)];
    expect(second).toMatchObject({ grievanceId: first.grievanceId, reference: first.reference, isDuplicate: true });
    const [{ cases }] = (await handle.db.select({ cases: count() }).from(grievances).where(eq(grievances.submissionKey, fields.submissionKey))) as [{ cases: number }];
    expect(cases).toBe(1);
    expect(await open(second.reference, second.accessKey)).toMatchObject({ grievanceId: first.grievanceId });
  });

  it('refuses an attachment of a wrong type or over 10 MB at the field, storing nothing', async () => {
    const channelId = await createChannel(handle.db);
    const storedBefore = await handle.db.select({ files: count() }).from(storedFiles);
    const cases = [
      { attachment: { fileName: 'letter.pdf', file: new Blob(['#!/bin/sh\necho not a pdf\n']) }, fieldError: 'fileTypeNotAccepted' },
      { attachment: { fileName: 'scan.pdf', file: new Blob([new Uint8Array(MAX_ATTACHMENT_BYTES + 1)]) }, fieldError: 'grievance.attachmentTooLarge' },
    ];
    for (const { attachment, fieldError } of cases) {
      const fields = filing(channelId, { attachments: [{ fileName: 'fine.pdf', file: new Blob([PDF]) }, attachment] });
      expect(await refusal(file(ANONYMOUS, fields))).toMatchObject({ code: 'bad_request', fieldErrors: { attachments: fieldError } });
      expect(await handle.db.select({ id: grievances.id }).from(grievances).where(eq(grievances.submissionKey, fields.submissionKey))).toEqual([]);
    }
    expect(await handle.db.select({ files: count() }).from(storedFiles)).toEqual(storedBefore);
  });

  it('lets the complainant and grievance handlers download an attachment, nobody else', async () => {
    const channelId = await createChannel(handle.db);
    const officer = await createActor(handle.db, 'grievance_officer');
    const moderator = await createActor(handle.db, 'moderator');
    // Not confidential: any officer may then open its files (a confidential case's are for its
    // assigned officer and administrators: grievance-confidential.test.ts).
    const filed = await file(ANONYMOUS, filing(channelId, { isConfidential: false, attachments: [{ fileName: 'noise log.pdf', file: new Blob([PDF]) }] }));
    const access = await open(filed.reference, filed.accessKey);
    const view = await loadComplainantView(handle.db, { access });
    expect(view.attachments).toEqual([expect.objectContaining({ fileName: 'noise log.pdf', contentType: 'application/pdf', byteSize: PDF.byteLength, addedBy: 'complainant' })]);
    expect(view.history[0]!.attachments).toHaveLength(1);
    const attachmentId = view.attachments[0]!.id;

    await setFollowCookie(access);
    const pass = await readFollowPass();
    const download = (actor: Actor, withPass: typeof pass) => findGrievanceAttachment(handle.db, { attachmentId, actor, pass: withPass });
    expect(await download(ANONYMOUS, pass)).toMatchObject({ fileName: 'noise log.pdf', contentType: 'application/pdf', content: expect.objectContaining({ byteSize: PDF.byteLength }) });
    expect(await download(officer, null)).toMatchObject({ fileName: 'noise log.pdf' });
    expect(await download(ANONYMOUS, null)).toBeNull();
    expect(await download(moderator, null)).toBeNull();

    // A pass for another case opens nothing here.
    const other = await file(ANONYMOUS, filing(channelId));
    await setFollowCookie(accessOfNewCase(other.grievanceId, other.reference));
    expect(await download(ANONYMOUS, await readFollowPass())).toBeNull();
    expect(await findGrievanceAttachment(handle.db, { attachmentId: 'not-a-uuid', actor: officer, pass: null })).toBeNull();
  });

  it('answers a wrong key, an unknown reference and malformed codes identically', async () => {
    const channelId = await createChannel(handle.db);
    const filed = await file(ANONYMOUS, filing(channelId));
    const other = await file(ANONYMOUS, filing(channelId));
    const unknownReference = 'GR-00000-00000';
    const refusals = await Promise.all([
      refusal(open(filed.reference, other.accessKey)),
      refusal(open(unknownReference, filed.accessKey)),
      refusal(open('GR-123', filed.accessKey)),
      refusal(open(filed.reference, 'short')),
      refusal(open('', '')),
      refusal(open(filed.reference, `${filed.accessKey}X`)),
    ]);
    for (const answer of refusals) expect(answer).toEqual(refusals[0]);
    expect(refusals[0]).toMatchObject({ code: 'not_found', status: 404, fieldErrors: { form: 'grievance.caseNotFound' } });
  });

  it('opens a case with its right codes from an address where 10 wrong codes were just tried', async () => {
    const channelId = await createChannel(handle.db);
    const filed = await file(ANONYMOUS, filing(channelId));
    const sharedAddress = newAddress();
    // Behind a proxy without TRUST_PROXY every complainant has this one address: ten
    // people mistype their codes, then one types theirs right.
    for (let attempt = 0; attempt < 10; attempt += 1) {
      expect(await refusal(open(`GR-0000${attempt}-ZZZZZ`, 'AAAA-BBBB-CCCC-DDDD-EEEE', sharedAddress))).toMatchObject({ code: 'not_found' });
    }
    expect(await open(filed.reference, filed.accessKey, sharedAddress)).toMatchObject({ grievanceId: filed.grievanceId });
  });

  it('slows guessing of one case from one address for a short while, and the right key then gets in', async () => {
    const channelId = await createChannel(handle.db);
    const filed = await file(ANONYMOUS, filing(channelId));
    const guesser = newAddress();
    const { freeFailures, maxDelaySeconds } = FAILURE_BACKOFF_POLICIES.grievanceCodeCaseAddress;
    for (let attempt = 0; attempt <= freeFailures; attempt += 1) {
      expect(await refusal(open(filed.reference, 'AAAA-BBBB-CCCC-DDDD-EEEE', guesser))).toMatchObject({ code: 'not_found' });
    }
    const slowed = await refusal(open(filed.reference, filed.accessKey, guesser));
    expect(slowed).toMatchObject({ code: 'rate_limited', status: 429, fieldErrors: { form: 'grievance.tooManyAttempts' } });
    expect(slowed.retryAfterSeconds).toBeLessThanOrEqual(maxDelaySeconds);
    // Elsewhere the right codes open the case at once…
    expect(await open(filed.reference, filed.accessKey, newAddress())).toMatchObject({ grievanceId: filed.grievanceId });
    // …and here too, once the short wait is over.
    await new Promise((resolve) => setTimeout(resolve, slowed.retryAfterSeconds! * 1000));
    expect(await open(filed.reference, filed.accessKey, guesser)).toMatchObject({ grievanceId: filed.grievanceId });
  });

  it('opens the case in this browser by its follow cookie or for its filer, and says nothing otherwise', async () => {
    const channelId = await createChannel(handle.db);
    const resident = await createActor(handle.db, 'resident');
    const anonymousCase = await file(ANONYMOUS, filing(channelId));
    const residentCase = await file(resident, filing(channelId));

    expect(await complainantAccessFor(handle.db, { actor: ANONYMOUS, reference: anonymousCase.reference })).toBeNull();
    await setFollowCookie(await open(anonymousCase.reference, anonymousCase.accessKey));
    expect(await complainantAccessFor(handle.db, { actor: ANONYMOUS, reference: anonymousCase.reference })).toMatchObject({ grievanceId: anonymousCase.grievanceId });
    expect(await complainantAccessFor(handle.db, { actor: ANONYMOUS, reference: anonymousCase.reference.toLowerCase() })).toMatchObject({
      grievanceId: anonymousCase.grievanceId,
    });
    // The pass is for one case: not the resident's, not a made-up one.
    expect(await complainantAccessFor(handle.db, { actor: ANONYMOUS, reference: residentCase.reference })).toBeNull();
    expect(await complainantAccessFor(handle.db, { actor: ANONYMOUS, reference: 'GR-00000-00000' })).toBeNull();
    expect(await complainantAccessFor(handle.db, { actor: ANONYMOUS, reference: '../../etc' })).toBeNull();
    expect(await complainantAccessFor(handle.db, { actor: resident, reference: residentCase.reference })).toMatchObject({ grievanceId: residentCase.grievanceId });

    // A pass naming a case id with another case's reference is refused.
    const pass = await readFollowPass();
    expect(await refusal(openCaseWithFollowPass(handle.db, { pass: { ...pass!, reference: residentCase.reference } as typeof pass, reference: residentCase.reference }))).toMatchObject({
      code: 'not_found',
    });
  });

  it('lets the complainant accept a proposed resolution, and shows staff by role only', async () => {
    const channelId = await createChannel(handle.db);
    const officer = await createActor(handle.db, 'grievance_officer', 'Officer Unique-Name-4711');
    const start = new Date(Date.now() - 10 * DAY_MS);
    const filed = await file(ANONYMOUS, filing(channelId), start);
    const access = await open(filed.reference, filed.accessKey);

    await staffStep(officer, access, 'acknowledge', 'We received your grievance and will look into it.', later(start, 1));
    await staffStep(officer, access, 'assign', '', later(start, 1.5), officer.id);
    await takeStep(handle.db, { grievanceId: access.grievanceId, by: { kind: 'complainant', access }, step: 'message', message: 'The trucks were there again today.', now: later(start, 2) });
    const proposedAt = later(start, 3);
    await staffStep(officer, access, 'propose_resolution', 'Waiting trucks will use the depot on Calle Sur from next week.', proposedAt);

    const proposed = await loadComplainantView(handle.db, { access, now: later(start, 4) });
    expect(proposed.status).toBe('resolution_proposed');
    expect(proposed.steps).toEqual(['accept_resolution', 'appeal', 'message']);
    expect(proposed.appealPossibleUntil).toEqual(later(proposedAt, 15));
    expect(proposed.clock).toMatchObject({ kind: 'appealWindow', party: 'complainant' });
    expect(proposed.history.map((entry) => [entry.kind, entry.actor])).toEqual([
      ['received', 'complainant'],
      ['acknowledge', 'officer'],
      ['assign', 'officer'],
      ['message', 'complainant'],
      ['propose_resolution', 'officer'],
    ]);
    expect(JSON.stringify(proposed)).not.toContain('Unique-Name-4711');
    expect(JSON.stringify(proposed)).not.toContain(officer.id);

    const accepted = await takeStep(handle.db, { grievanceId: access.grievanceId, by: { kind: 'complainant', access }, step: 'accept_resolution', message: '', now: later(start, 5) });
    expect(accepted.status).toBe('resolved');
    const resolved = await loadComplainantView(handle.db, { access, now: later(start, 5) });
    // An accepted resolution is final: no appeal.
    expect(resolved).toMatchObject({ status: 'resolved', steps: ['message'], appealPossibleUntil: null, clock: null });
  });

  it('lets the complainant appeal a rejection once, with a reason, while the window is open', async () => {
    const channelId = await createChannel(handle.db, 10);
    const officer = await createActor(handle.db, 'grievance_officer');
    const start = new Date(Date.now() - 5 * DAY_MS);
    const filed = await file(ANONYMOUS, filing(channelId), start);
    const access = await open(filed.reference, filed.accessKey);
    const rejectedAt = later(start, 1);
    await staffStep(officer, access, 'reject', 'Traffic in this street is the regional authority’s responsibility.', rejectedAt);

    const appeal = (message: string, now: Date) => takeStep(handle.db, { grievanceId: access.grievanceId, by: { kind: 'complainant', access }, step: 'appeal', message, now });
    expect(await refusal(appeal('I disagree.', later(start, 2)))).toMatchObject({ code: 'bad_request', fieldErrors: { message: 'grievance.explanationRequired' } });

    const rejected = await loadComplainantView(handle.db, { access, now: later(start, 2) });
    expect(rejected).toMatchObject({ status: 'rejected', steps: ['appeal', 'message'], appealPossibleUntil: later(rejectedAt, 10) });

    const appealedAt = later(start, 3);
    expect(await appeal('The trucks wait on a city street, which the city manages.', appealedAt)).toMatchObject({ status: 'appealed' });
    const appealed = await loadComplainantView(handle.db, { access, now: later(start, 3) });
    expect(appealed).toMatchObject({ status: 'appealed', steps: ['message'], appealPossibleUntil: null, clock: { kind: 'decideAppeal', party: 'city', dueAt: later(appealedAt, 20) } });
    expect(appealed.history.at(-1)).toMatchObject({ kind: 'appeal', actor: 'complainant', message: 'The trucks wait on a city street, which the city manages.' });
    expect(await refusal(appeal('Appealing a second time, with reasons.', later(start, 4)))).toMatchObject({ code: 'conflict', fieldErrors: { form: 'grievance.wrongStatus' } });
  });

  it('closes the appeal window when its days have passed', async () => {
    const channelId = await createChannel(handle.db, 3);
    const officer = await createActor(handle.db, 'grievance_officer');
    const start = new Date(Date.now() - 10 * DAY_MS);
    const filed = await file(ANONYMOUS, filing(channelId), start);
    const access = await open(filed.reference, filed.accessKey);
    await staffStep(officer, access, 'reject', 'Outside the scope of this mechanism, see the procedure.', later(start, 1));

    const afterWindow = later(start, 4.1);
    expect(await loadComplainantView(handle.db, { access, now: afterWindow })).toMatchObject({ steps: ['message'], appealPossibleUntil: null });
    expect(
      await refusal(takeStep(handle.db, { grievanceId: access.grievanceId, by: { kind: 'complainant', access }, step: 'appeal', message: 'Too late, but here are my reasons anyway.', now: afterWindow })),
    ).toMatchObject({ code: 'conflict', fieldErrors: { form: 'grievance.appealWindowClosed' } });
  });

  it('does not let the access to one case act on another', async () => {
    const channelId = await createChannel(handle.db);
    const mine = await file(ANONYMOUS, filing(channelId));
    const theirs = await file(ANONYMOUS, filing(channelId));
    const access = await open(mine.reference, mine.accessKey);
    expect(await refusal(takeStep(handle.db, { grievanceId: theirs.grievanceId, by: { kind: 'complainant', access }, step: 'message', message: 'Hello from elsewhere.' }))).toMatchObject({
      code: 'not_found',
    });
  });
});
