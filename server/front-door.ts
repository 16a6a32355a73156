// What the server does with every HTTP request before Next.js: the security headers of
// the response (with this request's CSP nonce, which Next.js reads from the request),
// and the request gate's refusals, answered in a sentence from the catalogue.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createTranslator } from 'next-intl';
import { collabPublicUrl } from '@/lib/collab/endpoint';
import type { Environment } from '@/lib/env';
import { expectedBodyShape, inspectRequest, requestPath, watchRequestBody, type GateRefusal } from '@/lib/http/request-gate';
import { createNonce, isServedOverHttps, securityHeaders, websocketOrigin } from '@/lib/http/security-headers';
import { negotiateLocale } from '@/lib/i18n/config';
import { catalogues } from '@/lib/i18n/catalogues';

export interface FrontDoor {
  /** Sets the headers and answers a refused request; false when the request was answered here. */
  admit(request: IncomingMessage, response: ServerResponse): boolean;
}

export function createFrontDoor({ config, isDev }: { config: Environment; isDev: boolean }): FrontDoor {
  const connectOrigins = [websocketOrigin(collabPublicUrl(config))];

  function refuse(request: IncomingMessage, response: ServerResponse, refusal: GateRefusal): void {
    if (response.headersSent) {
      request.socket.destroy();
      return;
    }
    const locale = negotiateLocale(request.headers['accept-language']);
    const t = createTranslator({ locale, messages: catalogues[locale], namespace: 'errors' });
    // The body may be partly unread: close the connection rather than read the rest.
    response.writeHead(refusal.status, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' }).end(t(refusal.messageKey));
  }

  return {
    admit(request, response) {
      const headers = securityHeaders({
        nonce: createNonce(),
        isDevelopment: isDev,
        connectOrigins,
        pathname: requestPath(request.url),
        isHttps: isServedOverHttps({ siteUrl: config.NEXTAUTH_URL, forwardedProto: request.headers['x-forwarded-proto'], trustProxy: config.TRUST_PROXY }),
      });
      for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);

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
      const shape = expectedBodyShape(request);
      const isChunked = request.headers['content-length'] === undefined && request.headers['transfer-encoding'] !== undefined;
      if (isChunked || shape.kind !== 'any') {
        watchRequestBody(request, { shape, onRefused: (bodyRefusal) => refuse(request, response, bodyRefusal) });
      }
      return true;
    },
  };
}
