// The first look at every request, in server/index.ts before Next.js sees it: requests
// Next.js would fail with a 500 although the client is at fault get the right 4xx here,
// with a sentence from the catalogue. Next.js keeps its own checks; these only answer
// earlier and correctly.
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

/**
 * The largest request body accepted, in bytes: next.config.js's
 * serverActions.bodySizeLimit ('51mb'; the largest form is a grievance with 5 × 10 MiB
 * attachments). tests/unit/request-gate.test.ts checks that the two agree.
 */
export const MAX_REQUEST_BODY_BYTES = 51 * 1024 * 1024;

/**
 * A body a server action sends without multipart framing is the JSON text of a few
 * simple values (React's encodeReply); it is read whole to be checked, so it is kept small.
 */
export const MAX_PLAIN_ACTION_BODY_BYTES = 1024 * 1024;

export type GateMessageKey = 'malformed_address' | 'malformed_request' | 'request_too_large' | 'cross_site_request' | 'uploads_busy' | 'upload_quota_reached';

export interface GateRefusal {
  status: 400 | 403 | 413 | 429;
  /** A key of the `errors` namespace of the catalogue. */
  messageKey: GateMessageKey;
  /** For 429: sent as Retry-After, and said in the message. */
  retryAfterSeconds?: number;
}

export interface GateRequest {
  method?: string | undefined;
  url?: string | undefined;
  headers: IncomingHttpHeaders;
}

const TOO_LARGE: GateRefusal = { status: 413, messageKey: 'request_too_large' };
const CROSS_SITE: GateRefusal = { status: 403, messageKey: 'cross_site_request' };
const MALFORMED_ADDRESS: GateRefusal = { status: 400, messageKey: 'malformed_address' };
const MALFORMED_BODY: GateRefusal = { status: 400, messageKey: 'malformed_request' };

/** The path of a request target, without the query. */
export function requestPath(url: string | undefined): string {
  return (url ?? '/').split('?')[0] || '/';
}

/** Next.js answers a malformed %-escape in the path with a 500; it is the client's mistake. */
function hasMalformedPath(path: string): boolean {
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}

/**
 * The length a request declares for its body: a number, 'unknown' for a chunked body
 * (counted as it comes by watchRequestBody), or 0 without a body.
 */
export function declaredBodyLength(headers: IncomingHttpHeaders): number | 'unknown' {
  const declared = headers['content-length'];
  if (declared !== undefined) return Number(declared);
  return headers['transfer-encoding'] !== undefined ? 'unknown' : 0;
}

/** A declared Content-Length over the limit (Node's parser has already refused malformed ones). */
function declaresTooLargeBody(headers: IncomingHttpHeaders, maxBodyBytes: number): boolean {
  const length = declaredBodyLength(headers);
  return length !== 'unknown' && length > maxBodyBytes;
}

/**
 * A POST to a page is a server action to Next.js (a `Next-Action` header from script,
 * or a multipart form posted without JavaScript). Route handlers under /api/ are not
 * actions and keep their own rules (next-auth checks its CSRF token).
 */
function isActionPost(method: string | undefined, path: string): boolean {
  return method === 'POST' && !path.startsWith('/api/');
}

function firstValue(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header?.split(',')[0];
  return value?.trim() || undefined;
}

/**
 * Next.js's own rule against cross-site actions (app-render/action-handler.js): the host
 * of the Origin header must equal X-Forwarded-Host when present, else Host. A request
 * without Origin passes, as in Next.js: browsers send Origin on every POST, also on a
 * form posted without JavaScript, so its absence means a hand-made request that carries
 * no one else's cookies. `Origin: null` (an opaque origin: a sandboxed frame, a
 * privacy-preserving redirect) is cross-site.
 */
export function isCrossSiteAction(headers: IncomingHttpHeaders): boolean {
  const origin = headers.origin;
  if (origin === undefined) return false;
  let originHost: string;
  try {
    originHost = origin === 'null' ? 'null' : new URL(origin).host;
  } catch {
    return true;
  }
  const host = firstValue(headers['x-forwarded-host']) ?? headers.host;
  return host === undefined || originHost !== host;
}

/** What the gate says to a request: a refusal, or null to let it through to Next.js. */
export function inspectRequest(request: GateRequest, { maxBodyBytes = MAX_REQUEST_BODY_BYTES }: { maxBodyBytes?: number } = {}): GateRefusal | null {
  const path = requestPath(request.url);
  if (hasMalformedPath(path)) return MALFORMED_ADDRESS;
  if (isActionPost(request.method, path) && isCrossSiteAction(request.headers)) return CROSS_SITE;
  if (declaresTooLargeBody(request.headers, maxBodyBytes)) return TOO_LARGE;
  if (expectedBodyShape(request).kind === 'unreadable') return MALFORMED_BODY;
  return null;
}

/**
 * What the body of a request must look like for Next.js to read it without failing.
 * Next.js answers a server action whose body it cannot decode with a 500: multipart
 * without a boundary or with broken framing (busboy: "Unexpected end of form"), or a
 * plain body that is not JSON (React's decodeReply).
 */
export type BodyShape =
  | { kind: 'any' }
  | { kind: 'multipart'; boundary: string }
  | { kind: 'json' }
  /** Multipart without a boundary: nothing could read it. */
  | { kind: 'unreadable' };

