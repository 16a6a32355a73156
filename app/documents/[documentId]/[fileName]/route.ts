// Download of a background document. The bytes were uploaded by staff but may still be
// hostile, so the response names their detected type, forbids sniffing another, and
// sandboxes them without script in case a browser renders them as a page of our origin.
// The file name in the path is only what browsers save the file as.
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { getDb } from '@/db';
import { getActor } from '@/lib/auth/session';
import { contentDisposition } from '@/lib/documents/file-check';
import { findDownload } from '@/lib/documents/queries';
import { logError } from '@/lib/log';

export const dynamic = 'force-dynamic';

const paramsSchema = z.object({ documentId: z.uuid() });

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; sandbox",
};

async function notFoundResponse(): Promise<Response> {
  const t = await getTranslations('errors');
  // A document that is not public yet will be soon: no cache may remember the 404.
  return new Response(t('not_found'), {
    status: 404,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store' },
  });
}

export async function GET(_request: Request, { params }: { params: Promise<{ documentId: string; fileName: string }> }): Promise<Response> {
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) return notFoundResponse();
  try {
    const download = await findDownload(await getDb(), { actor: await getActor(), documentId: parsed.data.documentId, now: new Date() });
    if (!download) return notFoundResponse();
    // Database drivers hand out ArrayBuffer-backed bytes, never shared memory; no copy needed.
    const body = download.bytes as Uint8Array<ArrayBuffer>;
    return new Response(body, {
      headers: {
        ...SECURITY_HEADERS,
        'Content-Type': download.contentType,
        // Next 16.4 drops this header from route handler responses (FORBIDDEN_HEADERS in
        // next/dist/server/send-response.js) and sends the body chunked; kept for when it does not.
        'Content-Length': String(body.byteLength),
        'Content-Disposition': contentDisposition(download),
        // Staff may fetch a document before it is public; no shared cache may keep that copy.
        'Cache-Control': download.isPublic ? 'public, max-age=300' : 'private, no-store',
      },
    });
  } catch (error) {
    logError('document download failed', error);
    return new Response(null, { status: 500, headers: { ...SECURITY_HEADERS, 'Cache-Control': 'no-store' } });
  }
}
