// Grievance channels against the real databases: who may set them up, one per initiative
// and one for the city, which deadlines may change, who sees which channel, the public
// statistics of known cases at a chosen moment, the rule that a consultation opens only
// once its initiative has a channel, and the demo data.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { grievanceChannels, grievances, initiatives } from '@/db/schema';
import { DEMO_PLAZA_MAYOR_CHANNEL, seedDemoGrievances } from '@/db/seed-grievances';
import { seedDemoData } from '@/db/seed';
import { ANONYMOUS, type Actor } from '@/lib/auth/actor';
import { changeConsultationStatus } from '@/lib/consultations/save-consultation';
import { loadConsultation } from '@/lib/consultations/queries';
import { channelForInitiative, createChannel, findChannel, findCityWideChannel, findInitiativeChannel, freeChannelOwners, listChannels, updateChannel } from '@/lib/grievances/channels';
import { fileGrievance } from '@/lib/grievances/file-grievance';
import { channelStatistics } from '@/lib/grievances/statistics-queries';
import { takeStep } from '@/lib/grievances/take-step';
import { DEFAULT_DEADLINE_DAYS, type DeadlineDays, type GrievanceCategory, type GrievanceStep } from '@/lib/grievances/vocabulary';
import { createActor } from './support/actors';
import { createTestConsultation, createTestInitiative } from './support/consultations';
import { testBackends, useSuiteDatabase } from './support/databases';

const INSTRUCTIONS = 'Grievance desk, Town Hall, weekdays 9:00 to 14:00; telephone 010.';

function channelFields(overrides: Partial<Parameters<typeof createChannel>[1]> = {}) {
  return { name: 'Test grievances', offlineInstructions: INSTRUCTIONS, ...DEFAULT_DEADLINE_DAYS, initiativeId: null, ...overrides };
}

async function fileAt(db: Db, channelId: string, category: GrievanceCategory, receivedAt: string): Promise<string> {
  const filed = await fileGrievance(db, {
    actor: ANONYMOUS,
    channelId,
    category,
    description: 'Something happened that the city should look into.',
    place: null,
    eventDate: null,
    outcomeSought: null,
    isConfidential: false,
    contactName: 'Private Person',
    contactEmail: 'private.person@example.org',
    contactPhone: null,
    submissionKey: randomUUID(),
    attachments: [],
    now: new Date(receivedAt),
  });
  return filed.grievanceId;
}

