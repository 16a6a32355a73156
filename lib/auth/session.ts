// The actor of the current request, for server components, server actions and
// route handlers.
import { getServerSession } from 'next-auth';
import { cache } from 'react';
import { z } from 'zod';
import { getDb } from '@/db';
import { findUserById } from '@/lib/accounts/find-user';
import { isEmailVerificationRequired } from '@/lib/accounts/settings';
import { env } from '@/lib/env';
import { ANONYMOUS, type Actor, type PendingAccountStep } from './actor';
import { authOptions } from './options';

/**
 * Once per request: the session cookie, then the account it names as it is now. The
 * cookie's server-side session is checked by the jwt callback (lib/auth/options.ts): a
 * signed-out, revoked or expired session gives no session here, so the actor is anonymous.
 */
export const getActor = cache(async (): Promise<Actor> => {
  const session = await getServerSession(authOptions);
  const id = z.uuid().safeParse(session?.user?.id);
  if (!id.success) return ANONYMOUS;
  const user = await findUserById(await getDb(), id.data);
  // A deleted account's cookie is worth nothing.
  if (!user) return ANONYMOUS;
  const pending: PendingAccountStep[] = [];
  if (!user.emailVerified && isEmailVerificationRequired(env())) pending.push('verify_email');
  if (user.hasConsentOutstanding) pending.push('accept_terms');
  return { kind: 'user', id: user.id, name: user.name, shownAs: user.shownAs, role: user.role, pending };
});
