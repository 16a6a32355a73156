// Staff create consultations, change their plan while nobody can take part yet, and
// move them through their statuses under the rules of lifecycle.ts.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db';
import { consultations, initiatives } from '@/db/schema';
import { isSignedIn, type Actor } from '@/lib/auth/actor';
import { authorize } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { hasGrievanceChannel } from '@/lib/grievances/channels';
import { checkTransition, isEditable, isPublic } from './lifecycle';
import { loadConsultation, loadDocumentTimes } from './queries';
import type { ChangeStatusInput, CreateConsultationInput, UpdateConsultationInput } from './schemas';
import { CONSULTATION_STATUSES } from './vocabulary';

const EDITABLE_STATUSES = CONSULTATION_STATUSES.filter(isEditable);

export async function createConsultation(db: Db, { actor, initiativeId, ...fields }: CreateConsultationInput & { actor: Actor }): Promise<{ id: string }> {
  authorize(actor, 'consultation.manage');
  const [initiative] = await db.select({ id: initiatives.id }).from(initiatives).where(eq(initiatives.id, initiativeId)).limit(1);
  if (!initiative) throw new AppError('bad_request', { fieldErrors: { initiativeId: 'initiativeNotFound' } });
  const [created] = await db
    .insert(consultations)
    .values({ ...fields, initiativeId, createdBy: isSignedIn(actor) ? actor.id : null })
    .returning({ id: consultations.id });
  if (!created) throw new AppError('internal', { detail: 'insert returned no row' });
  return created;
}

/** Changes the plan; refused once the consultation is open, so nobody's input was given under other terms. */
export async function updateConsultation(
  db: Db,
  { actor, consultationId, now = new Date(), ...fields }: UpdateConsultationInput & { actor: Actor; now?: Date },
): Promise<void> {
  authorize(actor, 'consultation.manage');
  const consultation = await loadConsultation(db, consultationId);
  if (!consultation) throw new AppError('not_found', { detail: 'consultation not found' });
  if (!isEditable(consultation.status)) throw new AppError('conflict', { fieldErrors: { form: 'consultationNotEditable' } });
  // What the public has seen stays public: its information date cannot move back into the future.
  if (isPublic(consultation, now) && fields.informationAt > now) {
    throw new AppError('bad_request', { fieldErrors: { informationAt: 'informationAlreadyPublic' } });
  }
  // The status is checked again in the write itself: the consultation may have opened
  // since it was loaded, and an open consultation's plan must stay as people saw it.
  const [updated] = await db
    .update(consultations)
    .set({ ...fields, updatedAt: new Date() })
    .where(and(eq(consultations.id, consultationId), inArray(consultations.status, EDITABLE_STATUSES)))
    .returning({ id: consultations.id });
  if (!updated) throw new AppError('conflict', { fieldErrors: { form: 'consultationNotEditable' } });
}

/**
 * Moves the consultation one step: draft → information (public from its information
 * date), information → open (only with prior information, and once its initiative has
 * a grievance channel), open → closed.
 */
export async function changeConsultationStatus(
  db: Db,
  { actor, consultationId, to, now = new Date() }: ChangeStatusInput & { actor: Actor; now?: Date },
): Promise<void> {
  authorize(actor, 'consultation.manage');
  return db.transaction(async (tx) => {
    // Locks the row so two staff members pressing "open" at once cannot both pass the checks.
    const [locked] = await tx.select({ id: consultations.id }).from(consultations).where(eq(consultations.id, consultationId)).for('update');
    if (!locked) throw new AppError('not_found', { detail: 'consultation not found' });
    const consultation = (await loadConsultation(tx as unknown as Db, consultationId))!;
    const check = checkTransition(consultation, to, await loadDocumentTimes(tx as unknown as Db, consultationId), now, {
      hasGrievanceChannel: await hasGrievanceChannel(tx as unknown as Db, consultation.initiativeId),
    });
    if (!check.allowed) {
      throw new AppError('conflict', { detail: `transition to ${to} refused: ${check.refusal}`, fieldErrors: { to: check.refusal } });
    }
    // The planned dates become the actual ones where reality came first, so the
    // public page never shows an opening after the real one or a closing after the end.
    const changes =
      to === 'information'
        ? { informationStartedAt: now }
        : to === 'open'
          ? { openedAt: now, opensAt: consultation.opensAt < now ? consultation.opensAt : now }
          : { closedAt: now, closesAt: consultation.closesAt < now || now <= consultation.opensAt ? consultation.closesAt : now };
    await tx
      .update(consultations)
      .set({ status: to, ...changes, updatedAt: now })
      .where(eq(consultations.id, consultationId));
  });
}
