// Staff prepare a consultation's decision as a draft, attach its documents and publish
// it. A published decision is a public record: it is not edited or removed, and the
// first one moves the consultation to `decided`. Publishing while published inputs
// are still unanswered needs a reason, kept and shown with the count of those inputs.
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { consultations, decisionDocuments, decisions, inputs, responseDecisions } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { authorize } from '@/lib/auth/policy';
import { consultationPhase, hasEnded } from '@/lib/consultations/lifecycle';
import { consultationColumns } from '@/lib/consultations/queries';
import { forgetStoredFiles, recordStoredFiles, removeFiles, removeFilesIfFailed, storeUpload, type FileSource } from '@/lib/documents/storage';
import { AppError } from '@/lib/errors';
import { signedInId } from '@/lib/inputs/context';
import { notify, sendAfterCommit, type PendingEmail } from '@/lib/notifications/notify';
import { countUnanswered } from './queries';
import type { CreateDecisionInput, DecisionFields, PublishDecisionInput } from './schemas';

const decisionNotFound = () => new AppError('not_found', { detail: 'decision not found', fieldErrors: { decisionId: 'decision.notFound' } });
const alreadyPublished = () => new AppError('conflict', { detail: 'decision already published', fieldErrors: { form: 'decision.alreadyPublished' } });

export async function createDecision(db: Db, { actor, now = new Date(), consultationId, ...fields }: CreateDecisionInput & { actor: Actor; now?: Date }): Promise<{ decisionId: string }> {
  authorize(actor, 'decision.manage');
  const creatorId = signedInId(actor);
  const [consultation] = await db.select({ id: consultations.id }).from(consultations).where(eq(consultations.id, consultationId)).limit(1);
  if (!consultation) throw new AppError('not_found', { detail: 'consultation not found', fieldErrors: { consultationId: 'consultationNotFound' } });
  const [decision] = await db
    .insert(decisions)
    .values({ consultationId, ...fields, createdBy: creatorId, createdAt: now, updatedAt: now })
    .returning({ id: decisions.id });
  if (!decision) throw new AppError('internal', { detail: 'decision not stored' });
  return { decisionId: decision.id };
}

/** The draft, locked for the rest of the transaction; a published decision is refused. */
async function lockDraft(tx: Db, decisionId: string) {
  const [decision] = await tx
    .select({ id: decisions.id, consultationId: decisions.consultationId, status: decisions.status })
    .from(decisions)
    .where(eq(decisions.id, decisionId))
    .for('update');
  if (!decision) throw decisionNotFound();
  if (decision.status !== 'draft') throw alreadyPublished();
  return decision;
}

export async function updateDecision(db: Db, { actor, now = new Date(), decisionId, ...fields }: DecisionFields & { actor: Actor; now?: Date; decisionId: string }): Promise<{ consultationId: string }> {
  authorize(actor, 'decision.manage');
  return db.transaction(async (tx) => {
    const decision = await lockDraft(tx, decisionId);
    await tx.update(decisions).set({ ...fields, updatedAt: now }).where(eq(decisions.id, decisionId));
    return { consultationId: decision.consultationId };
  });
}

export async function deleteDraftDecision(db: Db, { actor, decisionId }: { actor: Actor; decisionId: string }): Promise<{ consultationId: string }> {
  authorize(actor, 'decision.manage');
  const deleted = await db.transaction(async (tx) => {
    const decision = await lockDraft(tx, decisionId);
    // Answers name the decisions they shaped; deleting one would change them silently.
    const [link] = await tx.select({ responseId: responseDecisions.responseId }).from(responseDecisions).where(eq(responseDecisions.decisionId, decisionId)).limit(1);
    if (link) throw new AppError('conflict', { detail: 'draft decision linked by responses', fieldErrors: { form: 'decision.linkedByResponses' } });
    const files = await tx.select({ fileId: decisionDocuments.fileId }).from(decisionDocuments).where(eq(decisionDocuments.decisionId, decisionId));
    await tx.delete(decisions).where(eq(decisions.id, decisionId));
    const fileIds = files.map((file) => file.fileId);
    await forgetStoredFiles(tx, fileIds);
    return { consultationId: decision.consultationId, fileIds };
  });
  // Only once the rows are gone for good; a crash before this leaves files the sweep removes.
  await removeFiles(deleted.fileIds);
  return { consultationId: deleted.consultationId };
}

