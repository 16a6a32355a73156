// Demo data for "you said, we did": an earlier consultation of the demo initiative that
// has closed, with input from a resident, an NGO and people heard on paper, by phone
// and at a meeting; two of them grouped into a theme; every input answered; and the
// published decision. Written through lib/decisions, so the demo holds exactly what a
// moderator would have produced (revisions, notifications and all).
import type { Actor } from '@/lib/auth/actor';
import { createDecision, publishDecision } from '@/lib/decisions/manage-decisions';
import { createTheme, respond } from '@/lib/decisions/respond';
import { storeTrustedFile } from '@/lib/documents/storage';
import { demoPdf } from './demo-pdf';
import type { Db } from './index';
import { consultationDocuments, consultations, inputs } from './schema';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface DecidedConsultationSeed {
  initiativeId: string;
  now: Date;
  moderator: Extract<Actor, { kind: 'user' }>;
  residentId: string | null;
  ngoMemberId: string | null;
  ngoId: string | null;
}

export async function seedDemoDecidedConsultation(db: Db, { initiativeId, now, moderator, residentId, ngoMemberId, ngoId }: DecidedConsultationSeed): Promise<void> {
  const at = (days: number) => new Date(now.getTime() + days * DAY_MS);
  const day = (days: number) => at(days).toISOString().slice(0, 10);

  const [consultation] = await db
    .insert(consultations)
    .values({
      initiativeId,
      title: 'Getting to Plaza Mayor on foot and by bike',
      questions: ['How do you get to the square today, and what would make walking or cycling there easier and safer?'],
      scope:
        'Open: cycle lanes, crossings and speed limits on the four streets that lead to the square. ' +
        'Decided beforehand: the square itself becomes car-free; bus routes and fares are set by the regional transport authority.',
      level: 'consult',
      status: 'closed',
      moderationMode: 'post',
      informationAt: at(-80),
      opensAt: at(-65),
      closesAt: at(-35),
      informationStartedAt: at(-80),
      openedAt: at(-65),
      closedAt: at(-35),
      createdBy: moderator.id,
      createdAt: at(-85),
      updatedAt: at(-35),
    })
    .returning({ id: consultations.id });
  if (!consultation) return;

  const bytes = demoPdf('Streets around Plaza Mayor: traffic and safety study', [
    'About 9,000 people a day reach the square on foot, 1,100 by bike and 4,300 by car.',
    'Calle Real carries most cyclists but has no cycle lane; two collisions with cyclists were recorded last year.',
    'The crossings on Avenida del Río are 24 m wide; the green phase for pedestrians lasts 18 seconds.',
    'The primary school on Calle Olmo opens onto a street where the speed limit is 50 km/h.',
  ]);
  const { fileId } = await storeTrustedFile(db, new Blob([bytes]), { createdAt: at(-80) });
  await db.insert(consultationDocuments).values({
    consultationId: consultation.id,
    title: 'Streets around Plaza Mayor: traffic and safety study',
    fileName: 'plaza-mayor-traffic-study.pdf',
    contentType: 'application/pdf',
    byteSize: bytes.byteLength,
    fileId,
    uploadedBy: moderator.id,
    uploadedAt: at(-80),
  });

  const given = [
    {
      key: 'lane',
      authorId: residentId,
      kind: 'proposal' as const,
      title: 'A protected cycle lane on Calle Real',
      body: 'I cycle to work along Calle Real every day and share the lane with buses. A cycle lane separated by a kerb, from the river to the square, would make me and my children feel safe.',
      createdAt: at(-60),
    },
    {
      key: 'greenway',
      authorId: ngoMemberId,
      organizationId: ngoId,
      kind: 'proposal' as const,
      title: 'Connect the square to the river greenway',
      body: 'The river greenway ends 400 m from the square. A shaded walking and cycling link along Calle Olmo would join them and give the school a safe route.',
      createdAt: at(-55),
    },
    {
      key: 'crossing',
      channel: 'paper' as const,
      participantName: 'J. Ortega',
      kind: 'objection' as const,
      title: 'The crossings on Avenida del Río are too long',
      body: 'Written at the district office: at my age I cannot cross the avenue before the light turns red. Please give us more time or an island in the middle.',
      createdAt: at(-50),
    },
    {
      key: 'school',
      channel: 'meeting' as const,
      participantName: null,
      kind: 'comment' as const,
      title: 'Slow the traffic in front of the school',
      body: 'Noted at the neighbours’ meeting: parents ask for a lower speed limit and a raised crossing at the school gate on Calle Olmo.',
      createdAt: at(-45),
    },
    {
      key: 'night',
      channel: 'phone' as const,
      participantName: 'A shop owner on Calle Real',
      kind: 'objection' as const,
      title: 'Let delivery vans through the square at night',
      body: 'Told by phone: our deliveries come at 6 in the morning. Without a way through the square, vans will block Calle Real instead.',
      createdAt: at(-40),
    },
    {
      key: 'fares',
      authorId: residentId,
      kind: 'question' as const,
      title: 'Will bus tickets to the square get cheaper?',
      body: 'If fewer people can drive to the square, will the bus become cheaper so that everyone can still come?',
      createdAt: at(-38),
    },
  ];
  const stored = await db
    .insert(inputs)
    .values(
      given.map(({ key: _key, ...input }) => ({
        ...input,
        recordedBy: 'channel' in input ? moderator.id : null,
        consultationId: consultation.id,
        status: 'published' as const,
        publishedAt: input.createdAt,
        submissionKey: crypto.randomUUID(),
      })),
    )
    .returning({ id: inputs.id, title: inputs.title });
  const idOf = (key: string) => stored.find((input) => input.title === given.find((candidate) => candidate.key === key)!.title)!.id;

  const asModerator = { actor: moderator, now: at(-12) };
  const { decisionId } = await createDecision(db, {
    ...asModerator,
    consultationId: consultation.id,
    title: 'Walking and cycling plan for the streets around Plaza Mayor',
    summary: 'A protected cycle lane on Calle Real from the river to the square, safer crossings on Avenida del Río, a 30 km/h zone around the school, and a greenway link along Calle Olmo.',
    body:
      'The City Council approves the following measures, to be built together with the square:\n\n' +
      '1. A cycle lane separated from traffic by a kerb on Calle Real, between the river and Plaza Mayor. Buses keep their own lane.\n' +
      '2. On Avenida del Río, a refuge island at both crossings and a pedestrian green phase of at least 30 seconds.\n' +
      '3. A 30 km/h zone on Calle Olmo and the streets around the school, with a raised crossing at the school gate.\n' +
      '4. A shaded walking and cycling link along Calle Olmo joining the square to the river greenway.\n\n' +
      'Delivery vehicles reach the shops on Calle Real from Calle Olmo between 6:00 and 10:00; the square itself stays car-free.',
    decidingBody: 'City Council, Committee on Urban Mobility',
    decidedOn: day(-12),
  });
  const linked = [decisionId];

  await respond(db, {
    ...asModerator,
    inputId: idOf('lane'),
    outcome: 'partly_adopted',
    explanation:
      'The cycle lane will be built and separated from traffic by a kerb, as you asked. It runs from the river to the square, but not further north: there the street is too narrow for a bus lane and a cycle lane side by side.',
    decisionIds: linked,
  });
  await respond(db, {
    ...asModerator,
    inputId: idOf('greenway'),
    outcome: 'adopted',
    explanation: 'The link along Calle Olmo is part of the plan, with trees on both sides. It also gives the school the safe route you pointed out.',
    decisionIds: linked,
  });
  const { themeId } = await createTheme(db, { ...asModerator, consultationId: consultation.id, title: 'Safer crossings for children and older people', inputIds: [idOf('crossing'), idOf('school')] });
  await respond(db, {
    ...asModerator,
    themeId,
    outcome: 'adopted',
    explanation:
      'Both crossings on Avenida del Río get a refuge island and at least 30 seconds of green for pedestrians, and the streets around the school become a 30 km/h zone with a raised crossing at the gate.',
    decisionIds: linked,
  });
  await respond(db, {
    ...asModerator,
    inputId: idOf('night'),
    outcome: 'not_adopted',
    explanation:
      'Vans will not cross the square, which stays car-free for safety. Instead, deliveries reach the shops from Calle Olmo between 6:00 and 10:00, which the traffic study shows keeps Calle Real clear.',
    decisionIds: linked,
  });
  await respond(db, {
    ...asModerator,
    inputId: idOf('fares'),
    outcome: 'noted',
    explanation:
      'Bus fares are set by the regional transport authority, not by this consultation. We have passed your question on to them and will publish their answer on this page.',
    decisionIds: [],
  });
  await publishDecision(db, { actor: moderator, now: at(-10), decisionId });
}
