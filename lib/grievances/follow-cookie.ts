// The browser's proof that it may open one case without an account. After the right
// reference and access key (or right after filing), it receives a cookie holding a
// short-lived JWT for that case alone: httpOnly, so no script reads it; SameSite=Lax, so
// no other site's form acts with it; path /grievances, so no other page receives it.
// Every request of the case page and every complainant action verifies it again and
// looks the case up (access.ts, openCaseWithFollowPass).
//
// Right after filing a second cookie, scoped to the receipt page alone, carries the
// reference and a one-time ticket for a few minutes, so the receipt is shown after a
// redirect (a reload cannot send the form again). It never carries the access key: the
// receipt's first display exchanges the ticket for the key (receipt.ts), and later ones
// show the reference alone.
//
// Both are signed with a key of their own derived from the session secret, as the
// collaboration tokens are (lib/collab/token.ts), with their own audiences: neither a
// session cookie nor a collaboration token nor one of these passes for another.
import { createHmac } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { cookies } from 'next/headers';
import type { Db } from '@/db';
import type { Actor } from '@/lib/auth/actor';
import { isAppError } from '@/lib/errors';
import { openCaseAsFiler, openCaseWithFollowPass, type ComplainantAccess } from './access';
import type { ReceiptTicket } from './receipt';

export const FOLLOW_COOKIE = 'participa-grievance-follow';
export const FOLLOW_COOKIE_PATH = '/grievances';
export const FOLLOW_LIFETIME_SECONDS = 12 * 60 * 60;
const FOLLOW_AUDIENCE = 'participa-grievance-follow';

export const RECEIPT_COOKIE = 'participa-grievance-receipt';
export const RECEIPT_COOKIE_PATH = '/grievances/filed';
export const RECEIPT_LIFETIME_SECONDS = 15 * 60;
const RECEIPT_AUDIENCE = 'participa-grievance-receipt';

declare const verifiedPass: unique symbol;

/** A follow token that verified: only verifyFollowToken makes one. */
export interface FollowPass {
  readonly grievanceId: string;
  readonly reference: string;
  readonly [verifiedPass]: true;
}

/** A key of its own, derived from the session secret. */
export function grievanceCookieKey(authSecret: string): Uint8Array {
  return new Uint8Array(createHmac('sha256', authSecret).update('participa grievance follow cookies v1').digest());
}

function seconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

export async function signFollowToken(access: Pick<ComplainantAccess, 'grievanceId' | 'reference'>, key: Uint8Array, now = new Date()): Promise<string> {
  return new SignJWT({ ref: access.reference })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(access.grievanceId)
    .setAudience(FOLLOW_AUDIENCE)
    .setIssuedAt(seconds(now))
    .setExpirationTime(seconds(now) + FOLLOW_LIFETIME_SECONDS)
    .sign(key);
}

async function verifiedPayload(token: string | null | undefined, key: Uint8Array, audience: string, now: Date) {
  if (!token) return null;
  try {
    const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], audience, currentDate: now });
    return payload;
  } catch {
    // Expired, forged, for another audience or not a JWT at all: the browser has no pass.
    return null;
  }
}

/** The pass in `token`, or null when there is none that holds. */
export async function verifyFollowToken(token: string | null | undefined, { key, now = new Date() }: { key: Uint8Array; now?: Date }): Promise<FollowPass | null> {
  const payload = await verifiedPayload(token, key, FOLLOW_AUDIENCE, now);
  if (!payload || typeof payload.sub !== 'string' || typeof payload.ref !== 'string') return null;
  return { grievanceId: payload.sub, reference: payload.ref } as FollowPass;
}

export async function signReceiptToken(receipt: ReceiptTicket, key: Uint8Array, now = new Date()): Promise<string> {
  return new SignJWT({ ref: receipt.reference, tkt: receipt.ticket })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(receipt.grievanceId)
    .setAudience(RECEIPT_AUDIENCE)
    .setIssuedAt(seconds(now))
    .setExpirationTime(seconds(now) + RECEIPT_LIFETIME_SECONDS)
    .sign(key);
}

export async function verifyReceiptToken(token: string | null | undefined, { key, now = new Date() }: { key: Uint8Array; now?: Date }): Promise<ReceiptTicket | null> {
  const payload = await verifiedPayload(token, key, RECEIPT_AUDIENCE, now);
  if (!payload || typeof payload.sub !== 'string' || typeof payload.ref !== 'string' || typeof payload.tkt !== 'string') return null;
  return { grievanceId: payload.sub, reference: payload.ref, ticket: payload.tkt };
}

// ——— In a request (server components, server actions, route handlers) ———

/** The signing key, from the secret server/index.ts resolved into the environment. */
function keyFromEnvironment(): Uint8Array {
  const secret = process.env.NEXTAUTH_SECRET || process.env.AUTH_SECRET;
  if (!secret) throw new Error('no session secret: start Participa through server/index.ts or set AUTH_SECRET');
  return grievanceCookieKey(secret);
}

/** Secure when the site is served over HTTPS, as next-auth decides for its own cookies. */
function cookieOptions(path: string, maxAge: number) {
  const isSecure = process.env.NEXTAUTH_URL?.startsWith('https://') ?? false;
  return { httpOnly: true, sameSite: 'lax' as const, secure: isSecure, path, maxAge };
}

/** Lets this browser open the case for the next 12 hours (only from a server action or route handler). */
export async function setFollowCookie(access: ComplainantAccess, now = new Date()): Promise<void> {
  const token = await signFollowToken(access, keyFromEnvironment(), now);
  (await cookies()).set(FOLLOW_COOKIE, token, cookieOptions(FOLLOW_COOKIE_PATH, FOLLOW_LIFETIME_SECONDS));
}

/** Forgets the case on this browser (a shared computer). */
export async function clearFollowCookie(): Promise<void> {
  (await cookies()).set(FOLLOW_COOKIE, '', { ...cookieOptions(FOLLOW_COOKIE_PATH, 0), maxAge: 0 });
}

export async function readFollowPass(now = new Date()): Promise<FollowPass | null> {
  return verifyFollowToken((await cookies()).get(FOLLOW_COOKIE)?.value, { key: keyFromEnvironment(), now });
}

export async function setReceiptCookie(receipt: ReceiptTicket, now = new Date()): Promise<void> {
  const token = await signReceiptToken(receipt, keyFromEnvironment(), now);
  (await cookies()).set(RECEIPT_COOKIE, token, cookieOptions(RECEIPT_COOKIE_PATH, RECEIPT_LIFETIME_SECONDS));
}

export async function readReceipt(now = new Date()): Promise<ReceiptTicket | null> {
  return verifyReceiptToken((await cookies()).get(RECEIPT_COOKIE)?.value, { key: keyFromEnvironment(), now });
}

/**
 * The complainant's access to the case named `reference` in this request: by the
 * browser's follow cookie, or as the signed-in account that filed it. Null otherwise,
 * whether or not such a case exists.
 */
export async function complainantAccessFor(db: Db, { actor, reference, now = new Date() }: { actor: Actor; reference: string; now?: Date }): Promise<ComplainantAccess | null> {
  const attempts = [async () => openCaseWithFollowPass(db, { pass: await readFollowPass(now), reference }), async () => openCaseAsFiler(db, actor, reference)];
  for (const attempt of attempts) {
    try {
      return await attempt();
    } catch (error) {
      if (!isAppError(error) || error.code !== 'not_found') throw error;
    }
  }
  return null;
}