export function expectedBodyShape({ method, url, headers }: GateRequest): BodyShape {
  if (!isActionPost(method, requestPath(url))) return { kind: 'any' };
  const contentType = headers['content-type'] ?? '';
  if (/^multipart\/form-data\b/i.test(contentType)) {
    const boundary = /;\s*boundary=(?:"([^"]{1,70})"|([^;\s"]{1,70}))/i.exec(contentType);
    return boundary ? { kind: 'multipart', boundary: boundary[1] ?? boundary[2]! } : { kind: 'unreadable' };
  }
  // Next.js decodes a plain body only for an action called from script.
  return headers['next-action'] !== undefined && !/^application\/x-www-form-urlencoded\b/i.test(contentType) ? { kind: 'json' } : { kind: 'any' };
}

/** A multipart body begins with its first boundary and ends with the closing one (RFC 2046 §5.1.1). */
function checkMultipartEnds(boundary: string) {
  const opening = Buffer.from(`--${boundary}`);
  const closing = `--${boundary}--`;
  return {
    isValidStart: (head: Buffer) => head.subarray(0, opening.length).equals(opening.subarray(0, Math.min(head.length, opening.length))),
    startLength: opening.length,
    tailLength: closing.length + 4,
    isValidEnd: (tail: Buffer) => tail.toString('latin1').trimEnd().endsWith(closing),
  };
}

function isJson(text: Buffer): boolean {
  try {
    JSON.parse(text.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

/**
 * Watches a request body as the reader pulls it (the HTTP parser hands each piece to
 * `push`): counts it against the limit, and checks its shape (see expectedBodyShape). On
 * the first problem `onRefused` is called once and every later byte is dropped, the end
 * included, so Next.js never decodes a body that would make it fail; the caller answers
 * and closes the connection. A body nobody reads costs nothing.
 */
export function watchRequestBody(
  request: IncomingMessage,
  { shape, maxBodyBytes = MAX_REQUEST_BODY_BYTES, onRefused }: { shape: BodyShape; maxBodyBytes?: number; onRefused: (refusal: GateRefusal) => void },
): void {
  const limit = shape.kind === 'json' ? Math.min(maxBodyBytes, MAX_PLAIN_ACTION_BODY_BYTES) : maxBodyBytes;
  const multipart = shape.kind === 'multipart' ? checkMultipartEnds(shape.boundary) : undefined;
  const kept: Buffer[] = [];
  let received = 0;
  let head = Buffer.alloc(0);
  let tail = Buffer.alloc(0);
  let isRefused = false;
  const push = request.push.bind(request);

  function refuse(refusal: GateRefusal): boolean {
    isRefused = true;
    onRefused(refusal);
    return true;
  }

  request.push = (chunk: unknown, encoding?: BufferEncoding): boolean => {
    if (isRefused) return true;
    if (chunk === null || chunk === undefined) {
      if (multipart && !(head.length >= multipart.startLength && multipart.isValidEnd(tail))) return refuse(MALFORMED_BODY);
      if (shape.kind === 'json' && !isJson(Buffer.concat(kept))) return refuse(MALFORMED_BODY);
      return push(chunk, encoding);
    }
    const bytes = Buffer.isBuffer(chunk) ? chunk : typeof chunk === 'string' ? Buffer.from(chunk, encoding) : Buffer.from(chunk as Uint8Array);
    received += bytes.length;
    if (received > limit) return refuse(TOO_LARGE);
    if (multipart) {
      if (head.length < multipart.startLength) {
        head = Buffer.concat([head, bytes.subarray(0, multipart.startLength - head.length)]);
        if (!multipart.isValidStart(head)) return refuse(MALFORMED_BODY);
      }
      tail = Buffer.concat([tail, bytes.subarray(-multipart.tailLength)]).subarray(-multipart.tailLength);
    }
    if (shape.kind === 'json') kept.push(bytes);
    return push(chunk, encoding);
  };
}


/**
 * Reads a request body no faster than `bucket` allows. Once the bucket is in debt, the
 * piece just read is kept but the HTTP parser is told to stop (push returns false, so it
 * pauses the socket and TCP holds the client back), and the reader's next request for
 * data waits until the debt is paid. Nothing is dropped; the body only arrives slower.
 */
export function throttleRequestBody(request: IncomingMessage, bucket: { take(bytes: number): number }): void {
  const push = request.push.bind(request);
  const read = request._read.bind(request);
  let resumeAt = 0;
  let isWaiting = false;
  request.push = (chunk: unknown, encoding?: BufferEncoding): boolean => {
    const accepted = push(chunk, encoding);
    if (chunk === null || chunk === undefined) return accepted;
    const bytes = Buffer.isBuffer(chunk) ? chunk.length : typeof chunk === 'string' ? Buffer.byteLength(chunk, encoding) : (chunk as Uint8Array).byteLength;
    const waitMs = bucket.take(bytes);
    if (waitMs <= 0) return accepted;
    resumeAt = Math.max(resumeAt, performance.now() + waitMs);
    return false;
  };
  request._read = (size: number): void => {
    const waitMs = resumeAt - performance.now();
    if (waitMs <= 0) {
      read(size);
      return;
    }
    if (isWaiting) return;
    isWaiting = true;
    setTimeout(() => {
      isWaiting = false;
      request._read(size);
    }, waitMs);
  };
}
