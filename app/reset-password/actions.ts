'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { findUserById } from '@/lib/accounts/find-user';
import { resetPassword } from '@/lib/accounts/password-reset';
import { formAction } from '@/lib/actions/form-action';
import { startBrowserSession } from '@/lib/auth/sign-in-session';

const resetSchema = z.object({
  token: z.string().max(200),
  // The rules are checked by resetPassword, against the account's e-mail and name too.
  password: z.string().max(1000),
});

/** Sets the new password, ends every session of the account, and signs this browser in. */
export const resetPasswordAction = formAction(resetSchema, async ({ token, password }, { db }) => {
  const { userId } = await resetPassword(db, { token, password });
  const user = await findUserById(db, userId);
  if (user) await startBrowserSession(db, { userId, name: user.name });
  redirect('/account?passwordReset=1');
});
