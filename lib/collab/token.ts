// Short-lived tokens that let one user open one shared document with one access level.
// The app signs them after asking the policy module; the realtime server only verifies
// them, so it never needs the session or the database to decide who may connect.
import { createHmac } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';

export const COLLAB_TOKEN_LIFETIME_SECONDS = 5 * 60;
const AUDIENCE = 'participa-collab';

export type CollabAccess = 'edit' | 'view';

export interface CollabClaims {
  userId: string;
  name: string;
  document: string;
  access: CollabAccess;
}

/** Claims as verified, with the moment the token stops being valid. */
export interface VerifiedCollabClaims extends CollabClaims {
  expiresAt: Date;
}

export type CollabTokenProblem = 'missing' | 'invalid' | 'expired' | 'wrong_document';

export class CollabTokenError extends Error {
  constructor(readonly problem: CollabTokenProblem) {
    super(`collaboration token ${problem.replace('_', ' ')}`);
    this.name = 'CollabTokenError';
  }
}

/** A key of its own, derived from the session secret: a session cookie is no token, nor the reverse. */
export function collabSigningKey(authSecret: string): Uint8Array {
  return new Uint8Array(createHmac('sha256', authSecret).update('participa collaboration tokens v1').digest());
}

export async function signCollabToken(claims: CollabClaims, key: Uint8Array, now = new Date()): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({ doc: claims.document, access: claims.access, name: claims.name })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.userId)
    .setAudience(AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + COLLAB_TOKEN_LIFETIME_SECONDS)
    .sign(key);
}

export async function verifyCollabToken(
  token: string | null | undefined,
  { key, document, now = new Date() }: { key: Uint8Array; document: string; now?: Date },
): Promise<VerifiedCollabClaims> {
  if (!token) throw new CollabTokenError('missing');
  let payload;
  try {
    ({ payload } = await jwtVerify(token, key, { algorithms: ['HS256'], audience: AUDIENCE, currentDate: now }));
  } catch (error) {
    throw new CollabTokenError(error instanceof joseErrors.JWTExpired ? 'expired' : 'invalid');
  }
  const { sub, doc, access, name, exp } = payload;
  if (typeof sub !== 'string' || typeof doc !== 'string' || (access !== 'edit' && access !== 'view') || typeof name !== 'string' || typeof exp !== 'number') {
    throw new CollabTokenError('invalid');
  }
  if (doc !== document) throw new CollabTokenError('wrong_document');
  return { userId: sub, name, document: doc, access, expiresAt: new Date(exp * 1000) };
}
