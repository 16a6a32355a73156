// The HTTP status of the page Next.js renders after a form posted without JavaScript.
// A server action cannot set it: Next.js answers such a post with the re-rendered page
// and 200 whatever the action returned. A refused form should still say 429 with
// Retry-After to the browser and to scripts, so the action notes the status here and the
// custom server (server/index.ts) applies it when Next.js writes the response's head.
// The note travels in an AsyncLocalStorage kept on globalThis: Next.js's bundle and the
// server load this module separately, and both must reach the same storage.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { ServerResponse } from 'node:http';

interface StatusNote {
  status?: number;
  headers: Record<string, string>;
}

const STORAGE_KEY = Symbol.for('participa.response-status');

function storage(): AsyncLocalStorage<StatusNote> {
  const holder = globalThis as typeof globalThis & { [STORAGE_KEY]?: AsyncLocalStorage<StatusNote> };
  holder[STORAGE_KEY] ??= new AsyncLocalStorage<StatusNote>();
  return holder[STORAGE_KEY];
}

/**
 * Runs `handle` (Next.js's handling of one request) so that a status noted during it
 * replaces the one Next.js writes. Only a successful status is replaced: a redirect or an
 * error page of Next.js's own keeps its status.
 */
export function withNotedStatus<T>(response: ServerResponse, handle: () => T): T {
  const note: StatusNote = { headers: {} };
  const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => ServerResponse;
  response.writeHead = ((statusCode: number, ...rest: unknown[]) => {
    if (note.status !== undefined && statusCode === 200) {
      for (const [name, value] of Object.entries(note.headers)) response.setHeader(name, value);
      return writeHead(note.status, ...rest);
    }
    return writeHead(statusCode, ...rest);
  }) as ServerResponse['writeHead'];
  return storage().run(note, handle);
}

/** Notes the status (and headers) the page rendered for this request should carry. */
export function noteResponseStatus(status: number, headers: Record<string, string> = {}): void {
  const note = storage().getStore();
  if (!note) return;
  note.status = status;
  Object.assign(note.headers, headers);
}
