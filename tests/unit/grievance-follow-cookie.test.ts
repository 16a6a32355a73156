// The follow cookie proves access to one case for twelve hours and nothing else: not
// another case, not after it expires, not when signed with another key or for another
// purpose. The receipt cookie carries the reference and a one-time ticket to the receipt
// page only, never the access key.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** The request's cookie jar, as next/headers hands it to server actions. */
const jar = vi.hoisted(() => {
  const values = new Map<string, { value: string; options: Record<string, unknown> }>();
  return {
    values,
    store: {
      get: (name: string) => (values.has(name) ? { name, value: values.get(name)!.value } : undefined),
      set: (name: string, value: string, options: Record<string, unknown> = {}) => {
        values.set(name, { value, options });
      },
    },
  };
});
vi.mock('next/headers', () => ({ cookies: async () => jar.store }));

import { collabSigningKey, signCollabToken } from '@/lib/collab/token';
import type { ComplainantAccess } from '@/lib/grievances/access';
import {
  FOLLOW_COOKIE,
  FOLLOW_LIFETIME_SECONDS,
  RECEIPT_COOKIE,
  clearFollowCookie,
  grievanceCookieKey,
  readFollowPass,
  readReceipt,
  setFollowCookie,
  setReceiptCookie,
  signFollowToken,
  signReceiptToken,
  verifyFollowToken,
  verifyReceiptToken,
} from '@/lib/grievances/follow-cookie';

const SECRET = 'a-session-secret-of-at-least-thirty-two-characters';
const key = grievanceCookieKey(SECRET);
const access = { grievanceId: '2b1e0c9d-8f7a-4b6c-9d5e-4f3a2b1c0d9e', reference: 'GR-7KQ4M-9XD2A' } as ComplainantAccess;
const now = new Date('2026-05-04T10:00:00Z');
const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);

beforeEach(() => {
  jar.values.clear();
  vi.stubEnv('NEXTAUTH_SECRET', SECRET);
  vi.stubEnv('NEXTAUTH_URL', 'https://participa.example');
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the follow token', () => {
  it('names the case it was issued for, for twelve hours', async () => {
    const token = await signFollowToken(access, key, now);
    expect(await verifyFollowToken(token, { key, now })).toEqual({ grievanceId: access.grievanceId, reference: access.reference });
    expect(await verifyFollowToken(token, { key, now: later(FOLLOW_LIFETIME_SECONDS - 1) })).not.toBeNull();
    expect(await verifyFollowToken(token, { key, now: later(FOLLOW_LIFETIME_SECONDS + 1) })).toBeNull();
  });

  it('is worth nothing signed with another secret, altered, or missing', async () => {
    const token = await signFollowToken(access, key, now);
    expect(await verifyFollowToken(token, { key: grievanceCookieKey(`${SECRET}-other`), now })).toBeNull();
    const [header, payload, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), ref: 'GR-AAAAA-BBBBB' })).toString('base64url');
    expect(await verifyFollowToken(`${header}.${forged}.${signature}`, { key, now })).toBeNull();
    expect(await verifyFollowToken('not a token', { key, now })).toBeNull();
    expect(await verifyFollowToken(undefined, { key, now })).toBeNull();
    expect(await verifyFollowToken('', { key, now })).toBeNull();
  });

  it('has a key of its own: neither a collaboration token nor a receipt passes for it', async () => {
    expect(Buffer.from(key).equals(Buffer.from(collabSigningKey(SECRET)))).toBe(false);
    const collabToken = await signCollabToken({ userId: access.grievanceId, name: 'x', document: 'doc', access: 'edit' }, collabSigningKey(SECRET), now);
    expect(await verifyFollowToken(collabToken, { key, now })).toBeNull();
    // Even signed with the grievance key, a token for another audience is refused.
    const receipt = await signReceiptToken({ ...access, ticket: 'a-one-time-ticket' }, key, now);
    expect(await verifyFollowToken(receipt, { key, now })).toBeNull();
    expect(await verifyReceiptToken(await signFollowToken(access, key, now), { key, now })).toBeNull();
  });
});

describe('the cookies of a request', () => {
  it('sets the follow cookie httpOnly, SameSite=Lax, for /grievances only, for twelve hours', async () => {
    await setFollowCookie(access, now);
    const cookie = jar.values.get(FOLLOW_COOKIE);
    expect(cookie?.options).toEqual({ httpOnly: true, sameSite: 'lax', secure: true, path: '/grievances', maxAge: 12 * 60 * 60 });
    expect(await readFollowPass(now)).toEqual({ grievanceId: access.grievanceId, reference: access.reference });
    expect(await readFollowPass(later(FOLLOW_LIFETIME_SECONDS + 1))).toBeNull();
  });

  it('is not Secure on a site served over plain HTTP (development)', async () => {
    vi.stubEnv('NEXTAUTH_URL', 'http://localhost:3000');
    await setFollowCookie(access, now);
    expect(jar.values.get(FOLLOW_COOKIE)?.options.secure).toBe(false);
  });

  it('forgets the case when asked', async () => {
    await setFollowCookie(access, now);
    await clearFollowCookie();
    expect(jar.values.get(FOLLOW_COOKIE)).toMatchObject({ value: '', options: { path: '/grievances', maxAge: 0 } });
    expect(await readFollowPass(now)).toBeNull();
  });

  it('carries the case and its ticket to the receipt page only, for a few minutes', async () => {
    const receipt = { grievanceId: access.grievanceId, reference: access.reference, ticket: 'a-one-time-ticket' };
    await setReceiptCookie(receipt, now);
    expect(jar.values.get(RECEIPT_COOKIE)?.options).toMatchObject({ httpOnly: true, sameSite: 'lax', path: '/grievances/filed', maxAge: 15 * 60 });
    expect(await readReceipt(later(60))).toEqual(receipt);
    expect(await readReceipt(later(16 * 60))).toBeNull();
    // The receipt opens no case.
    jar.store.set(FOLLOW_COOKIE, jar.values.get(RECEIPT_COOKIE)!.value);
    expect(await readFollowPass(now)).toBeNull();
  });
});
