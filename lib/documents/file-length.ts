// Content-Length for downloads. Next.js 16 drops it from route handler responses
// (FORBIDDEN_HEADERS in next/dist/server/send-response.js) and sends them chunked, so a
// browser cannot show how much of a file is left. File responses (file-response.ts) also
// carry their size under FILE_LENGTH_HEADER, which Next.js passes on (with setHeader);
// this turns it back into Content-Length. Compression, where Next.js
// applies it, removes Content-Length again itself.
import type { ServerResponse } from 'node:http';

/** The size of a file response, under a name Next.js passes through. */
export const FILE_LENGTH_HEADER = 'x-participa-file-length';

/** Call on each response before Next.js handles the request (server/index.ts). */
export function restoreFileLength(response: ServerResponse): void {
  const isFileLength = (name: string) => name.toLowerCase() === FILE_LENGTH_HEADER;
  const asContentLength = (value: unknown) => {
    if (/^\d+$/.test(String(value))) setHeader('content-length', String(value));
    return response;
  };
  // Next.js sets a route handler's headers with setHeader (base-http/node.js).
  const setHeader = response.setHeader.bind(response);
  const appendHeader = response.appendHeader.bind(response);
  response.setHeader = (name: string, value: number | string | readonly string[]) => (isFileLength(name) ? asContentLength(value) : setHeader(name, value));
  response.appendHeader = (name: string, value: string | readonly string[]) => (isFileLength(name) ? asContentLength(value) : appendHeader(name, value));
}
