// A participant's input to an open consultation, in their own name or on behalf of a
// verified organization they belong to, optionally pinned to the plan.
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { memberships, organizations } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { authorize } from '@/lib/auth/policy';
import type { ConsultationPhase } from '@/lib/consultations/lifecycle';
import { AppError } from '@/lib/errors';
import { initialPublication, loadConsultationContext, refuseUnlessOpen, signedInId } from './context';
import { insertInputOnce, type SubmittedInput } from './insert-input-once';
import type { SubmitInputInput } from './schemas';

export type { SubmittedInput } from './insert-input-once';

async function isVerifiedMember(db: Db, { userId, organizationId }: { userId: string; organizationId: string }): Promise<boolean> {
  const [membership] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId), eq(organizations.isVerified, true)))
    .limit(1);
  return membership !== undefined;
}

/** Speaking for an organization needs a verified organization the actor belongs to. */
async function authorizeOnBehalf(db: Db, { actor, organizationId, phase }: { actor: Actor; organizationId: string; phase: ConsultationPhase }): Promise<void> {
  const isMember = await isVerifiedMember(db, { userId: signedInId(actor), organizationId });
  if (!isMember) throw new AppError('forbidden', { detail: 'not a member of a verified organization', fieldErrors: { organizationId: 'notMemberOfOrganization' } });
  authorize(actor, 'input.submitForOrganization', { phase, isMember });
}

export async function submitInput(
  db: Db,
  { actor, now = new Date(), consultationId, kind, title, body, submissionKey, organizationId, pinX, pinY }: SubmitInputInput & { actor: Actor; now?: Date },
): Promise<SubmittedInput> {
  const consultation = await loadConsultationContext(db, { actor, consultationId, now });
  refuseUnlessOpen(consultation.phase);
  authorize(actor, 'input.submit', { phase: consultation.phase });
  if (organizationId !== undefined) await authorizeOnBehalf(db, { actor, organizationId, phase: consultation.phase });
  if (pinX !== undefined && consultation.planDocumentId === null) {
    throw new AppError('bad_request', { detail: 'consultation has no plan', fieldErrors: { pinX: 'pinWithoutPlan' } });
  }

  return insertInputOnce(db, {
    consultationId,
    kind,
    title,
    body,
    submissionKey,
    authorId: signedInId(actor),
    organizationId: organizationId ?? null,
    channel: 'online',
    pinX: pinX ?? null,
    pinY: pinY ?? null,
    createdAt: now,
    ...initialPublication(consultation.moderationMode, now),
  });
}
