// Responses that hand out stored files (background documents, grievance attachments).
// The bytes came from outside and may be hostile, so a response names their detected
// type, forbids sniffing another, and sandboxes them without script in case a browser
// renders them as a page of our origin.
import { getTranslations } from 'next-intl/server';
import { contentDisposition } from './file-check';
import { FILE_LENGTH_HEADER } from './file-length';
import type { StoredContent } from './storage';

const UNTRUSTED_FILE_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; sandbox",
};

/**
 * The file streamed from the store as it is sent: no copy of the whole file is ever in
 * memory. `cacheControl`: public only for what anyone may read; personal or unpublished
 * files are `private, no-store`.
 */
export function fileResponse(file: { content: StoredContent; contentType: string; fileName: string }, cacheControl: string): Response {
  return new Response(file.content.stream(), {
    headers: {
      ...UNTRUSTED_FILE_HEADERS,
      'Content-Type': file.contentType,
      // Next 16.4 drops this header from route handler responses (FORBIDDEN_HEADERS in
      // next/dist/server/send-response.js); the custom server puts it back from
      // FILE_LENGTH_HEADER (file-length.ts), so browsers can show download progress.
      'Content-Length': String(file.content.byteSize),
      [FILE_LENGTH_HEADER]: String(file.content.byteSize),
      'Content-Disposition': contentDisposition(file),
      'Cache-Control': cacheControl,
    },
  });
}

/** The same answer for a file that does not exist and one the asker may not have; no cache keeps it. */
export async function fileNotFoundResponse(): Promise<Response> {
  const t = await getTranslations('errors');
  return new Response(t('not_found'), {
    status: 404,
    headers: { ...UNTRUSTED_FILE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store' },
  });
}

export function fileErrorResponse(): Response {
  return new Response(null, { status: 500, headers: { ...UNTRUSTED_FILE_HEADERS, 'Cache-Control': 'no-store' } });
}
