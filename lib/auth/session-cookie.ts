// Whether a raw request carries a session cookie this site issued, for the front door
// (server/front-door.ts), which decides on a large body before Next.js or next-auth run.
// It proves the cookie is ours and unexpired, not that its session is still open
// (getActor checks that on every request): enough to tell an account's upload, which the
// anonymous quotas do not cover, from one that would only claim to be.
import { decode } from 'next-auth/jwt';

const SESSION_COOKIE = 'next-auth.session-token';
const SECURE_SESSION_COOKIE = `__Secure-${SESSION_COOKIE}`;

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
