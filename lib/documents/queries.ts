// Reading background documents: their list for a consultation's pages, and one
// document's bytes for download as the asking actor may see them.
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db';
import { consultationDocuments, consultations } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import { isPublic } from '@/lib/consultations/lifecycle';
import { consultationColumns } from '@/lib/consultations/queries';
import { logError } from '@/lib/log';
import { openStoredFile, type StoredContent } from './storage';

export interface ConsultationDocument {
  id: string;
  consultationId: string;
  title: string;
  /** The safe name, with the extension of the detected type. */
  fileName: string;
  contentType: string;
  byteSize: number;
  uploadedAt: Date;
}

/**
 * Metadata of the consultation's documents, oldest first. Says nothing about who may
 * see them: callers show the list only where the consultation itself is visible.
 */
export async function listConsultationDocuments(db: Db, { consultationId }: { consultationId: string }): Promise<ConsultationDocument[]> {
  return db
    .select({
      id: consultationDocuments.id,
      consultationId: consultationDocuments.consultationId,
      title: consultationDocuments.title,
      fileName: consultationDocuments.fileName,
      contentType: consultationDocuments.contentType,
      byteSize: consultationDocuments.byteSize,
      uploadedAt: consultationDocuments.uploadedAt,
    })
    .from(consultationDocuments)
    .where(eq(consultationDocuments.consultationId, consultationId))
    .orderBy(asc(consultationDocuments.uploadedAt), asc(consultationDocuments.id));
}

/** Where a document is downloaded; the name in the path is what browsers save it as. */
export function documentDownloadPath(document: { id: string; fileName: string }): string {
  return `/documents/${document.id}/${encodeURIComponent(document.fileName)}`;
}

export interface DocumentDownload {
  fileName: string;
  contentType: string;
  byteSize: number;
  /** The bytes, read from the store as they are sent. */
  content: StoredContent;
  /** Whether everyone may see it now; caches may keep only public documents. */
  isPublic: boolean;
}

/**
 * The document's content, or null when it does not exist or its consultation is not
 * visible to the actor: staff see every document, others those of public consultations.
 */
export async function findDownload(db: Db, { actor, documentId, now }: { actor: Actor; documentId: string; now: Date }): Promise<DocumentDownload | null> {
  if (!z.uuid().safeParse(documentId).success) return null;
  const [row] = await db
    .select({
      fileName: consultationDocuments.fileName,
      contentType: consultationDocuments.contentType,
      byteSize: consultationDocuments.byteSize,
      fileId: consultationDocuments.fileId,
      consultation: consultationColumns,
    })
    .from(consultationDocuments)
    .innerJoin(consultations, eq(consultations.id, consultationDocuments.consultationId))
    .where(eq(consultationDocuments.id, documentId))
    .limit(1);
  if (!row) return null;
  const isPublicNow = isPublic(row.consultation, now);
  if (!can(actor, 'consultation.view', { isPublic: isPublicNow })) return null;
  const content = await openStoredFile(db, row.fileId);
  if (!content) {
    // The foreign key forbids this; if it happens anyway, someone must look.
    logError('document download', new Error(`stored file of document ${documentId} is missing`));
    return null;
  }
  return { fileName: row.fileName, contentType: row.contentType, byteSize: row.byteSize, content, isPublic: isPublicNow };
}
