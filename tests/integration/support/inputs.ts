// Inputs and organizations for the consultation suites: valid form values with a fresh
// submission key each, and an organization member in one step.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { consultations } from '@/db/schema';
import type { SubmitInputInput } from '@/lib/inputs/schemas';
import { submitInput } from '@/lib/inputs/submit-input';
import { createOrganization } from '@/lib/organizations/create-organization';
import { addMember } from '@/lib/organizations/manage-members';
import { setOrganizationVerified } from '@/lib/organizations/verify-organization';
import { createActor } from './actors';
import { addTestDocument } from './consultations';

type UserActor = Awaited<ReturnType<typeof createActor>>;

/** What the input form sends, as parsed by submitInputSchema. */
export function inputFields(consultationId: string, overrides: Partial<SubmitInputInput> = {}): SubmitInputInput {
  return {
    consultationId,
    kind: 'proposal',
    title: 'Shade trees on the south side',
    body: 'Plant a row of shade trees along the south side of the square.',
    submissionKey: randomUUID(),
    ...overrides,
  };
}

/** A published (or, under pre-moderation, pending) input by `author`. */
export async function submitTestInput(db: Db, author: UserActor, consultationId: string, overrides: Partial<SubmitInputInput> = {}) {
  return submitInput(db, { actor: author, ...inputFields(consultationId, overrides) });
}

/** An organization with one member; verified unless told otherwise. */
export async function createOrganizationWithMember(db: Db, { isVerified = true }: { isVerified?: boolean } = {}): Promise<{ organizationId: string; name: string; member: UserActor }> {
  const admin = await createActor(db, 'admin');
  const member = await createActor(db, 'organization_member');
  const name = `Neighbourhood Association ${randomUUID().slice(0, 8)}`;
  const { id: organizationId } = await createOrganization(db, { actor: admin, name, category: 'ngo', scale: 'local', sector: 'civil_society' });
  if (isVerified) await setOrganizationVerified(db, { actor: admin, organizationId, isVerified: true });
  await addMember(db, { actor: admin, organizationId, email: member.email });
  return { organizationId, name, member };
}

/** Gives the consultation a plan image that inputs may be pinned to. */
export async function addTestPlan(db: Db, consultationId: string): Promise<void> {
  const planDocumentId = await addTestDocument(db, consultationId, new Date());
  await db.update(consultations).set({ planDocumentId }).where(eq(consultations.id, consultationId));
}
