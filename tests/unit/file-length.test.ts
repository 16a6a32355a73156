// Downloads keep their Content-Length although Next.js drops it from route handler
// responses: the custom server turns the size a file response carries back into it.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { FILE_LENGTH_HEADER, restoreFileLength } from '@/lib/documents/file-length';

describe('restoreFileLength', () => {
  it('sends the size of a file response as Content-Length, and nothing chunked', async () => {
    const server = createServer((_request, response) => {
      restoreFileLength(response);
      // What Next.js does with a route handler's headers (base-http/node.js).
      response.setHeader('content-type', 'application/pdf');
      response.setHeader(FILE_LENGTH_HEADER, '11');
      // Streamed in pieces, as a file is: without a length Node would send it chunked.
      response.write('hello ');
      response.end('world');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const answer = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      expect(answer.headers.get('content-length')).toBe('11');
      expect(answer.headers.get('transfer-encoding')).toBeNull();
      expect(answer.headers.get(FILE_LENGTH_HEADER)).toBeNull();
      expect(await answer.text()).toBe('hello world');
    } finally {
      server.close();
    }
  });
});
