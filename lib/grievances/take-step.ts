// Taking a step in a case: the workflow's rules (workflow.ts) checked against the case
// as it is in the database, locked for the transaction so two people cannot both move
// it, then the change and its event written together. When the city takes a step, the
// complainant hears of it: in the app (and by e-mail when configured) if they filed with
// an account, otherwise by e-mail at the contact address they gave, if any.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db';
import { grievanceEvents, grievances, users } from '@/db/schema';
import { isSignedIn, type Actor } from '@/lib/auth/actor';
import { authorize, can } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { contactEmail, notify, sendAfterCommit, type PendingEmail } from '@/lib/notifications/notify';
import type { ComplainantAccess } from './access';
import { caseStateOf, deadlineDaysOf } from './case-state';
import { removeFilesIfFailed } from '@/lib/documents/storage';
import { storeAttachmentFiles, storeAttachments, type GrievanceAttachmentUpload } from './file-grievance';
import { refuseStep, statusAfter, type StepRefusal, type StepTaker } from './workflow';
import type { EventActorKind, GrievanceStatus, GrievanceStep } from './vocabulary';
import { isUuid } from '@/lib/validation/uuid';

export type StepBy = { kind: 'complainant'; access: ComplainantAccess } | { kind: 'staff'; actor: Actor };

export interface TakeStepInput {
  grievanceId: string;
  by: StepBy;
  step: GrievanceStep;
  message: string;
  officerId?: string;
  /** Files sent with the message; only a `message` step carries them. */
  attachments?: GrievanceAttachmentUpload[];
  now?: Date;
}

export interface TakenStep {
  eventId: string;
  status: GrievanceStatus;
}

/** Refusals that are about the typed message are shown at the message field. */
const MESSAGE_REFUSALS: ReadonlySet<StepRefusal> = new Set(['explanationRequired', 'messageRequired']);

function refusalError(refusal: StepRefusal, step: GrievanceStep): AppError {
  const field = MESSAGE_REFUSALS.has(refusal) ? 'message' : refusal === 'officerRequired' ? 'officerId' : 'form';
  const code = MESSAGE_REFUSALS.has(refusal) || refusal === 'officerRequired' ? 'bad_request' : 'conflict';
  return new AppError(code, { detail: `grievance step ${step} refused: ${refusal}`, fieldErrors: { [field]: `grievance.${refusal}` } });
}

/** The steps that answer a case on its substance; an appeal is against one of them. */
const APPEALABLE_ANSWERS: readonly GrievanceStep[] = ['reject', 'propose_resolution', 'close_with_reasons'];

/**
 * The handlers who answered the case (rejected it, proposed a resolution, or closed it
 * with reasons). None of them may decide its appeal, assigned or not: an officer can
 * reject a case on receipt without it ever being assigned to them.
 */
export async function appealedAnswerAuthors(db: Db, grievanceId: string): Promise<Set<string>> {
  const rows = await db
    .select({ actorId: grievanceEvents.actorId })
    .from(grievanceEvents)
    .where(and(eq(grievanceEvents.grievanceId, grievanceId), inArray(grievanceEvents.kind, APPEALABLE_ANSWERS)));
  return new Set(rows.flatMap((row) => (row.actorId ? [row.actorId] : [])));
}

async function isGrievanceHandler(tx: Db, userId: string): Promise<boolean> {
  const [handler] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), inArray(users.role, ['grievance_officer', 'admin'])))
    .limit(1);
  return handler !== undefined;
}

/** Whether `userId` rejected the case or proposed or closed its resolution. */
async function hasAnswered(tx: Db, grievanceId: string, userId: string): Promise<boolean> {
  const [answer] = await tx
    .select({ id: grievanceEvents.id })
    .from(grievanceEvents)
    .where(and(eq(grievanceEvents.grievanceId, grievanceId), eq(grievanceEvents.actorId, userId), inArray(grievanceEvents.kind, ['reject', 'propose_resolution', 'close_with_reasons'])))
    .limit(1);
  return answer !== undefined;
}

