// Staff remove a background document while the consultation is still a draft. Once
// the public has been informed, the document is part of the record of what people were
// told, so it stays.
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { consultationDocuments, consultations } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { authorize } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { forgetStoredFiles, removeFiles } from './storage';

export async function removeDocument(db: Db, { actor, documentId }: { actor: Actor; documentId: string }): Promise<{ consultationId: string }> {
  authorize(actor, 'consultation.manage');
  const removed = await db.transaction(async (tx) => {
    const [document] = await tx
      .select({ consultationId: consultationDocuments.consultationId, fileId: consultationDocuments.fileId })
      .from(consultationDocuments)
      .where(eq(consultationDocuments.id, documentId))
      .limit(1);
    if (!document) throw new AppError('not_found', { detail: 'document not found' });
    // Locks the consultation so it cannot leave draft between this check and the delete
    // (changeConsultationStatus takes the same lock).
    const [consultation] = await tx
      .select({ status: consultations.status })
      .from(consultations)
      .where(eq(consultations.id, document.consultationId))
      .for('update');
    if (consultation?.status !== 'draft') throw new AppError('conflict', { detail: 'document of a consultation past draft' });
    // A plan that is removed stops being the plan: plan_document_id is set null on delete.
    await tx.delete(consultationDocuments).where(eq(consultationDocuments.id, documentId));
    await forgetStoredFiles(tx, [document.fileId]);
    return document;
  });
  // Only once the rows are gone for good; a crash before this leaves a file the sweep removes.
  await removeFiles([removed.fileId]);
  return { consultationId: removed.consultationId };
}
