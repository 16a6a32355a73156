// Demo grievance redress: the city-wide channel and the Plaza Mayor channel, each added
// only when missing, and, with a Plaza Mayor channel created by this run, five cases
// taken through the real workflow (fileGrievance, takeStep) on fixed dates in 2026 so the
// public statistics always show the same figures:
//   received 5 · acknowledged on time 4 of 5 · answered on time 3 of 5 · 3 closed,
//   on average 29.3 days after receipt.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Actor } from '@/lib/auth/actor';
import { accessOfNewCase } from '@/lib/grievances/access';
import { fileGrievance, recordOfflineGrievance, type GrievanceFiling } from '@/lib/grievances/file-grievance';
import { takeStep, type StepBy } from '@/lib/grievances/take-step';
import { DEFAULT_DEADLINE_DAYS, type GrievanceStep } from '@/lib/grievances/vocabulary';
import type { Db } from './index';
import { grievanceChannels, initiatives, users } from './schema';

export const DEMO_CITY_WIDE_CHANNEL = {
  name: 'City-wide grievances',
  offlineInstructions:
    'In person: Citizens’ Advice Desk, Town Hall, ground floor (Plaza de la Villa 1), Monday to Friday 9:00–14:00 and Thursday 16:00–19:00. ' +
    'Staff fill in the form with you and hand you your reference code and access key.\n' +
    'By telephone: 010, Monday to Friday 8:00–20:00 (free from landlines).\n' +
    'By post: Grievance Office, Town Hall, Plaza de la Villa 1. Give an address or telephone number if you want the codes sent to you.',
  ...DEFAULT_DEADLINE_DAYS,
};

export const DEMO_PLAZA_MAYOR_CHANNEL = {
  name: 'Plaza Mayor redesign: grievances',
  offlineInstructions:
    'At the project kiosk on the north corner of Plaza Mayor: Tuesday and Saturday 10:00–13:00 for as long as the project lasts. ' +
    'A grievance officer is there to listen and write your grievance down with you; there is also a box for written grievances.\n' +
    'By telephone: 900 123 456 (free), weekdays 9:00–17:00.\n' +
    'Or at the Citizens’ Advice Desk in the Town Hall, during its opening hours.',
  ...DEFAULT_DEADLINE_DAYS,
  acknowledgeDays: 3,
};

const PLAZA_MAYOR_SLUG = 'plaza-mayor-redesign';

type Handler = Extract<Actor, { kind: 'user' }>;

/** The two demo grievance officers as they are now, or null if an administrator has changed them. */
async function demoOfficers(db: Db): Promise<{ greta: Handler; omar: Handler } | null> {
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role })
    .from(users)
    .where(and(inArray(users.email, ['grievances@participa.example', 'officer@participa.example']), eq(users.role, 'grievance_officer')));
  const officer = (email: string): Handler | undefined => {
    const row = rows.find((candidate) => candidate.email === email);
    return row?.name ? { kind: 'user', id: row.id, name: row.name, role: row.role } : undefined;
  };
  const greta = officer('grievances@participa.example');
  const omar = officer('officer@participa.example');
  return greta && omar ? { greta, omar } : null;
}

export async function seedDemoGrievances(db: Db): Promise<void> {
  const [cityWide] = await db.select({ id: grievanceChannels.id }).from(grievanceChannels).where(isNull(grievanceChannels.initiativeId)).limit(1);
  if (!cityWide) await db.insert(grievanceChannels).values({ ...DEMO_CITY_WIDE_CHANNEL, initiativeId: null }).onConflictDoNothing();

  const [plazaMayor] = await db.select({ id: initiatives.id }).from(initiatives).where(eq(initiatives.slug, PLAZA_MAYOR_SLUG)).limit(1);
  if (!plazaMayor) return;
  const [created] = await db
    .insert(grievanceChannels)
    .values({ ...DEMO_PLAZA_MAYOR_CHANNEL, initiativeId: plazaMayor.id })
    .onConflictDoNothing()
    .returning({ id: grievanceChannels.id });
  // Cases come with a new channel only, so whatever officers have done since stays.
  if (!created) return;
  const officers = await demoOfficers(db);
  if (officers) await seedDemoCases(db, created.id, officers);
}

