// Download of a grievance attachment, for the case's complainant (follow cookie, or the
// account that filed it) and grievance handlers; anyone else gets the same 404 as for
// a file that does not exist. The bytes came from outside and may be hostile: the
// response names their detected type, forbids sniffing another, and sandboxes them
// without script. Personal data: never kept by any shared cache. The file name in the
// path is only what browsers save the file as.
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { getActor } from '@/lib/auth/session';
import { contentDisposition } from '@/lib/documents/file-check';
import { findGrievanceAttachment } from '@/lib/grievances/attachment-download';
import { readFollowPass } from '@/lib/grievances/follow-cookie';
import { logError } from '@/lib/log';

export const dynamic = 'force-dynamic';

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; sandbox",
  'Cache-Control': 'private, no-store',
};

async function notFoundResponse(): Promise<Response> {
  const t = await getTranslations('errors');
  return new Response(t('not_found'), { status: 404, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}

export async function GET(_request: Request, { params }: { params: Promise<{ attachmentId: string; fileName: string }> }): Promise<Response> {
  const { attachmentId } = await params;
  try {
    const download = await findGrievanceAttachment(await getDb(), { attachmentId, actor: await getActor(), pass: await readFollowPass() });
    if (!download) return notFoundResponse();
    // Database drivers hand out ArrayBuffer-backed bytes, never shared memory; no copy needed.
    const body = download.bytes as Uint8Array<ArrayBuffer>;
    return new Response(body, {
      headers: {
        ...SECURITY_HEADERS,
        'Content-Type': download.contentType,
        'Content-Length': String(body.byteLength),
        'Content-Disposition': contentDisposition(download),
      },
    });
  } catch (error) {
    logError('grievance attachment download failed', error);
    return new Response(null, { status: 500, headers: SECURITY_HEADERS });
  }
}