export async function uploadDecisionDocument(
  db: Db,
  { actor, now = new Date(), decisionId, title, fileName, file }: { actor: Actor; now?: Date; decisionId: string; title: string; fileName: string; file: FileSource },
): Promise<{ documentId: string; consultationId: string }> {
  authorize(actor, 'decision.manage');
  const uploaderId = signedInId(actor);
  const stored = await storeUpload({ file, fileName });
  if (!stored.ok) throw new AppError('bad_request', { detail: `upload refused: ${stored.fieldError}`, fieldErrors: { file: stored.fieldError } });
  const { fileId } = stored;
  return removeFilesIfFailed([fileId], () =>
    db.transaction(async (tx) => {
      const decision = await lockDraft(tx, decisionId);
      await recordStoredFiles(tx, [fileId]);
      const [document] = await tx
        .insert(decisionDocuments)
        .values({ decisionId, title, fileName: stored.safeFileName, contentType: stored.contentType, byteSize: stored.byteSize, fileId, uploadedBy: uploaderId, uploadedAt: now })
        .returning({ id: decisionDocuments.id });
      if (!document) throw new AppError('internal', { detail: 'decision document not stored' });
      return { documentId: document.id, consultationId: decision.consultationId };
    }),
  );
}

export async function removeDecisionDocument(db: Db, { actor, documentId }: { actor: Actor; documentId: string }): Promise<{ consultationId: string }> {
  authorize(actor, 'decision.manage');
  const removed = await db.transaction(async (tx) => {
    const [document] = await tx.select({ decisionId: decisionDocuments.decisionId, fileId: decisionDocuments.fileId }).from(decisionDocuments).where(eq(decisionDocuments.id, documentId));
    if (!document) throw new AppError('not_found', { detail: 'decision document not found' });
    const decision = await lockDraft(tx, document.decisionId);
    await tx.delete(decisionDocuments).where(eq(decisionDocuments.id, documentId));
    await forgetStoredFiles(tx, [document.fileId]);
    return { consultationId: decision.consultationId, fileId: document.fileId };
  });
  await removeFiles([removed.fileId]);
  return { consultationId: removed.consultationId };
}

export interface PublicationResult {
  consultationId: string;
  unanswered: number;
}

/**
 * Publishes the draft once input has stopped. With unanswered published inputs, the
 * publisher's reason is required; without any, a reason given anyway is not kept (it
 * would explain something that did not happen). Everyone who gave published input is told.
 */
export async function publishDecision(db: Db, { actor, now = new Date(), decisionId, unansweredReason }: PublishDecisionInput & { actor: Actor; now?: Date }): Promise<PublicationResult> {
  authorize(actor, 'decision.manage');
  const publisherId = signedInId(actor);
  const emails: PendingEmail[] = [];
  const result = await db.transaction(async (tx) => {
    const decision = await lockDraft(tx, decisionId);
    // The same lock as status changes, so the consultation cannot reopen meanwhile.
    const [consultation] = await tx.select(consultationColumns).from(consultations).where(eq(consultations.id, decision.consultationId)).for('update');
    if (!consultation) throw decisionNotFound();
    if (!hasEnded(consultationPhase(consultation, now))) {
      throw new AppError('conflict', { detail: 'consultation still taking input', fieldErrors: { form: 'decision.consultationStillOpen' } });
    }
    const unanswered = await countUnanswered(tx, consultation.id);
    if (unanswered > 0 && unansweredReason === undefined) {
      throw new AppError('conflict', { detail: `${unanswered} unanswered inputs`, fieldErrors: { unansweredReason: 'decision.unansweredReasonRequired' } });
    }
    await tx
      .update(decisions)
      .set({
        status: 'published',
        publishedAt: now,
        publishedBy: publisherId,
        unansweredReason: unanswered > 0 ? unansweredReason : null,
        unansweredAtPublication: unanswered > 0 ? unanswered : null,
        updatedAt: now,
      })
      .where(eq(decisions.id, decisionId));
    await tx
      .update(consultations)
      .set({ status: 'decided', decidedAt: consultation.decidedAt ?? now, closedAt: consultation.closedAt ?? now, updatedAt: now })
      .where(eq(consultations.id, consultation.id));

    // People who gave input (not those who only replied in a thread): "My participation" lists inputs.
    const participants = await tx
      .selectDistinct({ authorId: inputs.authorId })
      .from(inputs)
      .where(and(eq(inputs.consultationId, consultation.id), eq(inputs.status, 'published'), isNull(inputs.parentId), isNotNull(inputs.authorId)));
    for (const { authorId } of participants) {
      if (authorId !== null) emails.push(await notify(tx, { userId: authorId, kind: 'decision_published', consultationId: consultation.id }));
    }
    return { consultationId: consultation.id, unanswered };
  });
  sendAfterCommit(emails);
  return result;
}
