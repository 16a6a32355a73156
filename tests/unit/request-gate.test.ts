import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  expectedBodyShape,
  inspectRequest,
  isCrossSiteAction,
  MAX_PLAIN_ACTION_BODY_BYTES,
  MAX_REQUEST_BODY_BYTES,
  requestPath,
  watchRequestBody,
  type BodyShape,
  type GateRefusal,
} from '@/lib/http/request-gate';

const parseBytes = createRequire(import.meta.url)('next/dist/compiled/bytes') as { parse: (value: string) => number };

const SITE = 'participa.example';

function actionPost(headers: Record<string, string>, url = '/signup') {
  return { method: 'POST', url, headers: { host: SITE, 'next-action': 'abc123', ...headers } };
}

describe('request gate: body size', () => {
  it('uses the same limit as the server actions of next.config.js', async () => {
    // A plain JavaScript module without types: imported by a computed name.
    const configPath: string = '@/next.config.js';
    const { default: nextConfig } = (await import(configPath)) as { default: { experimental: { serverActions: { bodySizeLimit: string } } } };
    const configured = nextConfig.experimental.serverActions.bodySizeLimit;
    expect(parseBytes.parse(configured)).toBe(MAX_REQUEST_BODY_BYTES);
  });

  it('answers 413 to a declared length over the limit, on any path', () => {
    for (const url of ['/grievances/new', '/api/auth/callback/credentials', '/']) {
      expect(inspectRequest({ method: 'POST', url, headers: { host: SITE, 'content-length': String(MAX_REQUEST_BODY_BYTES + 1) } })).toEqual({
        status: 413,
        messageKey: 'request_too_large',
      });
    }
  });

  it('lets a body of exactly the limit through', () => {
    expect(inspectRequest(actionPost({ origin: `https://${SITE}`, 'content-length': String(MAX_REQUEST_BODY_BYTES) }))).toBeNull();
  });

  it('cuts a body without a declared length once it grows past the limit, and tells once', async () => {
    const { push, end, refusals, delivered } = watchedBody({ kind: 'any' }, 10);
    push('aaaaaa');
    push('bbbb');
    expect(refusals).toEqual([]);
    push('c');
    push('d'.repeat(100));
    expect(refusals).toEqual([{ status: 413, messageKey: 'request_too_large' }]);
    end();
    expect(await delivered()).toBeNull();
  });
});

/** A request body fed by hand, as Node's HTTP parser feeds it, with the watcher on it. */
function watchedBody(shape: BodyShape, maxBodyBytes = MAX_REQUEST_BODY_BYTES) {
  const request = new IncomingMessage(new Socket());
  const received: Buffer[] = [];
  const refusals: GateRefusal[] = [];
  let hasEnded = false;
  request.on('data', (chunk: Buffer) => received.push(chunk));
  request.on('end', () => (hasEnded = true));
  watchRequestBody(request, { shape, maxBodyBytes, onRefused: (refusal) => refusals.push(refusal) });
  return {
    refusals,
    push: (text: string) => request.push(Buffer.from(text)),
    end: () => request.push(null),
    /** What reached the reader once the body ended; null when the end never came through. */
    delivered: async () => {
      await new Promise((resolve) => setImmediate(resolve));
      return hasEnded ? Buffer.concat(received).toString() : null;
    },
  };
}

