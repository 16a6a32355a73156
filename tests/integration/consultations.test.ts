// A consultation's life against the real database: who can find it when, what staff
// may change, and the rule of prior information before anyone can take part.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { consultations } from '@/db/schema';
import { ANONYMOUS, type Actor } from '@/lib/auth/actor';
import { findConsultation, listInitiativeConsultations, loadConsultation } from '@/lib/consultations/queries';
import { changeConsultationStatus, createConsultation, updateConsultation } from '@/lib/consultations/save-consultation';
import type { ConsultationFields } from '@/lib/consultations/schemas';
import type { ConsultationStatus } from '@/lib/consultations/vocabulary';
import { createActor } from './support/actors';
import { addTestDocument, createTestConsultation, createTestInitiative } from './support/consultations';
import { testBackends, useSuiteDatabase } from './support/databases';

const DAY_MS = 24 * 60 * 60 * 1000;
const later = (from: Date, days: number) => new Date(from.getTime() + days * DAY_MS);

/** The plan as the form schema hands it over: public in 2 days, open in 9, closing in 30. */
function plan(now: Date, overrides: Partial<ConsultationFields> = {}): ConsultationFields {
  return {
    title: 'Plaza Mayor: shade and seating',
    questions: ['Where would you like more shade?', 'Which benches do you use?'],
    scope: 'The layout of trees and benches can still change; the budget cannot.',
    level: 'consult',
    moderationMode: 'post',
    informationAt: later(now, 2),
    opensAt: later(now, 9),
    closesAt: later(now, 30),
    informationDays: 7,
    shortInformationReason: null,
    ...overrides,
  };
}

/**
 * The database, but every UPDATE sent through it (inside transactions too) first waits
 * for `before`: another request's work lands between a function's checks and its
 * write every time, not only when the scheduler happens to allow it. Drizzle's query
 * builders send nothing until awaited, so holding back `then` holds back the query.
 */
function holdingUpdates(db: Db, before: () => Promise<unknown>): Db {
  const holdBack = (query: PromiseLike<unknown>) => {
    const send = query.then.bind(query);
    Object.defineProperty(query, 'then', {
      value: (onFulfilled?: (value: unknown) => unknown, onRejected?: (reason: unknown) => unknown) =>
        before().then(() => send(onFulfilled, onRejected), onRejected),
    });
    return query;
  };
  const wrap = (database: Db): Db =>
    new Proxy(database, {
      get(target, property, receiver) {
        if (property === 'transaction') {
          return (work: (tx: Db) => Promise<unknown>, ...rest: unknown[]) =>
            (target.transaction as (work: (tx: Db) => Promise<unknown>, ...rest: unknown[]) => Promise<unknown>)((tx) => work(wrap(tx)), ...rest);
        }
        if (property !== 'update') return Reflect.get(target, property, receiver);
        return (table: Parameters<Db['update']>[0]) => {
          const builder = target.update(table);
          return new Proxy(builder, {
            get(builderTarget, builderProperty, builderReceiver) {
              if (builderProperty !== 'set') return Reflect.get(builderTarget, builderProperty, builderReceiver);
              return (values: Parameters<typeof builder.set>[0]) => holdBack(builderTarget.set(values));
            },
          });
        };
      },
    });
  return wrap(db);
}

/** `work`, started by the first caller only; later callers wait for the same run. */
function once(work: () => Promise<unknown>): () => Promise<unknown> {
  let run: Promise<unknown> | undefined;
  return () => (run ??= work());
}

const pause = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

