// The front door (server/front-door.ts) decides on a body of files from its headers: a
// refused one is answered with 429 and a wait before the server reads it, so a script
// posting 50 MiB filings in a loop costs the server nothing once its quota is spent.
// Driven over real HTTP against a plain Node server standing in for Next.js, which
// records the bytes it read of each admitted body.
import { createServer, request as httpRequest, type ClientRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { encode } from 'next-auth/jwt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseEnvironment } from '@/lib/env';
import { consumeRateLimit } from '@/lib/rate-limit/limits';
import { LARGE_BODIES_IN_FLIGHT, RATE_LIMIT_POLICIES } from '@/lib/rate-limit/policies';
import { memoryRateLimitStore, rateLimitKey, type RateLimitStore } from '@/lib/rate-limit/store';
import { createFrontDoor } from '@/server/front-door';

const SECRET = 'front-door-test-secret-0123456789abcdef';
const MIB = 1024 * 1024;

interface Answer {
  status: number;
  retryAfter: string | undefined;
  text: string;
}

let server: Server;
let port: number;
let rateLimits: RateLimitStore;
/** Bytes the stand-in for Next.js read of each admitted request, by its X-Test-Id. */
let readBytes: Map<string, number>;
/** Admitted requests named held-… wait for this before they are answered, to hold their place. */
let holdAdmitted: Promise<void>;
let releaseAdmitted: () => void;

beforeEach(async () => {
  rateLimits = memoryRateLimitStore();
  readBytes = new Map();
  holdAdmitted = new Promise((resolve) => (releaseAdmitted = resolve));
  const frontDoor = createFrontDoor({ config: parseEnvironment({ NODE_ENV: 'production', TRUST_PROXY: 'true' }), isDev: false, authSecret: SECRET, rateLimits });
  server = createServer((request, response) => {
    void frontDoor.admit(request, response).then(async (isAdmitted) => {
      if (!isAdmitted) return;
      const id = String(request.headers['x-test-id']);
      let bytes = 0;
      for await (const chunk of request) bytes += (chunk as Buffer).length;
      readBytes.set(id, bytes);
      if (id.startsWith('held')) await holdAdmitted;
      response.writeHead(200).end('read');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterEach(async () => {
  releaseAdmitted();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function drainedOrClosed(request: ClientRequest): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      request.off('drain', done).off('close', done);
      resolve();
    };
    request.on('drain', done).on('close', done);
  });
}

/** Posts a multipart body of `bytes` as a browser sends a form, streaming it in 64 KiB pieces. */
function postBody({ id, bytes, address, cookie }: { id: string; bytes: number; address: string; cookie?: string }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const boundary = 'front-door-test';
    const opening = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="attachments"; filename="scan.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
    const closing = Buffer.from(`\r\n--${boundary}--\r\n`);
    const fill = bytes - opening.length - closing.length;
    const request = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/grievances/file',
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(bytes),
        'x-forwarded-for': address,
        'x-test-id': id,
        ...(cookie ? { cookie } : {}),
      },
    });
    request.on('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, retryAfter: response.headers['retry-after'], text }));
    });
    // A refused body is cut off: the answer has come, the rest need not go.
    request.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    void (async () => {
      request.write(opening);
      const piece = Buffer.alloc(64 * 1024, 0x61);
      for (let sent = 0; sent < fill && !request.destroyed; sent += piece.length) {
        if (!request.write(piece.subarray(0, Math.min(piece.length, fill - sent)))) await drainedOrClosed(request);
      }
      if (!request.destroyed) request.end(closing);
    })();
  });
}

async function spendQuota(address: string, leaveKibibytes: number): Promise<void> {
  const { points } = RATE_LIMIT_POLICIES.anonymousUploadKiBPerAddress;
  await consumeRateLimit(rateLimits, 'anonymousUploadKiBPerAddress', rateLimitKey('address', address), points - leaveKibibytes);
}

