// Download of a grievance attachment, for the case's complainant (follow cookie, or the
// account that filed it) and grievance handlers; anyone else gets the same 404 as for a
// file that does not exist. Personal data: never kept by any shared cache
// (lib/documents/file-response.ts sets the headers that keep possibly hostile bytes
// harmless). The file name in the path is only what browsers save the file as.
import { getDb } from '@/db';
import { getActor } from '@/lib/auth/session';
import { fileErrorResponse, fileNotFoundResponse, fileResponse } from '@/lib/documents/file-response';
import { findGrievanceAttachment } from '@/lib/grievances/attachment-download';
import { readFollowPass } from '@/lib/grievances/follow-cookie';
import { logError } from '@/lib/log';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ attachmentId: string; fileName: string }> }): Promise<Response> {
  const { attachmentId } = await params;
  try {
    const download = await findGrievanceAttachment(await getDb(), { attachmentId, actor: await getActor(), pass: await readFollowPass() });
    if (!download) return fileNotFoundResponse();
    return fileResponse(download, 'private, no-store');
  } catch (error) {
    logError('grievance attachment download failed', error);
    return fileErrorResponse();
  }
}