export async function takeStep(db: Db, { grievanceId, by, step, message, officerId, attachments = [], now = new Date() }: TakeStepInput): Promise<TakenStep> {
  if (by.kind === 'staff') authorize(by.actor, 'grievance.handle');
  else if (by.access.grievanceId !== grievanceId) throw new AppError('not_found', { detail: 'access is for another case' });
  if (officerId !== undefined && !isUuid(officerId)) {
    throw new AppError('bad_request', { detail: 'assignee id malformed', fieldErrors: { officerId: 'grievance.officerInvalid' } });
  }
  // Files travel with messages only: a decision's record is its reasons, and the forms of the other steps have no file input.
  if (attachments.length > 0 && step !== 'message') {
    throw new AppError('bad_request', { detail: `attachments sent with step ${step}`, fieldErrors: { attachments: 'grievance.attachmentsNotAllowed' } });
  }
  // Streamed into the store and checked before the case is locked: a refused file leaves
  // nothing and holds no lock; if the step is refused, the files are removed.
  const storedAttachments = await storeAttachmentFiles(attachments);

  const emails: PendingEmail[] = [];
  const fileIds = storedAttachments.map((attachment) => attachment.fileId);
  const taken = await removeFilesIfFailed(fileIds, () => db.transaction(async (tx) => {
    const [stored] = await tx.select().from(grievances).where(eq(grievances.id, grievanceId)).for('update');
    if (!stored) throw new AppError('not_found', { detail: 'grievance not found', fieldErrors: { form: 'grievance.caseNotFound' } });
    const days = deadlineDaysOf(stored);

    let taker: StepTaker;
    let actorKind: EventActorKind;
    let actorId: string | null = null;
    if (by.kind === 'staff' && isSignedIn(by.actor)) {
      const isAssigned = stored.assignedOfficerId === by.actor.id;
      const hasAnsweredCase = step === 'decide_appeal' && (await hasAnswered(tx as unknown as Db, grievanceId, by.actor.id));
      taker = { kind: 'handler', userId: by.actor.id, isAdministrator: by.actor.role === 'admin', isAssigned, hasAnsweredCase };
      actorKind = by.actor.role === 'admin' ? 'administrator' : 'officer';
      actorId = by.actor.id;
      if (step === 'decide_appeal' && !can(by.actor, 'grievance.decideAppeal', { isAssigned: isAssigned || hasAnsweredCase })) {
        throw refusalError('notImpartial', step);
      }
    } else {
      taker = { kind: 'complainant' };
      actorKind = 'complainant';
    }

    const trimmed = message.trim();
    const refusal = refuseStep(caseStateOf(stored, days, now), taker, { step, message: trimmed, officerId });
    if (refusal) throw refusalError(refusal, step);
    if (step === 'decide_appeal' && actorId !== null && (await appealedAnswerAuthors(tx as unknown as Db, grievanceId)).has(actorId)) {
      throw refusalError('notImpartial', step);
    }
    if (step === 'assign' && !(await isGrievanceHandler(tx as unknown as Db, officerId!))) {
      throw new AppError('bad_request', { detail: 'assignee is not a grievance handler', fieldErrors: { officerId: 'grievance.officerInvalid' } });
    }

    const status = statusAfter(stored.status, step);
    const changes: Partial<typeof grievances.$inferInsert> = {};
    if (status !== stored.status) Object.assign(changes, { status, statusChangedAt: now });
    if (step === 'acknowledge') changes.acknowledgedAt = now;
    if ((step === 'propose_resolution' || step === 'reject') && stored.respondedAt === null) changes.respondedAt = now;
    if (step === 'assign') changes.assignedOfficerId = officerId!;
    if (step === 'accept_resolution') changes.resolutionAccepted = true;
    if (step === 'close_with_reasons') changes.resolutionAccepted = false;
    if (step === 'propose_resolution') changes.resolutionAccepted = null;
    if (step === 'appeal') changes.appealedAt = now;
    if (step === 'close') changes.closedAt = now;
    if (Object.keys(changes).length > 0) await tx.update(grievances).set(changes).where(eq(grievances.id, grievanceId));

    const [event] = await tx
      .insert(grievanceEvents)
      .values({
        grievanceId,
        kind: step,
        fromStatus: stored.status,
        toStatus: status,
        actorKind,
        actorId,
        officerId: step === 'assign' ? officerId! : null,
        message: trimmed.length > 0 ? trimmed : null,
        createdAt: now,
      })
      .returning({ id: grievanceEvents.id });
    if (!event) throw new AppError('internal', { detail: 'event insert returned no row' });
    await storeAttachments(tx as unknown as Db, { grievanceId, eventId: event.id, addedBy: actorKind, attachments: storedAttachments, now });

    // The complainant hears of every step the city takes but an assignment; the note names
    // the step. An account's notification is enough: a contact address given besides it
    // gets no second e-mail.
    if (actorKind !== 'complainant' && step !== 'assign') {
      if (stored.filerId !== null) {
        emails.push(await notify(tx as unknown as Db, { userId: stored.filerId, kind: 'grievance_updated', grievanceId, note: step }));
      } else if (stored.contactEmail !== null) {
        emails.push(contactEmail({ to: stored.contactEmail, grievanceReference: stored.reference, step }));
      }
    }
    return { eventId: event.id, status };
  }));
  sendAfterCommit(emails);
  return taken;
}
