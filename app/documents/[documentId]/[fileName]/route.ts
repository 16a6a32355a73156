// Download of a background document (lib/documents/file-response.ts sets the headers that
// keep possibly hostile bytes harmless). The file name in the path is only what browsers
// save the file as.
import { z } from 'zod';
import { getDb } from '@/db';
import { getActor } from '@/lib/auth/session';
import { fileErrorResponse, fileNotFoundResponse, fileResponse } from '@/lib/documents/file-response';
import { findDownload } from '@/lib/documents/queries';
import { logError } from '@/lib/log';

export const dynamic = 'force-dynamic';

const paramsSchema = z.object({ documentId: z.uuid() });

export async function GET(_request: Request, { params }: { params: Promise<{ documentId: string; fileName: string }> }): Promise<Response> {
  // A document that is not public yet will be soon: the 404 is never cached.
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) return fileNotFoundResponse();
  try {
    const download = await findDownload(await getDb(), { actor: await getActor(), documentId: parsed.data.documentId, now: new Date() });
    if (!download) return fileNotFoundResponse();
    // Staff may fetch a document before it is public; no shared cache may keep that copy.
    return fileResponse(download, download.isPublic ? 'public, max-age=300' : 'private, no-store');
  } catch (error) {
    logError('document download failed', error);
    return fileErrorResponse();
  }
}
