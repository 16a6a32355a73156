// Signing a browser in and out from our own server actions, so that the sign-in,
// sign-up and password-reset forms work as plain HTML forms without JavaScript. The
// cookie is the one next-auth writes and reads (lib/auth/session-cookie.ts), naming a
// fresh user_sessions row, so everything downstream (getActor, next-auth's session
// endpoint, signing out) treats it as any other session.
import { cookies } from 'next/headers';
import type { Db } from '@/db';
import { env } from '@/lib/env';
import { authOptions } from './options';
import { encodeSessionToken, isSessionCookieName, sessionCookieName, sessionIdOfToken } from './session-cookie';
import { createSession, revokeSession, SESSION_MAX_AGE_SECONDS } from './sessions';

function siteUrl(): string {
  const environment = env();
  return environment.NEXTAUTH_URL ?? `http://localhost:${environment.PORT}`;
}

function secret(): string {
  const configured = authOptions.secret;
  if (!configured) throw new Error('the session secret is not set (server/index.ts sets it before Next.js starts)');
  return configured;
}

/** Opens a session for an account that has just proved who it is, and gives this browser its cookie. */
export async function startBrowserSession(db: Db, { userId, name, now = new Date() }: { userId: string; name: string; now?: Date }): Promise<string> {
  // A session this browser had before (someone else's, or an older one) ends on the server too.
  await revokeSession(db, { sessionId: await currentBrowserSessionId(), now });
  const session = await createSession(db, { userId, now });
  const value = await encodeSessionToken({ userId, name, sessionId: session.id, secret: secret(), maxAgeSeconds: SESSION_MAX_AGE_SECONDS });
  const cookieName = sessionCookieName(siteUrl());
  const jar = await cookies();
  clearSessionCookiesIn(jar);
  jar.set(cookieName, value, { httpOnly: true, sameSite: 'lax', path: '/', secure: cookieName.startsWith('__Secure-'), expires: session.expiresAt });
  return session.id;
}

type CookieJar = Awaited<ReturnType<typeof cookies>>;

function clearSessionCookiesIn(jar: CookieJar): void {
  for (const { name } of jar.getAll()) {
    if (isSessionCookieName(name)) jar.set(name, '', { maxAge: 0, path: '/', httpOnly: true, sameSite: 'lax', secure: name.startsWith('__Secure-') });
  }
}

/** The user_sessions row this browser's cookie names, or null. */
export async function currentBrowserSessionId(): Promise<string | null> {
  const jar = await cookies();
  const cookie = jar.get(sessionCookieName(siteUrl()));
  return sessionIdOfToken(cookie?.value, secret());
}

/** Ends this browser's session on the server and clears its cookie. */
export async function endBrowserSession(db: Db): Promise<void> {
  await revokeSession(db, { sessionId: await currentBrowserSessionId() });
  clearSessionCookiesIn(await cookies());
}

/** Clears this browser's session cookie without touching the server (its sessions were ended already). */
export async function clearBrowserSessionCookies(): Promise<void> {
  clearSessionCookiesIn(await cookies());
}
