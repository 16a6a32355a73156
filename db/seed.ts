// Demo data for the embedded default: an account per role (two grievance officers), two
// organizations, one initiative with its consultations and stakeholder map
// (seed-stakeholder-map.ts), and the grievance channels with a few cases
// (seed-grievances.ts). Idempotent: running it again changes nothing that exists.
import { currentLegalDocuments, ensureLegalDocuments, recordConsent } from '@/lib/accounts/legal-documents';
import { eq } from 'drizzle-orm';
import { hashPassword } from '@/lib/auth/password';
import type { Role } from '@/lib/auth/roles';
import { storeTrustedFile } from '@/lib/documents/storage';
import { demoPdf } from './demo-pdf';
import type { Db } from './index';
import { seedDemoDecidedConsultation } from './seed-decisions';
import { seedDemoGrievances } from './seed-grievances';
import { seedDemoStakeholderMap } from './seed-stakeholder-map';
import { consultationDocuments, consultations, initiatives, inputs, memberships, organizations, users } from './schema';

export const DEMO_PASSWORD = 'participa-demo';

export const DEMO_ACCOUNTS: ReadonlyArray<{ name: string; email: string; role: Role }> = [
  { name: 'Ada Admin', email: 'admin@participa.example', role: 'admin' },
  { name: 'Marta Moderator', email: 'moderator@participa.example', role: 'moderator' },
  { name: 'Nuno NGO', email: 'ngo@participa.example', role: 'organization_member' },
  { name: 'Rosa Resident', email: 'resident@participa.example', role: 'resident' },
  { name: 'Greta Grievance', email: 'grievances@participa.example', role: 'grievance_officer' },
  { name: 'Omar Officer', email: 'officer@participa.example', role: 'grievance_officer' },
];

const DEMO_ORGANIZATIONS = [
  { name: 'Green Streets Alliance', category: 'ngo', scale: 'local', sector: 'civil_society', isVerified: true },
  { name: 'Riverside Neighbours Association', category: 'citizens', scale: 'local', sector: 'civil_society', isVerified: false },
] as const;

const DEMO_INITIATIVE = {
  slug: 'plaza-mayor-redesign',
  title: 'Plaza Mayor redesign',
  summary:
    'The city wants to turn the car park on Plaza Mayor into a shaded square with trees, ' +
    'benches, a playground and sensors that report heat, noise and air quality in real time. ' +
    'Before any plan is fixed, everyone who lives, works or trades around the square is invited ' +
    'to say what they need from it and what worries them.',
  status: 'active',
  responsibleUnit: 'Department of Urban Planning and Public Space',
} as const;

export async function seedDemoData(db: Db): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await ensureLegalDocuments(db);
  const legal = await currentLegalDocuments(db);
  await db.transaction(async (tx) => {
    const now = new Date();
    // Demo people have confirmed their addresses and agreed to the texts of the site as they stand.
    const insertedUsers = await tx
      .insert(users)
      .values(DEMO_ACCOUNTS.map((account) => ({ ...account, passwordHash, emailVerifiedAt: now })))
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id, email: users.email });
    for (const user of insertedUsers) {
      await recordConsent(tx as unknown as Db, { userId: user.id, agreed: { privacy_notice: legal.privacy_notice?.version ?? 0, terms: legal.terms?.version ?? 0 }, now });
    }
    await tx.insert(organizations).values([...DEMO_ORGANIZATIONS]).onConflictDoNothing({ target: organizations.name });

    // Only a demo account created by this run joins the NGO: a membership an
    // administrator has since removed stays removed.
    const newNgoMember = insertedUsers.find((user) => user.email === 'ngo@participa.example');
    const [ngo] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, DEMO_ORGANIZATIONS[0].name));
    if (ngo && newNgoMember) {
      await tx.insert(memberships).values({ organizationId: ngo.id, userId: newNgoMember.id }).onConflictDoNothing();
    }

    const [moderator] = await tx.select({ id: users.id }).from(users).where(eq(users.email, 'moderator@participa.example'));
    const [initiative] = await tx
      .insert(initiatives)
      .values({ ...DEMO_INITIATIVE, createdBy: moderator?.id ?? null })
      .onConflictDoNothing({ target: initiatives.slug })
      .returning({ id: initiatives.id });
    // Consultations come with a new initiative only, so deleting or changing them sticks.
    if (initiative) {
      await seedDemoConsultations(tx as unknown as Db, initiative.id, new Date());
      await seedDemoStakeholderMap(tx as unknown as Db, { initiativeId: initiative.id, moderatorId: moderator?.id ?? null, ngoId: ngo?.id ?? null });
    }
    await seedDemoGrievances(tx as unknown as Db);
  });
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * One consultation open for input (its background report public for two weeks) with a
 * few inputs, one still in its information period under pre-moderation, and an earlier
 * one that is decided, with every input answered (seed-decisions.ts).
 */