describe('front door: bodies of files', () => {
  it('refuses an anonymous body the address’s upload quota cannot hold, unread, with how long to wait', async () => {
    releaseAdmitted();
    await spendQuota('198.51.100.7', 2 * 1024);
    const refused = await postBody({ id: 'over', bytes: 20 * MIB, address: '198.51.100.7' });
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(60);
    expect(refused.text).toMatch(/^Files sent without signing in have reached their limit for now, so nothing was taken\. .* or wait \d+ minutes\.$/);
    expect(readBytes.has('over')).toBe(false);

    // What still fits goes through; so does the same body from another address.
    expect((await postBody({ id: 'fits', bytes: 2 * MIB, address: '198.51.100.7' })).status).toBe(200);
    expect(readBytes.get('fits')).toBe(2 * MIB);
    // Read at the anonymous rate (more than its burst), and whole.
    expect((await postBody({ id: 'elsewhere', bytes: 20 * MIB, address: '198.51.100.8' })).status).toBe(200);
    expect(readBytes.get('elsewhere')).toBe(20 * MIB);
  });

  it('lets a signed-in person’s files through whatever the anonymous quota, but not a made-up cookie', async () => {
    releaseAdmitted();
    await spendQuota('198.51.100.9', 0);
    const token = await encode({ token: { sub: 'user-1', sid: 'session-1' }, secret: SECRET });
    expect((await postBody({ id: 'account', bytes: 10 * MIB, address: '198.51.100.9', cookie: `next-auth.session-token=${token}` })).status).toBe(200);
    expect((await postBody({ id: 'forged', bytes: 10 * MIB, address: '198.51.100.9', cookie: 'next-auth.session-token=forged' })).status).toBe(429);
    expect(readBytes.has('forged')).toBe(false);
  });

  it('reads only a few large bodies from one address at once and frees the place when one ends', async () => {
    const held = Array.from({ length: LARGE_BODIES_IN_FLIGHT.perAnonymousAddress }, (_, index) => postBody({ id: `held-${index}`, bytes: 2 * MIB, address: '198.51.100.10' }));
    await expect.poll(() => readBytes.size).toBe(LARGE_BODIES_IN_FLIGHT.perAnonymousAddress);
    const busy = await postBody({ id: 'one-more', bytes: 2 * MIB, address: '198.51.100.10' });
    expect(busy).toMatchObject({ status: 429, retryAfter: String(LARGE_BODIES_IN_FLIGHT.retryAfterSeconds) });
    expect(busy.text).toMatch(/^Many files are being sent to the site right now/);
    // Small forms from the same address are not held up.
    expect((await postBody({ id: 'small', bytes: 64 * 1024, address: '198.51.100.10' })).status).toBe(200);
    // Another address has its own places.
    const other = postBody({ id: 'other', bytes: 2 * MIB, address: '198.51.100.11' });
    await expect.poll(() => readBytes.has('other')).toBe(true);

    releaseAdmitted();
    await Promise.all([...held, other]);
    expect((await postBody({ id: 'later', bytes: 2 * MIB, address: '198.51.100.10' })).status).toBe(200);
  });

  it('when anonymous uploads fill every place, a signed-in person’s upload still goes through', async () => {
    const { perAnonymousAddress, anonymousTotal } = LARGE_BODIES_IN_FLIGHT;
    const held = Array.from({ length: anonymousTotal }, (_, index) =>
      postBody({ id: `held-${index}`, bytes: 2 * MIB, address: `198.51.100.${20 + Math.floor(index / perAnonymousAddress)}` }),
    );
    await expect.poll(() => readBytes.size).toBe(anonymousTotal);
    expect((await postBody({ id: 'anonymous', bytes: 2 * MIB, address: '198.51.100.99' })).status).toBe(429);
    const token = await encode({ token: { sub: 'staff-1', sid: 'session-2' }, secret: SECRET });
    expect((await postBody({ id: 'staff', bytes: 2 * MIB, address: '198.51.100.99', cookie: `next-auth.session-token=${token}` })).status).toBe(200);
    releaseAdmitted();
    await Promise.all(held);
  });
});
