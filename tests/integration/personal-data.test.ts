// A person's data: the download holds everything stored about them, and deleting the
// account erases it while what they contributed stays public as "Former participant".
// On PGlite and on PostgreSQL.
import { randomUUID } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEntries, collabEdits, grievanceChannels, grievances, initiatives, users, userSessions } from '@/db/schema';
import { authenticate } from '@/lib/accounts/authenticate';
import { deleteAccountOnRequest, deleteOwnAccount } from '@/lib/accounts/delete-account';
import { findUserById } from '@/lib/accounts/find-user';
import { listUsers } from '@/lib/accounts/list-users';
import { collectPersonalData } from '@/lib/accounts/personal-data';
import { PERSONAL_DATA_FILES, personalDataArchive } from '@/lib/accounts/personal-data-archive';
import { updatePublicName } from '@/lib/accounts/profile';
import { ANONYMOUS } from '@/lib/auth/actor';
import { createSession } from '@/lib/auth/sessions';
import { listDocumentHistory } from '@/lib/collab/history';
import { fileGrievance } from '@/lib/grievances/file-grievance';
import { listConsultationInputs } from '@/lib/inputs/queries';
import { replyToInput } from '@/lib/inputs/reply';
import { supportInput } from '@/lib/inputs/support';
import { memoryRateLimitStore } from '@/lib/rate-limit/store';
import { createActor } from './support/actors';
import { createTestConsultation } from './support/consultations';
import { submitTestInput } from './support/inputs';
import { testBackends, useSuiteDatabase } from './support/databases';

const PASSWORD = 'correct horse battery';
const labels = (key: string) => key;

