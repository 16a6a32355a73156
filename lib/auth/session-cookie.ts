// The session cookie, in next-auth's format (an encrypted JWT naming the user and the
// user_sessions row): written by our own sign-in forms (lib/auth/sign-in-session.ts),
// which work without JavaScript, and read by next-auth on every request. The front door
// (server/front-door.ts) also asks whether a raw request carries one, before Next.js or
// next-auth run: that proves the cookie is ours and unexpired, not that its session is
// still open (getActor checks that), enough to tell an account's upload, which the
// anonymous quotas do not cover, from one that would only claim to be.
import { decode, encode } from 'next-auth/jwt';

const SESSION_COOKIE = 'next-auth.session-token';
const SECURE_SESSION_COOKIE = `__Secure-${SESSION_COOKIE}`;
/** next-auth's session cookie, with the __Secure- prefix over https and `.N` when chunked. */
const ANY_SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

export function isSessionCookieName(name: string): boolean {
  return ANY_SESSION_COOKIE.test(name);
}

/** The cookie's name as next-auth reads it: with the __Secure- prefix when the site is served over https. */
export function sessionCookieName(siteUrl: string | undefined): string {
  return siteUrl?.startsWith('https://') ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

/** The cookie value for a session: what next-auth itself would write at sign-in. */
export function encodeSessionToken({ userId, name, sessionId, secret, maxAgeSeconds }: { userId: string; name: string; sessionId: string; secret: string; maxAgeSeconds: number }): Promise<string> {
  return encode({ token: { sub: userId, name, sid: sessionId }, secret, maxAge: maxAgeSeconds });
}

/** The session row id (`sid`) a cookie value names, or null when it is not ours. */
export async function sessionIdOfToken(token: string | undefined, secret: string): Promise<string | null> {
  if (!token) return null;
  try {
    const decoded = await decode({ token, secret });
    return typeof decoded?.sid === 'string' ? decoded.sid : null;
  } catch {
    return null;
  }
}

/** Cookies by name from a Cookie header; a malformed pair is skipped. */
export function parseCookieHeader(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const pair of (header ?? '').split(';')) {
    const separator = pair.indexOf('=');
    if (separator <= 0) continue;
    const name = pair.slice(0, separator).trim();
    const value = pair.slice(separator + 1).trim();
    if (name && !cookies.has(name)) cookies.set(name, value);
  }
  return cookies;
}

/** next-auth splits a cookie over 4 KB into `name.0`, `name.1`, …; a short one keeps its name. */
function sessionTokenFrom(cookies: Map<string, string>, name: string): string | null {
  const whole = cookies.get(name);
  if (whole) return whole;
  const chunks: string[] = [];
  for (let index = 0; cookies.has(`${name}.${index}`); index += 1) chunks.push(cookies.get(`${name}.${index}`)!);
  return chunks.length > 0 ? chunks.join('') : null;
}

/** The account a valid session cookie names (its `sub`), or null without one. */
export async function sessionCookieAccount(cookieHeader: string | undefined, secret: string): Promise<string | null> {
  const cookies = parseCookieHeader(cookieHeader);
  for (const name of [SECURE_SESSION_COOKIE, SESSION_COOKIE]) {
    const token = sessionTokenFrom(cookies, name);
    if (!token) continue;
    try {
      const session = await decode({ token, secret });
      if (typeof session?.sub === 'string') return session.sub;
    } catch {
      // A cookie that does not decrypt with our secret is not ours.
    }
  }
  return null;
}