describe.each(testBackends)('grievance channels on $name', (backend) => {
  const handle = useSuiteDatabase(backend);

  const step = (actor: Actor, grievanceId: string, taken: GrievanceStep, at: string, extra: { message?: string; officerId?: string } = {}) =>
    takeStep(handle.db, {
      grievanceId,
      by: { kind: 'staff', actor },
      step: taken,
      message: extra.message ?? 'An explanation that is long enough for the record.',
      officerId: extra.officerId,
      now: new Date(at),
    });

  it('lets one city-wide channel be set up, and says so at the field when a second is tried', async () => {
    const officer = await createActor(handle.db, 'grievance_officer');
    expect((await freeChannelOwners(handle.db, { actor: officer })).isCityWideFree).toBe(true);
    const { id } = await createChannel(handle.db, { ...channelFields({ name: 'City-wide grievances' }), actor: officer });
    expect(await findChannel(handle.db, { actor: ANONYMOUS, channelId: id })).toMatchObject({
      name: 'City-wide grievances',
      offlineInstructions: INSTRUCTIONS,
      initiative: null,
      ...DEFAULT_DEADLINE_DAYS,
    });
    expect((await freeChannelOwners(handle.db, { actor: officer })).isCityWideFree).toBe(false);

    const admin = await createActor(handle.db, 'admin');
    await expect(createChannel(handle.db, { ...channelFields(), actor: admin })).rejects.toMatchObject({
      code: 'conflict',
      fieldErrors: { initiativeId: 'grievance.channelExists' },
    });
  });

  it('gives an initiative one channel, even when two officers create it at the same moment', async () => {
    const [first, second] = [await createActor(handle.db, 'grievance_officer'), await createActor(handle.db, 'admin')];
    const initiative = await createTestInitiative(handle.db, { withGrievanceChannel: false });
    expect((await freeChannelOwners(handle.db, { actor: first })).initiatives.map((free) => free.id)).toContain(initiative.id);

    const results = await Promise.allSettled([
      createChannel(handle.db, { ...channelFields({ initiativeId: initiative.id, name: 'First' }), actor: first }),
      createChannel(handle.db, { ...channelFields({ initiativeId: initiative.id, name: 'Second' }), actor: second }),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((result) => result.status === 'rejected');
    expect(refused?.reason).toMatchObject({ code: 'conflict', fieldErrors: { initiativeId: 'grievance.channelExists' } });
    expect(await handle.db.select().from(grievanceChannels).where(eq(grievanceChannels.initiativeId, initiative.id))).toHaveLength(1);
    expect((await freeChannelOwners(handle.db, { actor: first })).initiatives.map((free) => free.id)).not.toContain(initiative.id);

    await expect(createChannel(handle.db, { ...channelFields({ initiativeId: initiative.id }), actor: first })).rejects.toMatchObject({
      fieldErrors: { initiativeId: 'grievance.channelExists' },
    });
  });

  it('lets only grievance officers and administrators set up channels', async () => {
    const initiative = await createTestInitiative(handle.db, { withGrievanceChannel: false });
    const fields = channelFields({ initiativeId: initiative.id });
    for (const role of ['resident', 'organization_member', 'moderator'] as const) {
      const actor = await createActor(handle.db, role);
      await expect(createChannel(handle.db, { ...fields, actor })).rejects.toMatchObject({ code: 'forbidden' });
    }
    await expect(createChannel(handle.db, { ...fields, actor: ANONYMOUS })).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(await findInitiativeChannel(handle.db, { initiativeId: initiative.id })).toBeNull();

    const resident = await createActor(handle.db, 'resident');
    const officer = await createActor(handle.db, 'grievance_officer');
    const { id } = await createChannel(handle.db, { ...fields, actor: officer });
    await expect(updateChannel(handle.db, { ...fields, channelId: id, name: 'Taken over', actor: resident })).rejects.toMatchObject({ code: 'forbidden' });
    expect((await findInitiativeChannel(handle.db, { initiativeId: initiative.id }))?.name).toBe('Test grievances');
  });

  it('refuses a channel for an initiative that does not exist, or that the officer cannot see', async () => {
    const officer = await createActor(handle.db, 'grievance_officer');
    await expect(createChannel(handle.db, { ...channelFields({ initiativeId: randomUUID() }), actor: officer })).rejects.toMatchObject({
      code: 'bad_request',
      fieldErrors: { initiativeId: 'initiativeNotFound' },
    });
    const draft = await createTestInitiative(handle.db, { withGrievanceChannel: false });
    await handle.db.update(initiatives).set({ status: 'draft' }).where(eq(initiatives.id, draft.id));
    await expect(createChannel(handle.db, { ...channelFields({ initiativeId: draft.id }), actor: officer })).rejects.toMatchObject({
      fieldErrors: { initiativeId: 'initiativeNotFound' },
    });
    // An administrator sees drafts, and may prepare the channel before the initiative is public.
    const admin = await createActor(handle.db, 'admin');
    const { id } = await createChannel(handle.db, { ...channelFields({ initiativeId: draft.id }), actor: admin });
    expect(await findChannel(handle.db, { actor: admin, channelId: id })).not.toBeNull();
    // Until then the public and officers do not learn of it, not even by its address.
    expect(await findChannel(handle.db, { actor: ANONYMOUS, channelId: id })).toBeNull();
    expect(await findChannel(handle.db, { actor: officer, channelId: id })).toBeNull();
    expect((await listChannels(handle.db, { actor: ANONYMOUS })).map((channel) => channel.id)).not.toContain(id);
    expect((await listChannels(handle.db, { actor: admin })).map((channel) => channel.id)).toContain(id);
    expect(await findChannel(handle.db, { actor: ANONYMOUS, channelId: 'not-a-uuid' })).toBeNull();
  });

  /** The city has one city-wide channel: whichever test needs it first makes it. */
  async function ensureCityWideChannel(): Promise<void> {
    if (await findCityWideChannel(handle.db)) return;
    await createChannel(handle.db, { ...channelFields({ name: 'City-wide grievances' }), actor: await createActor(handle.db, 'admin') });
  }

  it('lists the city-wide channel first, and sends grievances about an initiative without a channel to it', async () => {
    await ensureCityWideChannel();
    const channels = await listChannels(handle.db, { actor: ANONYMOUS });
    expect(channels[0]?.initiative).toBeNull();
    expect(channels.slice(1).every((channel) => channel.initiative !== null)).toBe(true);

    const withChannel = await createTestInitiative(handle.db);
    const own = await channelForInitiative(handle.db, { initiativeId: withChannel.id });
    expect(own).toMatchObject({ isOwn: true, channel: { initiative: { id: withChannel.id, slug: withChannel.slug } } });
    const without = await createTestInitiative(handle.db, { withGrievanceChannel: false });
    expect(await channelForInitiative(handle.db, { initiativeId: without.id })).toMatchObject({ isOwn: false, channel: { initiative: null } });
  });

  it('changes name, instructions and deadlines; a case keeps the deadlines it was received under', async () => {
    const officer = await createActor(handle.db, 'grievance_officer');
    const initiative = await createTestInitiative(handle.db, { withGrievanceChannel: false });
    const { id } = await createChannel(handle.db, { ...channelFields({ initiativeId: initiative.id }), actor: officer });
    const update = (changes: Partial<DeadlineDays> & { name?: string }) =>
      updateChannel(handle.db, { ...channelFields(), ...changes, channelId: id, actor: officer });
    const promised = async (grievanceId: string) =>
      (await handle.db.select({ resolveDays: grievances.resolveDays, appealDays: grievances.appealDays }).from(grievances).where(eq(grievances.id, grievanceId)))[0];

    await update({ name: 'Renamed', resolveDays: 60, appealDays: 30 });
    expect(await findChannel(handle.db, { actor: ANONYMOUS, channelId: id })).toMatchObject({ name: 'Renamed', resolveDays: 60, appealDays: 30, initiative: { id: initiative.id } });

    const earlier = await fileAt(handle.db, id, 'other', '2026-03-01T09:00:00Z');
    await update({ resolveDays: 90, appealDays: 30 });
    const later = await fileAt(handle.db, id, 'other', '2026-03-02T09:00:00Z');
    expect(await promised(earlier)).toEqual({ resolveDays: 60, appealDays: 30 });
    expect(await promised(later)).toEqual({ resolveDays: 90, appealDays: 30 });

    await update({ name: 'Shorter', resolveDays: 45, appealDays: 30, acknowledgeDays: 2 });
    expect(await findChannel(handle.db, { actor: ANONYMOUS, channelId: id })).toMatchObject({ name: 'Shorter', resolveDays: 45, acknowledgeDays: 2 });

    await expect(updateChannel(handle.db, { ...channelFields(), channelId: randomUUID(), actor: officer })).rejects.toMatchObject({
      code: 'not_found',
      fieldErrors: { form: 'grievance.channelNotFound' },
    });
  });

  it('counts known cases exactly, at the moment asked, by category and by month in the city’s time zone', async () => {
    const officer = await createActor(handle.db, 'grievance_officer');
    const initiative = await createTestInitiative(handle.db, { withGrievanceChannel: false });
    const days = { acknowledgeDays: 2, resolveDays: 10, appealDays: 15, appealDecisionDays: 20 };
    const { id: channelId } = await createChannel(handle.db, { ...channelFields({ initiativeId: initiative.id }), ...days, actor: officer });
    const channel = { id: channelId, ...days };

    // Received 23:30 UTC on 31 January: already February in Madrid. Answered on time, closed
    // once the appeal window had passed: 21 days and 10½ hours after receipt.
    const onTime = await fileAt(handle.db, channelId, 'nuisance_environment', '2026-01-31T23:30:00Z');
    await step(officer, onTime, 'acknowledge', '2026-02-01T10:00:00Z', { message: 'Received.' });
    await step(officer, onTime, 'assign', '2026-02-01T10:01:00Z', { officerId: officer.id });
    await step(officer, onTime, 'propose_resolution', '2026-02-05T10:00:00Z');
    await step(officer, onTime, 'close_with_reasons', '2026-02-06T10:00:00Z');
    await step(officer, onTime, 'close', '2026-02-22T10:00:00Z'); // the appeal window of 15 days has passed
    // Acknowledged a day late, rejected in time, closed after the appeal window: 20 days.
    const lateAcknowledgement = await fileAt(handle.db, channelId, 'land_property', '2026-02-10T12:00:00Z');
    await step(officer, lateAcknowledgement, 'acknowledge', '2026-02-13T12:00:00Z', { message: 'Received.' });
    await step(officer, lateAcknowledgement, 'reject', '2026-02-14T12:00:00Z');
    await step(officer, lateAcknowledgement, 'close', '2026-03-02T12:00:00Z');
    // Never answered: both deadlines have passed by 20 March.
    await fileAt(handle.db, channelId, 'works_contractors', '2026-03-01T09:00:00Z');
    // Received two days before: its acknowledgement is due at 09:00 on 20 March, still running at midnight.
    await fileAt(handle.db, channelId, 'works_contractors', '2026-03-18T09:00:00Z');
    // Another channel's case is not counted here.
    const elsewhere = await createTestInitiative(handle.db);
    const [otherChannel] = await handle.db.select({ id: grievanceChannels.id }).from(grievanceChannels).where(eq(grievanceChannels.initiativeId, elsewhere.id));
    await fileAt(handle.db, otherChannel!.id, 'other', '2026-03-05T09:00:00Z');

    const at20March = await channelStatistics(handle.db, { channel, now: new Date('2026-03-20T00:00:00Z'), timeZone: 'Europe/Madrid' });
    expect(at20March).toMatchObject({
      received: 4,
      acknowledgedOnTime: { onTime: 1, counted: 3 },
      resolvedOnTime: { onTime: 2, counted: 3 },
      closed: 2,
      averageDaysToClose: expect.closeTo((21.4375 + 20) / 2, 6),
    });
    expect(at20March.acknowledgedOnTime.share).toBeCloseTo(1 / 3, 10);
    expect(at20March.resolvedOnTime.share).toBeCloseTo(2 / 3, 10);
    expect(at20March.byCategory.map(({ category, received, closed }) => ({ category, received, closed }))).toEqual([
      { category: 'works_contractors', received: 2, closed: 0 },
      { category: 'land_property', received: 1, closed: 1 },
      { category: 'nuisance_environment', received: 1, closed: 1 },
    ]);
    expect(at20March.byCategory[0]).toMatchObject({ acknowledgedOnTime: { onTime: 0, counted: 1, share: 0 }, resolvedOnTime: { onTime: 0, counted: 1 }, averageDaysToClose: null });
    expect(at20March.byMonth.map(({ month, received, acknowledgedOnTime, resolvedOnTime }) => ({ month, received, acknowledgedOnTime, resolvedOnTime }))).toEqual([
      { month: '2026-02', received: 2, acknowledgedOnTime: { onTime: 1, counted: 2, share: 0.5 }, resolvedOnTime: { onTime: 2, counted: 2, share: 1 } },
      { month: '2026-03', received: 2, acknowledgedOnTime: { onTime: 0, counted: 1, share: 0 }, resolvedOnTime: { onTime: 0, counted: 1, share: 0 } },
    ]);

    // Ten days later the last case's deadlines have passed too.
    const at1April = await channelStatistics(handle.db, { channel, now: new Date('2026-04-01T00:00:00Z'), timeZone: 'Europe/Madrid' });
    expect(at1April).toMatchObject({ received: 4, acknowledgedOnTime: { onTime: 1, counted: 4, share: 0.25 }, resolvedOnTime: { onTime: 2, counted: 4, share: 0.5 } });
    // In UTC the first case was received in January.
    const inUtc = await channelStatistics(handle.db, { channel, now: new Date('2026-04-01T00:00:00Z'), timeZone: 'UTC' });
    expect(inUtc.byMonth.map(({ month, received }) => [month, received])).toEqual([
      ['2026-01', 1],
      ['2026-02', 1],
      ['2026-03', 2],
    ]);
  });

  it('opens a consultation only once its initiative has a channel of its own', async () => {
    const moderator = await createActor(handle.db, 'moderator');
    const officer = await createActor(handle.db, 'grievance_officer');
    const now = new Date();
    const initiative = await createTestInitiative(handle.db, { withGrievanceChannel: false });
    const { id } = await createTestConsultation(handle.db, { status: 'information', now, initiativeId: initiative.id });
    const open = () => changeConsultationStatus(handle.db, { actor: moderator, consultationId: id, to: 'open', now });

    // The city-wide channel is not enough.
    await ensureCityWideChannel();
    expect(await channelForInitiative(handle.db, { initiativeId: initiative.id })).toMatchObject({ isOwn: false });
    await expect(open()).rejects.toMatchObject({ code: 'conflict', fieldErrors: { to: 'grievanceChannelMissing' } });
    expect((await loadConsultation(handle.db, id))?.status).toBe('information');

    await createChannel(handle.db, { ...channelFields({ initiativeId: initiative.id }), actor: officer });
    await open();
    expect((await loadConsultation(handle.db, id))?.status).toBe('open');
  });
});

describe.each(testBackends)('demo grievances on $name', (backend) => {
  const handle = useSuiteDatabase(backend);

  it('adds both channels and five cases once, with the figures the seed promises', async () => {
    await seedDemoData(handle.db);
    await seedDemoData(handle.db);
    await seedDemoGrievances(handle.db);
    const channels = await listChannels(handle.db, { actor: ANONYMOUS });
    expect(channels.map((channel) => [channel.name, channel.initiative?.slug ?? null])).toEqual([
      ['City-wide grievances', null],
      [DEMO_PLAZA_MAYOR_CHANNEL.name, 'plaza-mayor-redesign'],
    ]);
    const plazaMayor = channels[1]!;
    expect(await handle.db.select({ id: grievances.id }).from(grievances).where(eq(grievances.channelId, plazaMayor.id))).toHaveLength(5);

    const statistics = await channelStatistics(handle.db, { channel: plazaMayor, now: new Date('2027-06-01T00:00:00Z'), timeZone: 'UTC' });
    expect(statistics).toMatchObject({
      received: 5,
      acknowledgedOnTime: { onTime: 4, counted: 5 },
      resolvedOnTime: { onTime: 3, counted: 5 },
      closed: 3,
    });
    expect(statistics.averageDaysToClose).toBeCloseTo(29.3, 1);
    expect(statistics.byMonth.map(({ month, received }) => [month, received])).toEqual([
      ['2026-07', 1],
      ['2026-08', 1],
      ['2026-09', 1],
      ['2026-10', 2],
    ]);
    // The figures are settled: they read the same on the day the demo was written.
    expect(await channelStatistics(handle.db, { channel: plazaMayor, now: new Date('2026-11-25T00:00:00Z'), timeZone: 'UTC' })).toEqual(statistics);
  });
});
