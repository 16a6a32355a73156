'use server';
// "Sign out everywhere": a plain form posts here (it works without JavaScript). Every
// session of the signed-in person ends on the server, this browser's cookie is cleared,
// and the confirmation page says so.
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { isSignedIn } from '@/lib/auth/actor';
import { getActor } from '@/lib/auth/session';
import { revokeAllSessions } from '@/lib/auth/sessions';

/** next-auth's session cookie, with the __Secure- prefix over https and `.N` when chunked. */
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

export async function signOutEverywhereAction(): Promise<void> {
  const actor = await getActor();
  // Nobody signed in (or already signed out elsewhere): there is nothing to end.
  if (isSignedIn(actor)) await revokeAllSessions(await getDb(), actor.id);
  const jar = await cookies();
  for (const { name } of jar.getAll()) {
    if (SESSION_COOKIE.test(name)) {
      jar.set(name, '', { maxAge: 0, path: '/', httpOnly: true, sameSite: 'lax', secure: name.startsWith('__Secure-') });
    }
  }
  redirect('/signed-out');
}
