'use server';
// Signing out, as plain forms that work without JavaScript. "Sign out" ends this
// browser's session; "Sign out everywhere" ends every session of the signed-in person
// and lands on a page that says so.
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { isSignedIn } from '@/lib/auth/actor';
import { getActor } from '@/lib/auth/session';
import { revokeAllSessions } from '@/lib/auth/sessions';
import { clearBrowserSessionCookies, endBrowserSession } from '@/lib/auth/sign-in-session';

export async function signOutAction(): Promise<void> {
  await endBrowserSession(await getDb());
  redirect('/');
}

export async function signOutEverywhereAction(): Promise<void> {
  const actor = await getActor();
  // Nobody signed in (or already signed out elsewhere): there is nothing to end.
  if (isSignedIn(actor)) await revokeAllSessions(await getDb(), actor.id);
  await clearBrowserSessionCookies();
  redirect('/signed-out');
}