type DemoStep = { at: string; step: GrievanceStep; by: 'greta' | 'omar' | 'complainant'; message?: string; officer?: 'greta' | 'omar' };

interface DemoCase {
  filing: Omit<GrievanceFiling, 'channelId' | 'submissionKey' | 'attachments' | 'place' | 'eventDate' | 'outcomeSought' | 'contactName' | 'contactEmail' | 'contactPhone'> &
    Partial<Pick<GrievanceFiling, 'place' | 'eventDate' | 'outcomeSought' | 'contactName' | 'contactEmail' | 'contactPhone'>>;
  receivedAt: string;
  /** Typed in by Greta from a letter, a call or a visit. */
  offline?: { via: 'paper' | 'phone' | 'in_person'; recordedAt: string };
  steps: DemoStep[];
}

const DEMO_CASES: DemoCase[] = [
  {
    filing: {
      category: 'nuisance_environment',
      description:
        'The survey crew has started drilling test holes on the square at 6:30 in the morning. Our bedroom faces the square and the noise wakes the children every day. ' +
        'The notice on the fence says works start at 8:00.',
      place: 'Plaza Mayor, east side, in front of number 14',
      eventDate: '2026-07-03',
      outcomeSought: 'That the drilling keeps to the hours on the notice.',
      isConfidential: false,
    },
    receivedAt: '2026-07-06T08:30:00Z',
    steps: [
      { at: '2026-07-07T10:00:00Z', step: 'acknowledge', by: 'omar', message: 'Thank you for telling us. Your grievance has been received and will be reviewed.' },
      { at: '2026-07-07T10:05:00Z', step: 'assign', by: 'omar', officer: 'omar' },
      {
        at: '2026-07-20T14:00:00Z',
        step: 'propose_resolution',
        by: 'omar',
        message: 'The contractor has confirmed in writing that no machinery will run before 8:00; the site supervisor will check it each morning until the survey ends on 31 July.',
      },
      { at: '2026-07-22T18:00:00Z', step: 'accept_resolution', by: 'complainant', message: 'Since last week it has been quiet until eight. Thank you.' },
      { at: '2026-07-24T09:00:00Z', step: 'close', by: 'omar', message: 'Resolved: the complainant accepted the agreed working hours.' },
    ],
  },
  {
    filing: {
      category: 'access_to_information',
      description:
        'I asked at the kiosk for the contract with the sensor supplier and was told it is not public. I want to know who receives the data from the air-quality sensors.',
      outcomeSought: 'A copy of the contract, or at least the part about the data.',
      isConfidential: false,
    },
    receivedAt: '2026-08-10T11:00:00Z',
    steps: [
      { at: '2026-08-14T09:00:00Z', step: 'acknowledge', by: 'omar', message: 'Your grievance has been received. We are sorry for the late confirmation.' },
      { at: '2026-08-14T09:05:00Z', step: 'assign', by: 'omar', officer: 'omar' },
      {
        at: '2026-08-18T15:00:00Z',
        step: 'reject',
        by: 'omar',
        message: 'Requests for documents follow the public-records procedure of the Transparency Office, which can order their release; this mechanism cannot.',
      },
      {
        at: '2026-08-24T20:00:00Z',
        step: 'appeal',
        by: 'complainant',
        message: 'My complaint is not only about the document: the kiosk gave no information about where the sensor data goes, which the project promised to publish.',
      },
      {
        at: '2026-09-07T10:00:00Z',
        step: 'decide_appeal',
        by: 'greta',
        message: 'Appeal upheld in part: the project will publish a data-use statement for the sensors by 30 September; the contract itself remains a public-records request.',
      },
      { at: '2026-09-08T09:00:00Z', step: 'close', by: 'greta', message: 'Closed after the appeal decision; the data-use statement is scheduled.' },
    ],
  },
  {
    filing: {
      category: 'works_contractors',
      description:
        'A delivery lorry for the works damaged the awning of my shop while reversing into the square. The driver left without giving any details.',
      place: 'Calle del Arco 3, corner of Plaza Mayor',
      eventDate: '2026-08-29',
      outcomeSought: 'Repair or payment for the awning.',
      isConfidential: false,
    },
    receivedAt: '2026-09-01T09:30:00Z',
    offline: { via: 'paper', recordedAt: '2026-09-01T12:00:00Z' },
    steps: [
      { at: '2026-09-02T10:00:00Z', step: 'acknowledge', by: 'greta', message: 'Your letter has been received and typed in; your reference and access key were posted to you.' },
      { at: '2026-09-02T10:10:00Z', step: 'assign', by: 'greta', officer: 'omar' },
      {
        at: '2026-10-06T11:00:00Z',
        step: 'propose_resolution',
        by: 'omar',
        message: 'The contractor’s insurer accepts the claim and will pay for a new awning against the fitter’s invoice; please send it to the Grievance Office.',
      },
      { at: '2026-10-09T16:00:00Z', step: 'accept_resolution', by: 'complainant' },
      { at: '2026-10-12T09:00:00Z', step: 'close', by: 'omar', message: 'Resolved: the insurer paid for the awning.' },
    ],
  },
  {
    filing: {
      category: 'health_safety',
      description:
        'The fence around the excavation near the bus stop has a gap, and at night there is no light. An elderly neighbour nearly fell into the trench.',
      place: 'Bus stop on the south side of Plaza Mayor',
      eventDate: '2026-10-04',
      outcomeSought: 'Close the gap and light the fence at night.',
      isConfidential: true,
      contactName: 'Lucía P.',
      contactEmail: 'lucia.p@example.org',
    },
    receivedAt: '2026-10-05T17:45:00Z',
    steps: [
      { at: '2026-10-06T09:00:00Z', step: 'acknowledge', by: 'greta', message: 'Received. The site supervisor has been asked to check the fence today.' },
      { at: '2026-10-06T09:10:00Z', step: 'assign', by: 'greta', officer: 'omar' },
      { at: '2026-10-08T12:00:00Z', step: 'message', by: 'omar', message: 'Could you tell us whether the gap is still there after this week’s repairs?' },
    ],
  },
  {
    filing: {
      category: 'consultation_process',
      description:
        'The consultation meeting on the square was held on a weekday at 11:00, when most people who work cannot come. Many of us could not take part.',
      outcomeSought: 'An evening or weekend meeting before the consultation closes.',
      isConfidential: false,
    },
    receivedAt: '2026-10-19T13:00:00Z',
    steps: [
      { at: '2026-10-20T08:30:00Z', step: 'acknowledge', by: 'greta', message: 'Thank you: your grievance has been received.' },
      { at: '2026-10-20T08:35:00Z', step: 'assign', by: 'greta', officer: 'greta' },
      {
        at: '2026-10-30T12:00:00Z',
        step: 'propose_resolution',
        by: 'greta',
        message: 'The Department of Urban Planning will hold a second meeting on a Saturday morning, announced two weeks ahead, and publish the minutes of both.',
      },
    ],
  },
];