async function seedDemoConsultations(db: Db, initiativeId: string, now: Date): Promise<void> {
  const at = (days: number) => new Date(now.getTime() + days * DAY_MS);
  const accounts = new Map((await db.select({ id: users.id, email: users.email }).from(users)).map((user) => [user.email, user.id]));
  const moderatorId = accounts.get('moderator@participa.example') ?? null;

  const [open] = await db
    .insert(consultations)
    .values({
      initiativeId,
      title: 'What should the new Plaza Mayor offer?',
      questions: [
        'What would make you spend time on the square?',
        'Which of the planned sensors (heat, noise, air quality) matter most to you, and why?',
        'What worries you about the works or the new use of the square?',
      ],
      scope:
        'Still open: the layout of trees, benches and play areas, which sensors are installed first, and how their data is shown. ' +
        'Already decided: the car park closes, and the square stays fully accessible for emergency vehicles.',
      level: 'involve',
      status: 'open',
      moderationMode: 'post',
      informationAt: at(-14),
      opensAt: at(-3),
      closesAt: at(25),
      informationStartedAt: at(-14),
      openedAt: at(-3),
      createdBy: moderatorId,
    })
    .returning({ id: consultations.id });
  const [upcoming] = await db
    .insert(consultations)
    .values({
      initiativeId,
      title: 'Trees and shade: which species for the square?',
      questions: ['Which of the proposed tree species would you choose for the square, and why?'],
      scope: 'Open: the species and where each is planted. Decided: at least forty trees, watered by collected rainwater.',
      level: 'consult',
      status: 'information',
      moderationMode: 'pre',
      informationAt: at(-2),
      opensAt: at(6),
      closesAt: at(30),
      informationStartedAt: at(-2),
      createdBy: moderatorId,
    })
    .returning({ id: consultations.id });

  const documents = [
    {
      consultationId: open!.id,
      title: 'Plaza Mayor: background report',
      fileName: 'plaza-mayor-background-report.pdf',
      uploadedAt: at(-14),
      bytes: demoPdf('Plaza Mayor: background report', [
        'Today the square is a car park with 120 spaces, most of them used by commuters.',
        'On summer afternoons the asphalt reaches 52 degrees; the nearest shade is 300 m away.',
        'The redesign replaces parking with trees, benches, a playground and a water feature.',
        'Sensors will publish heat, noise and air quality as open data every five minutes.',
        'Works would take about nine months and keep one lane open for deliveries.',
      ]),
    },
    {
      consultationId: upcoming!.id,
      title: 'Tree species shortlist',
      fileName: 'tree-species-shortlist.pdf',
      uploadedAt: at(-2),
      bytes: demoPdf('Tree species shortlist', [
        'Six species suit the local climate: holm oak, Judas tree, hackberry, linden, ash and carob.',
        'Each is compared by shade, water needs, pollen and leaf fall.',
      ]),
    },
  ];
  for (const { bytes, ...document } of documents) {
    const { fileId } = await storeTrustedFile(db, new Blob([bytes]), { createdAt: document.uploadedAt });
    await db.insert(consultationDocuments).values({ ...document, contentType: 'application/pdf', byteSize: bytes.byteLength, fileId, uploadedBy: moderatorId });
  }

  const [ngo] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, DEMO_ORGANIZATIONS[0].name));
  const demoInputs = [
    {
      authorId: accounts.get('resident@participa.example') ?? null,
      kind: 'proposal' as const,
      title: 'A drinking fountain next to the playground',
      body: 'Children play here in the heat and parents have nowhere to refill a bottle. A fountain by the playground, and one near the bus stop, would help everyone.',
      createdAt: at(-2),
    },
    {
      authorId: accounts.get('ngo@participa.example') ?? null,
      organizationId: ngo?.id ?? null,
      kind: 'comment' as const,
      title: 'Choose trees that give shade within five years',
      body: 'Young trees give little shade for a decade. We suggest larger nursery trees near the benches and the playground, and publishing the heat sensor data so the effect can be checked.',
      createdAt: at(-1),
    },
    {
      authorId: null,
      channel: 'paper' as const,
      participantName: 'Carmen L.',
      recordedBy: moderatorId,
      kind: 'objection' as const,
      title: 'Keep some parking for people with reduced mobility',
      body: 'Written on the form at the district office: I cannot walk far. Please keep a few reserved places at the edge of the square.',
      createdAt: at(-1),
    },
  ];
  await db.insert(inputs).values(
    demoInputs.map((input) => ({
      ...input,
      consultationId: open!.id,
      status: 'published' as const,
      publishedAt: input.createdAt,
      submissionKey: crypto.randomUUID(),
    })),
  );

  const [moderator] = moderatorId === null ? [] : await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, moderatorId));
  if (moderator?.name) {
    await seedDemoDecidedConsultation(db, {
      initiativeId,
      now,
      moderator: { kind: 'user', id: moderator.id, name: moderator.name, role: 'moderator' },
      residentId: accounts.get('resident@participa.example') ?? null,
      ngoMemberId: accounts.get('ngo@participa.example') ?? null,
      ngoId: ngo?.id ?? null,
    });
  }
}