describe.each(testBackends)('personal data on $name', (backend) => {
  const handle = useSuiteDatabase(backend);

  async function personWhoTookPart() {
    const person = await createActor(handle.db, 'resident', `Dolores Ibarruri ${randomUUID().slice(0, 6)}`);
    const neighbour = await createActor(handle.db, 'resident');
    const consultation = await createTestConsultation(handle.db);
    const input = await submitTestInput(handle.db, person, consultation.id, { title: 'Shade for the bus stop', body: 'Plant two plane trees by the stop.' });
    const theirs = await submitTestInput(handle.db, neighbour, consultation.id, { title: 'Benches', body: 'More benches, please.' });
    await replyToInput(handle.db, { actor: person, parentId: theirs.id, body: 'Benches in the shade would be best.', submissionKey: randomUUID() });
    await supportInput(handle.db, { actor: person, inputId: theirs.id });
    const [initiative] = await handle.db.insert(initiatives).values({ slug: `pd-${randomUUID().slice(0, 8)}`, title: 'Data initiative', summary: 'For a test.', status: 'active', responsibleUnit: 'Unit' }).returning({ id: initiatives.id });
    const [channel] = await handle.db.insert(grievanceChannels).values({ initiativeId: initiative!.id, name: `Channel ${randomUUID().slice(0, 8)}`, offlineInstructions: 'Desk 3.' }).returning({ id: grievanceChannels.id });
    const grievance = await fileGrievance(handle.db, {
      actor: person,
      channelId: channel!.id,
      category: 'nuisance_environment',
      description: 'Noise from the works at night.',
      place: null,
      eventDate: null,
      outcomeSought: null,
      isConfidential: false,
      contactName: 'Dolores',
      contactEmail: 'dolores@example.org',
      contactPhone: '+34 600 000 000',
      submissionKey: randomUUID(),
      attachments: [],
    });
    await handle.db.insert(collabEdits).values({ document: `initiative/${initiative!.id}/stakeholder-map`, userId: person.id, updateCount: 4, byteSize: 321 });
    return { person, neighbour, consultation, input, grievance, mapDocument: `initiative/${initiative!.id}/stakeholder-map` };
  }

  it('downloads everything stored about the person, as JSON and as a readable page, and nothing of anyone else', async () => {
    const { person, neighbour, grievance } = await personWhoTookPart();
    await createSession(handle.db, { userId: person.id });
    const data = await collectPersonalData(handle.db, { actor: person });

    expect(data.account).toMatchObject({ id: person.id, name: person.name, email: person.email, role: 'resident' });
    expect(data.inputs.map((input) => [input.title, input.isReply])).toEqual([
      ['Shade for the bus stop', false],
      [null, true],
    ]);
    expect(data.inputs[1]?.text).toBe('Benches in the shade would be best.');
    expect(data.supports).toHaveLength(1);
    expect(data.sessions).toHaveLength(1);
    expect(data.grievances).toEqual([expect.objectContaining({ reference: grievance.reference, contactEmail: 'dolores@example.org' })]);
    expect(data.grievances[0]?.history.length).toBeGreaterThan(0);
    expect(data.mapEdits).toEqual([expect.objectContaining({ changes: 4, bytes: 321 })]);
    expect(JSON.stringify(data)).not.toContain(neighbour.email);

    const files = unzipSync(personalDataArchive(data, labels, 'en'));
    expect(Object.keys(files).sort()).toEqual([PERSONAL_DATA_FILES.html, PERSONAL_DATA_FILES.json].sort());
    expect(JSON.parse(strFromU8(files[PERSONAL_DATA_FILES.json]!))).toEqual(data);
    const page = strFromU8(files[PERSONAL_DATA_FILES.html]!);
    expect(page).toContain('Plant two plane trees by the stop.');
    expect(page).not.toContain('<script');

    await expect(collectPersonalData(handle.db, { actor: ANONYMOUS })).rejects.toMatchObject({ code: 'unauthenticated' });
  });

  it('erases the account on request: contributions stay as a former participant’s, the name and e-mail are nowhere', async () => {
    const { person, neighbour, consultation, grievance, mapDocument } = await personWhoTookPart();
    await updatePublicName(handle.db, { actor: person, name: person.name, pseudonym: 'Pasionaria' });
    const session = await createSession(handle.db, { userId: person.id });

    await expect(deleteOwnAccount(handle.db, { actor: person, currentPassword: 'not it', address: '192.0.2.9', limits: memoryRateLimitStore() })).rejects.toMatchObject({
      fieldErrors: { currentPassword: 'currentPasswordWrong' },
    });
    await deleteOwnAccount(handle.db, { actor: person, currentPassword: PASSWORD, address: '192.0.2.9', limits: memoryRateLimitStore() });

    const [row] = await handle.db.select().from(users).where(eq(users.id, person.id));
    expect(row).toMatchObject({ name: null, email: null, passwordHash: null, pseudonym: null });
    expect(row?.deletedAt).not.toBeNull();
    expect(await handle.db.select().from(userSessions).where(eq(userSessions.id, session.id))).toEqual([]);
    expect(await findUserById(handle.db, person.id)).toBeNull();
    await expect(authenticate(handle.db, { email: person.email, password: PASSWORD, address: '192.0.2.10', limits: memoryRateLimitStore() })).resolves.toBeNull();

    // The input and the reply are still public, with no name.
    const listing = await listConsultationInputs(handle.db, { actor: ANONYMOUS, consultationId: consultation.id });
    const mine = listing.items.find((input) => input.title === 'Shade for the bus stop');
    expect(mine?.author).toEqual({ name: null, isFormerParticipant: true });
    const reply = listing.items.flatMap((input) => input.replies).find((candidate) => candidate.body === 'Benches in the shade would be best.');
    expect(reply?.author).toEqual({ name: null, isFormerParticipant: true });
    const page = JSON.stringify(listing);
    for (const secret of [person.name, person.email, 'Pasionaria']) expect(page).not.toContain(secret);

    // The grievance keeps its history without the contact details; the map history has no name.
    const [kept] = await handle.db.select().from(grievances).where(eq(grievances.reference, grievance.reference));
    expect(kept).toMatchObject({ filerId: null, contactName: null, contactEmail: null, contactPhone: null, description: 'Noise from the works at night.' });
    const history = await listDocumentHistory(handle.db, { document: mapDocument });
    expect(history).toEqual([expect.objectContaining({ userId: person.id, userName: null, updateCount: 4 })]);

    // Recorded, without personal data.
    const [entry] = await handle.db.select().from(auditEntries).where(eq(auditEntries.subjectId, person.id));
    expect(entry).toMatchObject({ action: 'account_deleted', actorId: person.id, details: { byAdministrator: false, grievancesAnonymized: 1 } });
    expect(JSON.stringify(entry)).not.toContain(person.email);

    // The neighbour is untouched; the e-mail address can be used for a new account.
    expect(await findUserById(handle.db, neighbour.id)).not.toBeNull();
    await expect(createActor(handle.db, 'resident')).resolves.toBeDefined();
  });

  it('lets an administrator erase someone else’s account, never their own, and leaves it off the list', async () => {
    const admin = await createActor(handle.db, 'admin');
    const person = await createActor(handle.db, 'resident');
    await expect(deleteAccountOnRequest(handle.db, { actor: person, userId: admin.id })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(deleteAccountOnRequest(handle.db, { actor: admin, userId: admin.id })).rejects.toMatchObject({ code: 'forbidden' });
    await deleteAccountOnRequest(handle.db, { actor: admin, userId: person.id });
    await expect(deleteAccountOnRequest(handle.db, { actor: admin, userId: person.id })).rejects.toMatchObject({ code: 'not_found' });
    expect((await listUsers(handle.db, { actor: admin })).map((user) => user.id)).not.toContain(person.id);
    const [entry] = await handle.db.select().from(auditEntries).where(eq(auditEntries.subjectId, person.id));
    expect(entry).toMatchObject({ action: 'account_deleted', actorId: admin.id, actorRole: 'admin', details: { byAdministrator: true } });
  });
});
