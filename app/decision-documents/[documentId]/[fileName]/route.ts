// Download of a document attached to a decision (lib/documents/file-response.ts sets the
// headers that keep possibly hostile bytes harmless). A published decision's documents
// are public; a draft's are for staff, and no shared cache may keep them.
import { z } from 'zod';
import { getDb } from '@/db';
import { can } from '@/lib/auth/policy';
import { getActor } from '@/lib/auth/session';
import { findDecisionDocument } from '@/lib/decisions/queries';
import { fileErrorResponse, fileNotFoundResponse, fileResponse } from '@/lib/documents/file-response';
import { openStoredFile } from '@/lib/documents/storage';
import { logError } from '@/lib/log';

export const dynamic = 'force-dynamic';

const paramsSchema = z.object({ documentId: z.uuid() });

export async function GET(_request: Request, { params }: { params: Promise<{ documentId: string; fileName: string }> }): Promise<Response> {
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) return fileNotFoundResponse();
  try {
    const db = await getDb();
    const document = await findDecisionDocument(db, parsed.data.documentId);
    if (!document) return fileNotFoundResponse();
    const isPublished = document.decisionStatus === 'published';
    // A draft's document answers like one that does not exist: its title may not be public yet.
    if (!can(await getActor(), 'decision.view', { isPublished })) return fileNotFoundResponse();
    const content = await openStoredFile(db, document.fileId);
    if (!content) {
      // The foreign key forbids this; if it happens anyway, someone must look.
      logError('decision document download', new Error(`stored file of decision document ${document.id} is missing`));
      return fileNotFoundResponse();
    }
    return fileResponse({ content, contentType: document.contentType, fileName: document.fileName }, isPublished ? 'public, max-age=300' : 'private, no-store');
  } catch (error) {
    logError('decision document download failed', error);
    return fileErrorResponse();
  }
}
