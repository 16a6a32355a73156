// Staff upload a background document to a consultation: the file is streamed into the
// file store with its type checked from the content, then the rows that name it are
// written in one transaction; if that fails, the file is removed (storage.ts).
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db';
import { consultationDocuments, consultations } from '@/db/schema';
import { isSignedIn, type Actor } from '@/lib/auth/actor';
import { authorize } from '@/lib/auth/policy';
import { isEditable } from '@/lib/consultations/lifecycle';
import { CONSULTATION_STATUSES } from '@/lib/consultations/vocabulary';
import { AppError } from '@/lib/errors';
import { isImageType } from './file-check';
import { recordStoredFiles, removeFilesIfFailed, storeUpload, type FileSource } from './storage';
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
  /** The uploaded File, streamed into the store. */
  file: FileSource;
}

/** Pins given on the old plan would point at the wrong places on a new one. */
const PLAN_CHANGEABLE_STATUSES = CONSULTATION_STATUSES.filter(isEditable);

export async function uploadDocument(
  db: Db,
  { actor, now = new Date(), consultationId, title, isPlan, fileName, file }: UploadDocumentArguments,
): Promise<{ id: string }> {
  authorize(actor, 'consultation.manage');
  const consultation = await loadConsultation(db, consultationId);
  if (!consultation) throw new AppError('bad_request', { fieldErrors: { consultationId: 'consultationNotFound' } });

  const stored = await storeUpload({ file, fileName });
  if (!stored.ok) throw new AppError('bad_request', { detail: `upload refused: ${stored.fieldError}`, fieldErrors: { file: stored.fieldError } });
  const { fileId } = stored;

  return removeFilesIfFailed([fileId], async () => {
    if (isPlan && !isImageType(stored.contentType)) throw new AppError('bad_request', { fieldErrors: { isPlan: 'planMustBeImage' } });
    if (isPlan && !isEditable(consultation.status)) throw new AppError('conflict', { fieldErrors: { isPlan: 'consultationNotEditable' } });
    return db.transaction(async (tx) => {
      await recordStoredFiles(tx, [fileId]);
      const [document] = await tx
        .insert(consultationDocuments)
        .values({
          consultationId,
          title,
          fileName: stored.safeFileName,
          contentType: stored.contentType,
          byteSize: stored.byteSize,
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
  });
}