describe.each(testBackends)('consultations on $name', (backend) => {
  const handle = useSuiteDatabase(backend);

  const move = (actor: Actor, consultationId: string, to: ConsultationStatus, now: Date) =>
    changeConsultationStatus(handle.db, { actor, consultationId, to, now });

  async function stored(consultationId: string) {
    const consultation = await loadConsultation(handle.db, consultationId);
    if (!consultation) throw new Error('the consultation is gone');
    return consultation;
  }

  it('keeps a new consultation a draft that only staff can find', async () => {
    const moderator = await createActor(handle.db, 'moderator');
    const admin = await createActor(handle.db, 'admin');
    const resident = await createActor(handle.db, 'resident');
    const initiative = await createTestInitiative(handle.db);
    const now = new Date();
    const { id } = await createConsultation(handle.db, { actor: moderator, initiativeId: initiative.id, ...plan(now) });

    expect(await findConsultation(handle.db, { actor: ANONYMOUS, id, now })).toBeNull();
    expect(await findConsultation(handle.db, { actor: resident, id, now })).toBeNull();
    // Not even once every planned date has passed: a draft is never public.
    expect(await findConsultation(handle.db, { actor: resident, id, now: later(now, 40) })).toBeNull();
    expect(await findConsultation(handle.db, { actor: moderator, id, now })).toMatchObject({
      id,
      status: 'draft',
      phase: 'draft',
      questions: ['Where would you like more shade?', 'Which benches do you use?'],
      initiative: { id: initiative.id },
    });
    expect(await findConsultation(handle.db, { actor: admin, id, now })).toMatchObject({ id, phase: 'draft' });
  });

  it('refuses a consultation for an initiative that does not exist, next to the field', async () => {
    const moderator = await createActor(handle.db, 'moderator');
    const initiativeId = '00000000-0000-4000-8000-000000000000';
    await expect(createConsultation(handle.db, { actor: moderator, initiativeId, ...plan(new Date()) })).rejects.toMatchObject({
      code: 'bad_request',
      fieldErrors: { initiativeId: 'initiativeNotFound' },
    });
  });

  it('shows an announced consultation to the public from its information date, not before', async () => {
    const moderator = await createActor(handle.db, 'moderator');
    const resident = await createActor(handle.db, 'resident');
    const initiative = await createTestInitiative(handle.db);
    const now = new Date();
    const { id } = await createConsultation(handle.db, { actor: moderator, initiativeId: initiative.id, ...plan(now) });
    await move(moderator, id, 'information', now);

    expect(await findConsultation(handle.db, { actor: resident, id, now })).toBeNull();
    expect(await findConsultation(handle.db, { actor: ANONYMOUS, id, now: later(now, 1.99) })).toBeNull();
    expect(await findConsultation(handle.db, { actor: moderator, id, now })).toMatchObject({ status: 'information', phase: 'scheduled' });

    const informationAt = later(now, 2);
    expect(await findConsultation(handle.db, { actor: ANONYMOUS, id, now: informationAt })).toMatchObject({ id, phase: 'information' });
    expect(await findConsultation(handle.db, { actor: resident, id, now: later(now, 3) })).toMatchObject({ id, phase: 'information' });
    expect((await stored(id)).informationStartedAt).toEqual(now);
  });

  it('refuses to open before the public could read a document for the whole information period', async () => {
    const moderator = await createActor(handle.db, 'moderator');
    const resident = await createActor(handle.db, 'resident');
    const now = new Date();
    // Public information since 10 days ago, planned to open 2 days ago, no document yet.
    const { id } = await createTestConsultation(handle.db, { status: 'information', withDocument: false, now });

    await expect(move(moderator, id, 'open', now)).rejects.toMatchObject({ code: 'conflict', fieldErrors: { to: 'priorInformationMissing' } });

    await addTestDocument(handle.db, id, later(now, -6));
    await expect(move(moderator, id, 'open', now)).rejects.toMatchObject({ code: 'conflict', fieldErrors: { to: 'priorInformationMissing' } });
    // Staff see when it can open: 7 days after the document became public.
    expect((await findConsultation(handle.db, { actor: moderator, id, now }))?.priorInformation).toEqual({
      isSatisfied: false,
      earliestOpening: later(now, 1),
    });
    expect(await stored(id)).toMatchObject({ status: 'information', openedAt: null });

    await addTestDocument(handle.db, id, later(now, -7));
    await move(moderator, id, 'open', now);
    expect(await stored(id)).toMatchObject({ status: 'open', openedAt: now, opensAt: later(now, -2) });
    expect(await findConsultation(handle.db, { actor: resident, id, now })).toMatchObject({ phase: 'open', priorInformation: { isSatisfied: true } });
  });

  it('counts a document uploaded during the draft only from the day the consultation was announced', async () => {
    const moderator = await createActor(handle.db, 'moderator');
    const initiative = await createTestInitiative(handle.db);
    const now = new Date();
    const { id } = await createConsultation(handle.db, {
      actor: moderator,
      initiativeId: initiative.id,
      ...plan(now, { informationAt: now, opensAt: later(now, 1) }),
    });
    await addTestDocument(handle.db, id, later(now, -30));
    await move(moderator, id, 'information', now);

    await expect(move(moderator, id, 'open', later(now, 6.9))).rejects.toMatchObject({ fieldErrors: { to: 'priorInformationMissing' } });
    await move(moderator, id, 'open', later(now, 7));
    expect((await stored(id)).status).toBe('open');
  });

  it('lets a shorter information period, with its reason, open sooner', async () => {
    const moderator = await createActor(handle.db, 'moderator');
    const resident = await createActor(handle.db, 'resident');
    const initiative = await createTestInitiative(handle.db);
    const now = new Date();
    const reason = 'The works start on 1 July and cannot move.';
    const { id } = await createConsultation(handle.db, {
      actor: moderator,
      initiativeId: initiative.id,
      ...plan(now, { informationAt: now, opensAt: later(now, 2), informationDays: 2, shortInformationReason: reason }),
    });
    await move(moderator, id, 'information', now);
    await addTestDocument(handle.db, id, now);

    await expect(move(moderator, id, 'open', later(now, 1))).rejects.toMatchObject({ fieldErrors: { to: 'priorInformationMissing' } });
    await move(moderator, id, 'open', later(now, 2));
    expect(await findConsultation(handle.db, { actor: resident, id, now: later(now, 2) })).toMatchObject({
      phase: 'open',
      informationDays: 2,
      shortInformationReason: reason,
    });
  });

  it('refuses to open before the information date, and after the closing date', async () => {
    const moderator = await createActor(handle.db, 'moderator');
    const initiative = await createTestInitiative(handle.db);
    const now = new Date();
    const { id } = await createConsultation(handle.db, { actor: moderator, initiativeId: initiative.id, ...plan(now) });
    await move(moderator, id, 'information', now);
    await addTestDocument(handle.db, id, now);

    await expect(move(moderator, id, 'open', later(now, 1))).rejects.toMatchObject({ code: 'conflict', fieldErrors: { to: 'notPublicYet' } });
    await expect(move(moderator, id, 'open', later(now, 31))).rejects.toMatchObject({ code: 'conflict', fieldErrors: { to: 'closingDatePassed' } });
    expect((await stored(id)).status).toBe('information');
  });

  it('moves one step at a time and never back', async () => {
    const moderator = await createActor(handle.db, 'moderator');
    const now = new Date();
    const draft = await createTestConsultation(handle.db, { status: 'draft', now });
    await expect(move(moderator, draft.id, 'open', now)).rejects.toMatchObject({ code: 'conflict', fieldErrors: { to: 'transitionNotAllowed' } });
    const open = await createTestConsultation(handle.db, { status: 'open', now });
    for (const to of ['draft', 'information', 'open'] as const) {
      await expect(move(moderator, open.id, to, now)).rejects.toMatchObject({ code: 'conflict', fieldErrors: { to: 'transitionNotAllowed' } });
    }
    expect((await stored(draft.id)).status).toBe('draft');
    expect((await stored(open.id)).status).toBe('open');
  });

  it('closes a consultation for everyone, showing the real end', async () => {
    const moderator = await createActor(handle.db, 'moderator');
    const now = new Date();
    // Opened 2 days ago, planned to close in 5 days; staff close it now.
    const { id } = await createTestConsultation(handle.db, { status: 'open', now });
    await move(moderator, id, 'closed', now);

    expect(await stored(id)).toMatchObject({ status: 'closed', closedAt: now, closesAt: now });
    expect(await findConsultation(handle.db, { actor: ANONYMOUS, id, now })).toMatchObject({ status: 'closed', phase: 'closed' });
    await expect(move(moderator, id, 'closed', now)).rejects.toMatchObject({ fieldErrors: { to: 'transitionNotAllowed' } });
  });

  it('shows an open consultation as closed once its closing date has passed', async () => {
    const now = new Date();
    const { id } = await createTestConsultation(handle.db, { status: 'open', now });
    expect(await findConsultation(handle.db, { actor: ANONYMOUS, id, now: later(now, 4.9) })).toMatchObject({ phase: 'open' });
    expect(await findConsultation(handle.db, { actor: ANONYMOUS, id, now: later(now, 5) })).toMatchObject({ status: 'open', phase: 'closed' });
  });

  it('refuses residents and organization members, and asks anonymous visitors to sign in', async () => {
    const initiative = await createTestInitiative(handle.db);
    const now = new Date();
    const { id } = await createTestConsultation(handle.db, { status: 'information', now, initiativeId: initiative.id });
    const before = await stored(id);
    const resident = await createActor(handle.db, 'resident');
    const member = await createActor(handle.db, 'organization_member');

    for (const [actor, code] of [
      [resident, 'forbidden'],
      [member, 'forbidden'],
      [ANONYMOUS, 'unauthenticated'],
    ] as const) {
      await expect(createConsultation(handle.db, { actor, initiativeId: initiative.id, ...plan(now) })).rejects.toMatchObject({ code });
      await expect(updateConsultation(handle.db, { actor, consultationId: id, ...plan(now, { title: 'Taken over' }) })).rejects.toMatchObject({ code });
      await expect(move(actor, id, 'open', now)).rejects.toMatchObject({ code });
    }
    expect(await stored(id)).toEqual(before);
    expect(await listInitiativeConsultations(handle.db, { actor: resident, initiativeId: initiative.id, now })).toHaveLength(1);
  });

  it('lets staff change the plan until the consultation opens, and not after', async () => {
    const moderator = await createActor(handle.db, 'moderator');
    const now = new Date();
    const { id } = await createTestConsultation(handle.db, { status: 'information', now });
    const informedAt = later(now, -10);
    await updateConsultation(handle.db, { actor: moderator, consultationId: id, now, ...plan(now, { title: 'Plaza Mayor, revised', informationAt: informedAt }) });
    expect(await stored(id)).toMatchObject({ title: 'Plaza Mayor, revised', opensAt: later(now, 9) });

    // What the public has already seen cannot be taken back by moving the information date.
    await expect(updateConsultation(handle.db, { actor: moderator, consultationId: id, now, ...plan(now) })).rejects.toMatchObject({
      code: 'bad_request',
      fieldErrors: { informationAt: 'informationAlreadyPublic' },
    });
    expect(await stored(id)).toMatchObject({ informationAt: informedAt });

    for (const status of ['open', 'closed'] as const) {
      const fixed = await createTestConsultation(handle.db, { status, now });
      const before = await stored(fixed.id);
      await expect(updateConsultation(handle.db, { actor: moderator, consultationId: fixed.id, ...plan(now, { title: 'Too late' }) })).rejects.toMatchObject({
        code: 'conflict',
        fieldErrors: { form: 'consultationNotEditable' },
      });
      expect(await stored(fixed.id)).toEqual(before);
    }
  });

  it('opens once when two staff members press "open" at the same moment', async () => {
    const moderator = await createActor(handle.db, 'moderator');
    const admin = await createActor(handle.db, 'admin');
    const now = new Date();
    const { id } = await createTestConsultation(handle.db, { status: 'information', now });
    // Different moments, so the row shows whose opening it records.
    const moments = [now, new Date(now.getTime() + 1000)] as const;
    // The first call pauses between its checks and its write, long enough for the second
    // to pass the same checks unless the first one's lock makes it wait.
    const slowDb = holdingUpdates(handle.db, () => pause(300));

    const results = await Promise.allSettled([
      changeConsultationStatus(slowDb, { actor: moderator, consultationId: id, to: 'open', now: moments[0] }),
      pause(20).then(() => move(admin, id, 'open', moments[1])),
    ]);

    const succeeded = results.flatMap((result, index) => (result.status === 'fulfilled' ? [index] : []));
    const refused = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
    expect(succeeded).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ code: 'conflict', fieldErrors: { to: 'transitionNotAllowed' } });
    const winner = moments[succeeded[0]!]!;
    expect(await stored(id)).toMatchObject({ status: 'open', openedAt: winner, updatedAt: winner });
  });

  it('refuses an edit when the consultation opened between loading it and saving it', async () => {
    const moderator = await createActor(handle.db, 'moderator');
    const admin = await createActor(handle.db, 'admin');
    const now = new Date();
    const { id } = await createTestConsultation(handle.db, { status: 'information', now });
    const before = await stored(id);
    // The edit moves the opening into the future; had it landed, the open consultation
    // would show an opening three days after the real one.
    const edit = plan(now, { title: 'Edited too late', informationAt: later(now, -10), opensAt: later(now, 3) });
    const racingDb = holdingUpdates(handle.db, once(() => move(moderator, id, 'open', now)));

    await expect(updateConsultation(racingDb, { actor: admin, consultationId: id, ...edit })).rejects.toMatchObject({
      code: 'conflict',
      fieldErrors: { form: 'consultationNotEditable' },
    });
    expect(await stored(id)).toMatchObject({ status: 'open', openedAt: now, title: before.title, opensAt: before.opensAt });
  });

  it('lists for the public only the consultations it can see', async () => {
    const moderator = await createActor(handle.db, 'moderator');
    const resident = await createActor(handle.db, 'resident');
    const initiative = await createTestInitiative(handle.db);
    const now = new Date();
    const inInitiative = { initiativeId: initiative.id, now };
    const draft = await createTestConsultation(handle.db, { ...inInitiative, status: 'draft' });
    const scheduled = await createTestConsultation(handle.db, { ...inInitiative, status: 'information' });
    await handle.db
      .update(consultations)
      .set({ informationAt: later(now, 1), opensAt: later(now, 8), closesAt: later(now, 20) })
      .where(eq(consultations.id, scheduled.id));
    const information = await createTestConsultation(handle.db, { ...inInitiative, status: 'information' });
    const open = await createTestConsultation(handle.db, { ...inInitiative, status: 'open' });
    const closed = await createTestConsultation(handle.db, { ...inInitiative, status: 'closed' });
    const phases = (list: Array<{ id: string; phase: string }>) => Object.fromEntries(list.map((item) => [item.id, item.phase]));

    const publicView = { [information.id]: 'information', [open.id]: 'open', [closed.id]: 'closed' };
    expect(phases(await listInitiativeConsultations(handle.db, { actor: resident, initiativeId: initiative.id, now }))).toEqual(publicView);
    expect(phases(await listInitiativeConsultations(handle.db, { actor: ANONYMOUS, initiativeId: initiative.id, now }))).toEqual(publicView);
    expect(phases(await listInitiativeConsultations(handle.db, { actor: moderator, initiativeId: initiative.id, now }))).toEqual({
      ...publicView,
      [draft.id]: 'draft',
      [scheduled.id]: 'scheduled',
    });
    // The scheduled one joins the public list on its information date.
    expect(phases(await listInitiativeConsultations(handle.db, { actor: resident, initiativeId: initiative.id, now: later(now, 1) }))).toEqual({
      ...publicView,
      [scheduled.id]: 'information',
    });
  });
});