async function seedDemoCases(db: Db, channelId: string, officers: { greta: Handler; omar: Handler }): Promise<void> {
  for (const demo of DEMO_CASES) {
    const filing: GrievanceFiling = {
      place: null,
      eventDate: null,
      outcomeSought: null,
      contactName: null,
      contactEmail: null,
      contactPhone: null,
      ...demo.filing,
      channelId,
      submissionKey: crypto.randomUUID(),
      attachments: [],
    };
    const filed = demo.offline
      ? await recordOfflineGrievance(db, {
          ...filing,
          actor: officers.greta,
          receivedVia: demo.offline.via,
          receivedAt: new Date(demo.receivedAt),
          now: new Date(demo.offline.recordedAt),
        })
      : await fileGrievance(db, { ...filing, actor: { kind: 'anonymous' }, now: new Date(demo.receivedAt) });
    const complainant: StepBy = { kind: 'complainant', access: accessOfNewCase(filed.grievanceId, filed.reference) };
    for (const step of demo.steps) {
      await takeStep(db, {
        grievanceId: filed.grievanceId,
        by: step.by === 'complainant' ? complainant : { kind: 'staff', actor: officers[step.by] },
        step: step.step,
        message: step.message ?? '',
        officerId: step.officer ? officers[step.officer].id : undefined,
        now: new Date(step.at),
      });
    }
  }
}