describe('request gate: bodies Next.js could not decode', () => {
  const boundary = '----formdata-7';
  const form = `--${boundary}\r\nContent-Disposition: form-data; name="name"\r\n\r\nRosa\r\n--${boundary}--\r\n`;
  const actionHeaders = { host: SITE, origin: `https://${SITE}`, 'next-action': 'abc123' };

  it('knows what each kind of action post must carry', () => {
    const post = (headers: Record<string, string>) => expectedBodyShape({ method: 'POST', url: '/signup', headers: { ...actionHeaders, ...headers } });
    expect(post({ 'content-type': `multipart/form-data; boundary=${boundary}` })).toEqual({ kind: 'multipart', boundary });
    expect(post({ 'content-type': 'multipart/form-data; boundary="quoted b"' })).toEqual({ kind: 'multipart', boundary: 'quoted b' });
    expect(post({ 'content-type': 'text/plain;charset=UTF-8' })).toEqual({ kind: 'json' });
    expect(expectedBodyShape({ method: 'POST', url: '/api/auth/signout', headers: actionHeaders })).toEqual({ kind: 'any' });
    expect(expectedBodyShape({ method: 'GET', url: '/signup', headers: actionHeaders })).toEqual({ kind: 'any' });
  });

  it('answers 400 to multipart without a boundary', () => {
    expect(inspectRequest({ method: 'POST', url: '/signup', headers: { ...actionHeaders, 'content-type': 'multipart/form-data' } })).toEqual({
      status: 400,
      messageKey: 'malformed_request',
    });
  });

  it('passes a well-framed form through unchanged, in any pieces', async () => {
    const body = watchedBody({ kind: 'multipart', boundary });
    for (const piece of [form.slice(0, 3), form.slice(3, 40), form.slice(40)]) body.push(piece);
    body.end();
    expect(body.refusals).toEqual([]);
    expect(await body.delivered()).toBe(form);
  });

  it('refuses a form that does not start with its boundary, at once', async () => {
    const body = watchedBody({ kind: 'multipart', boundary });
    body.push('garbage');
    expect(body.refusals).toEqual([{ status: 400, messageKey: 'malformed_request' }]);
    body.end();
    expect(await body.delivered()).toBeNull();
  });

  it('refuses a form cut off before its closing boundary, without letting the end through', async () => {
    const body = watchedBody({ kind: 'multipart', boundary });
    body.push(form.slice(0, -12));
    body.end();
    expect(body.refusals).toEqual([{ status: 400, messageKey: 'malformed_request' }]);
    expect(await body.delivered()).toBeNull();
  });

  it('passes a plain action body that is JSON, and refuses one that is not', async () => {
    const good = watchedBody({ kind: 'json' });
    good.push('[{},');
    good.push('1]');
    good.end();
    expect(await good.delivered()).toBe('[{},1]');

    const bad = watchedBody({ kind: 'json' });
    bad.push('garbage{');
    bad.end();
    expect(bad.refusals).toEqual([{ status: 400, messageKey: 'malformed_request' }]);
    expect(await bad.delivered()).toBeNull();
  });

  it('keeps a plain action body small, since it is read whole', () => {
    const body = watchedBody({ kind: 'json' });
    body.push('"' + 'a'.repeat(MAX_PLAIN_ACTION_BODY_BYTES) + '"');
    expect(body.refusals).toEqual([{ status: 413, messageKey: 'request_too_large' }]);
  });
});

describe('request gate: cross-site actions', () => {
  it('answers 403 to an action posted from another site, as Next.js would refuse it', () => {
    expect(inspectRequest(actionPost({ origin: 'https://evil.example' }))).toEqual({ status: 403, messageKey: 'cross_site_request' });
  });

  it('counts a form posted without JavaScript (no Next-Action header) as an action too', () => {
    const request = { method: 'POST', url: '/grievances/new', headers: { host: SITE, origin: 'https://evil.example', 'content-type': 'multipart/form-data; boundary=x' } };
    expect(inspectRequest(request)).toEqual({ status: 403, messageKey: 'cross_site_request' });
  });

  it('lets the site post to itself, with or without JavaScript', () => {
    expect(inspectRequest(actionPost({ origin: `https://${SITE}` }))).toBeNull();
    expect(inspectRequest({ method: 'POST', url: '/signup', headers: { host: SITE, origin: `https://${SITE}`, 'content-type': 'multipart/form-data; boundary=x' } })).toBeNull();
  });

  it('compares with the forwarded host behind a proxy, as Next.js does', () => {
    expect(isCrossSiteAction({ host: 'localhost:3000', 'x-forwarded-host': `${SITE}, other.example`, origin: `https://${SITE}` })).toBe(false);
    expect(isCrossSiteAction({ host: SITE, 'x-forwarded-host': 'internal:3000', origin: `https://${SITE}` })).toBe(true);
  });

  it('refuses an opaque or unreadable origin, and a request without a host to compare with', () => {
    expect(isCrossSiteAction({ host: SITE, origin: 'null' })).toBe(true);
    expect(isCrossSiteAction({ host: SITE, origin: 'not a url' })).toBe(true);
    expect(isCrossSiteAction({ origin: `https://${SITE}` })).toBe(true);
  });

  it('lets a request without Origin through: it carries nobody else’s cookies, and Next.js allows it', () => {
    expect(inspectRequest(actionPost({}))).toBeNull();
  });

  it('leaves route handlers under /api/ and requests other than POST alone', () => {
    expect(inspectRequest({ method: 'POST', url: '/api/auth/signout', headers: { host: SITE, origin: 'https://evil.example' } })).toBeNull();
    expect(inspectRequest({ method: 'GET', url: '/signup', headers: { host: SITE, origin: 'https://evil.example' } })).toBeNull();
  });
});

describe('request gate: addresses', () => {
  it('answers 400 to a malformed %-escape in the path, and ignores the query', () => {
    expect(inspectRequest({ method: 'GET', url: '/initiatives/%E0%A4%A', headers: {} })).toEqual({ status: 400, messageKey: 'malformed_address' });
    expect(inspectRequest({ method: 'GET', url: '/initiatives?q=%E0%A4%A', headers: {} })).toBeNull();
    expect(requestPath('/a/b?c=d')).toBe('/a/b');
    expect(requestPath(undefined)).toBe('/');
  });
});
