// What the server does with every HTTP request before Next.js: the security headers of
// the response (with this request's CSP nonce, which Next.js reads from the request), the
// client's address, the request gate's refusals, and the decision on a large body
// before a byte of it is read; refusals are answered in a sentence from the catalogue.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createTranslator } from 'next-intl';
import { CLIENT_ADDRESS_HEADER, resolveClientAddress } from '@/lib/auth/client-address';
import { sessionCookieAccount } from '@/lib/auth/session-cookie';
import { collabPublicUrl } from '@/lib/collab/endpoint';
import type { Environment } from '@/lib/env';
import { declaredBodyLength, expectedBodyShape, inspectRequest, requestPath, throttleRequestBody, watchRequestBody, type GateRefusal } from '@/lib/http/request-gate';
import { createNonce, isServedOverHttps, securityHeaders, websocketOrigin } from '@/lib/http/security-headers';
import { negotiateLocale, type Locale } from '@/lib/i18n/config';
import { catalogues } from '@/lib/i18n/catalogues';
import { logError } from '@/lib/log';
import { cachedUploadRoom, createByteBucket, createInFlightGate, exceedsUploadRoom } from '@/lib/rate-limit/large-bodies';
import { ANONYMOUS_UPLOAD_READ_RATE, LARGE_BODIES_IN_FLIGHT, LARGE_BODY_BYTES } from '@/lib/rate-limit/policies';
import type { RateLimitStore } from '@/lib/rate-limit/store';
import { waitValues } from '@/lib/rate-limit/wait';

export interface FrontDoor {
  /** Sets the headers and the address, and answers a refused request; false when the request was answered here. */
  admit(request: IncomingMessage, response: ServerResponse): Promise<boolean>;
}

export interface FrontDoorOptions {
  config: Environment;
  isDev: boolean;
  authSecret: string;
  rateLimits: RateLimitStore;
}

/**
 * The sentence of a refusal, formatted once per locale, message and wait: under a flood
 * the same few refusals are sent thousands of times, and formatting a message with a
 * plural costs more than answering.
 */
const refusalTexts = new Map<string, string>();
const MAX_REFUSAL_TEXTS = 1000;

function refusalText(locale: Locale, { messageKey, retryAfterSeconds }: GateRefusal): string {
  const key = `${locale}:${messageKey}:${retryAfterSeconds ?? ''}`;
  let text = refusalTexts.get(key);
  if (text === undefined) {
    const t = createTranslator({ locale, messages: catalogues[locale], namespace: 'errors' });
    text = retryAfterSeconds === undefined ? t(messageKey) : t(messageKey, waitValues(retryAfterSeconds));
    if (refusalTexts.size >= MAX_REFUSAL_TEXTS) refusalTexts.clear();
    refusalTexts.set(key, text);
  }
  return text;
}

export function createFrontDoor({ config, isDev, authSecret, rateLimits }: FrontDoorOptions): FrontDoor {
  const connectOrigins = [websocketOrigin(collabPublicUrl(config))];
  const accountBodies = createInFlightGate({ perKey: LARGE_BODIES_IN_FLIGHT.perAccount });
  const anonymousBodies = createInFlightGate({ perKey: LARGE_BODIES_IN_FLIGHT.perAnonymousAddress, total: LARGE_BODIES_IN_FLIGHT.anonymousTotal });
  const anonymousReadRate = createByteBucket(ANONYMOUS_UPLOAD_READ_RATE);
  const uploadRoom = cachedUploadRoom(rateLimits);

  function refuse(request: IncomingMessage, response: ServerResponse, refusal: GateRefusal): void {
    if (response.headersSent) {
      request.socket.destroy();
      return;
    }
    const headers: Record<string, string> = { 'content-type': 'text/plain; charset=utf-8', connection: 'close' };
    if (refusal.retryAfterSeconds !== undefined) headers['retry-after'] = String(refusal.retryAfterSeconds);
    // The body may be partly unread: close the connection rather than read the rest.
    response.writeHead(refusal.status, headers).end(refusalText(negotiateLocale(request.headers['accept-language']), refusal));
  }

  /**
   * A body of files costs work as it arrives, and Next.js reads all of it before an
   * action could refuse it; so it is decided on here, from the headers. Anonymous files
   * beyond what the upload quotas still allow are refused at once (the action would
   * refuse them after reading), and the others are read at a bounded rate; and only a
   * few large bodies are read at a time.
   */
  async function admitLargeBody(request: IncomingMessage, response: ServerResponse, address: string): Promise<GateRefusal | null> {
    const length = declaredBodyLength(request.headers);
    if (length !== 'unknown' && length <= LARGE_BODY_BYTES) return null;
    const account = await sessionCookieAccount(request.headers.cookie, authSecret);
    // The places first: they cost nothing to check, and a refusal for lack of one asks nothing of the counters.
    const release = account === null ? anonymousBodies.enter(address) : accountBodies.enter(account);
    if (!release) return { status: 429, messageKey: 'uploads_busy', retryAfterSeconds: LARGE_BODIES_IN_FLIGHT.retryAfterSeconds };
    if (account === null) {
      const room = await uploadRoom(address).catch((error: unknown) => {
        release();
        throw error;
      });
      if (length === 'unknown' ? room.kibibytes === 0 : exceedsUploadRoom(length, room)) {
        release();
        return { status: 429, messageKey: 'upload_quota_reached', retryAfterSeconds: Math.max(1, Math.ceil(room.retryAfterMs / 1000)) };
      }
    }
    response.once('close', release);
    if (account === null) throttleRequestBody(request, anonymousReadRate);
    return null;
  }

  return {
    async admit(request, response) {
      const headers = securityHeaders({
        nonce: createNonce(),
        isDevelopment: isDev,
        connectOrigins,
        pathname: requestPath(request.url),
        isHttps: isServedOverHttps({ siteUrl: config.NEXTAUTH_URL, forwardedProto: request.headers['x-forwarded-proto'], trustProxy: config.TRUST_PROXY }),
      });
      for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
      // Whatever the client sent under this name is replaced.
      const address = resolveClientAddress({ socketAddress: request.socket.remoteAddress, forwardedFor: request.headers['x-forwarded-for'], trustProxy: config.TRUST_PROXY });
      request.headers[CLIENT_ADDRESS_HEADER] = address;

      const refusal = inspectRequest(request);
      if (refusal) {
        refuse(request, response, refusal);
        return false;
      }
      // Next.js takes the nonce for its scripts from the request's policy; whatever the
      // client sent under these names is replaced.
      request.headers['content-security-policy'] = headers['Content-Security-Policy'];
      delete request.headers['content-security-policy-report-only'];
      // A declared length was checked above and Node holds the client to it; a chunked
      // body is counted as it comes, and an action's body must be one Next.js can decode.
      // Watched from the first byte, which may arrive while the decision below is made.
      const shape = expectedBodyShape(request);
      if (declaredBodyLength(request.headers) === 'unknown' || shape.kind !== 'any') {
        watchRequestBody(request, { shape, onRefused: (bodyRefusal) => refuse(request, response, bodyRefusal) });
      }
      let bodyRefusal: GateRefusal | null;
      try {
        bodyRefusal = await admitLargeBody(request, response, address);
      } catch (error) {
        // The counters' store failed: the action still counts the files once read.
        logError('deciding on a large request body failed', error);
        bodyRefusal = null;
      }
      if (bodyRefusal) {
        refuse(request, response, bodyRefusal);
        return false;
      }
      return true;
    },
  };
}
