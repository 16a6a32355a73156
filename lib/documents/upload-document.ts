// Staff upload a background document to a consultation: its type is checked from the
// content, and the bytes and the row that names them are stored together or not at all.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db';
import { consultationDocuments, consultations } from '@/db/schema';
import { isSignedIn, type Actor } from '@/lib/auth/actor';
import { authorize } from '@/lib/auth/policy';
import { isEditable } from '@/lib/consultations/lifecycle';
import { CONSULTATION_STATUSES } from '@/lib/consultations/vocabulary';
import { AppError } from '@/lib/errors';
import { checkUpload, isImageType } from './file-check';
import { databaseFileStorage } from './storage';
import { loadConsultation } from '@/lib/consultations/queries';

export interface UploadDocumentArguments {
  actor: Actor;
  now?: Date;
  consultationId: string;
  title: string;
  /** The image becomes the plan that people pin their input to. */
  isPlan: boolean;
  /** As the browser sent it; only a readable base of it is kept. */
  fileName: string;
  bytes: Uint8Array;
}

/** Pins given on the old plan would point at the wrong places on a new one. */
const PLAN_CHANGEABLE_STATUSES = CONSULTATION_STATUSES.filter(isEditable);

export async function uploadDocument(
  db: Db,
  { actor, now = new Date(), consultationId, title, isPlan, fileName, bytes }: UploadDocumentArguments,
): Promise<{ id: string }> {
  authorize(actor, 'consultation.manage');
  const consultation = await loadConsultation(db, consultationId);
  if (!consultation) throw new AppError('bad_request', { fieldErrors: { consultationId: 'consultationNotFound' } });

  const checked = await checkUpload({ bytes, fileName });
  if (!checked.ok) throw new AppError('bad_request', { detail: `upload refused: ${checked.fieldError}`, fieldErrors: { file: checked.fieldError } });
  if (isPlan && !isImageType(checked.contentType)) throw new AppError('bad_request', { fieldErrors: { isPlan: 'planMustBeImage' } });
  if (isPlan && !isEditable(consultation.status)) throw new AppError('conflict', { fieldErrors: { isPlan: 'consultationNotEditable' } });

  return db.transaction(async (tx) => {
    const fileId = await databaseFileStorage(tx).put(bytes);
    const [document] = await tx
      .insert(consultationDocuments)
      .values({
        consultationId,
        title,
        fileName: checked.safeFileName,
        contentType: checked.contentType,
        byteSize: bytes.byteLength,
        fileId,
        uploadedBy: isSignedIn(actor) ? actor.id : null,
        uploadedAt: now,
      })
      .returning({ id: consultationDocuments.id });
    if (!document) throw new AppError('internal', { detail: 'insert into consultation_documents returned no row' });
    if (isPlan) {
      // The status is checked again in the write itself: the consultation may have
      // opened since it was read above.
      const updated = await tx
        .update(consultations)
        .set({ planDocumentId: document.id, updatedAt: now })
        .where(and(eq(consultations.id, consultationId), inArray(consultations.status, PLAN_CHANGEABLE_STATUSES)))
        .returning({ id: consultations.id });
      if (updated.length === 0) throw new AppError('conflict', { fieldErrors: { isPlan: 'consultationNotEditable' } });
    }
    return { id: document.id };
  });
}
