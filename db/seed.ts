// Demo data for the embedded default: four accounts, one per role, two organizations
// and one initiative. Idempotent: running it again changes nothing that exists.
import { eq } from 'drizzle-orm';
import { hashPassword } from '@/lib/auth/password';
import type { Role } from '@/lib/auth/roles';
import type { Db } from './index';
import { initiatives, memberships, organizations, users } from './schema';

export const DEMO_PASSWORD = 'participa-demo';

export const DEMO_ACCOUNTS: ReadonlyArray<{ name: string; email: string; role: Role }> = [
  { name: 'Ada Admin', email: 'admin@participa.example', role: 'admin' },
  { name: 'Marta Moderator', email: 'moderator@participa.example', role: 'moderator' },
  { name: 'Nuno NGO', email: 'ngo@participa.example', role: 'organization_member' },
  { name: 'Rosa Resident', email: 'resident@participa.example', role: 'resident' },
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
  await db.transaction(async (tx) => {
    const insertedUsers = await tx
      .insert(users)
      .values(DEMO_ACCOUNTS.map((account) => ({ ...account, passwordHash })))
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id, email: users.email });
    await tx.insert(organizations).values([...DEMO_ORGANIZATIONS]).onConflictDoNothing({ target: organizations.name });

    // Only a demo account created by this run joins the NGO: a membership an
    // administrator has since removed stays removed.
    const newNgoMember = insertedUsers.find((user) => user.email === 'ngo@participa.example');
    const [ngo] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, DEMO_ORGANIZATIONS[0].name));
    if (ngo && newNgoMember) {
      await tx.insert(memberships).values({ organizationId: ngo.id, userId: newNgoMember.id }).onConflictDoNothing();
    }

    const [moderator] = await tx.select({ id: users.id }).from(users).where(eq(users.email, 'moderator@participa.example'));
    await tx
      .insert(initiatives)
      .values({ ...DEMO_INITIATIVE, createdBy: moderator?.id ?? null })
      .onConflictDoNothing({ target: initiatives.slug });
  });
}
